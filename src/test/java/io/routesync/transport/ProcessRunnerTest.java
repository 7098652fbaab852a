package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program's output and running time are bounded: endless output, silence, an unread input and a
 * descendant holding the output open each end the run with a clear TransportException well within the
 * timeout (each test fails, rather than hangs, if they did not), and ordinary output arrives whole.
 */
class ProcessRunnerTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int ROUNDS = 20;

    @TempDir
    Path dir;

    @Test
    void endlessOutputIsCutAtTheCap() {
        TransportException e = assertTimeoutPreemptively(LIMIT,
                () -> assertThrows(TransportException.class, () -> ProcessRunner.run(List.of("yes"), null, Duration.ofSeconds(50))));
        assertEquals("yes printed more than 256 MiB on its output; it was stopped", e.getMessage());
        assertFalse(e.unreachable(), "the program ran: a failure, not an unreachable host");
    }

    @Test
    void endlessErrorOutputIsCutAtItsCap() {
        TransportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(TransportException.class,
                () -> ProcessRunner.run(List.of("sh", "-c", "yes >&2"), null, Duration.ofSeconds(50))));
        assertEquals("sh printed more than 4 MiB on its error output; it was stopped", e.getMessage());
    }

    @Test
    void aSilentHangIsStoppedAtTheTimeoutWithItsChildren() throws Exception {
        Path pids = dir.resolve("pids");
        long start = System.nanoTime();
        TransportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(TransportException.class,
                () -> ProcessRunner.run(List.of("sh", "-c", "sleep 1000 & echo $! > " + pids + "; sleep 1001"), null, Duration.ofSeconds(2))));
        assertEquals("sh did not answer within 2 s; it was stopped", e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(15).toNanos());
        long child = Long.parseLong(Files.readString(pids).strip());
        assertTrue(waitUntilGone(child), "the program's child was killed too");
    }

    @Test
    void aProgramThatNeverReadsItsInputIsStoppedAtTheTimeout() {
        byte[] input = new byte[16 << 20]; // far more than a pipe holds
        TransportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(TransportException.class,
                () -> ProcessRunner.run(List.of("sleep", "1000"), input, Duration.ofSeconds(2))));
        assertEquals("sleep did not answer within 2 s; it was stopped", e.getMessage());
    }

    @Test
    void aProgramThatAnsweredInPartAndHangsDidNotFinishAndIsNamedByItsLabel() {
        // the label names what runs ("ssh to h1"), not the program's first word ("ip" of "ip netns exec X ssh")
        TransportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(TransportException.class,
                () -> ProcessRunner.run("ssh to h1", List.of("sh", "-c", "echo part; sleep 1000"), null, Duration.ofSeconds(2))));
        assertEquals("ssh to h1 did not finish within 2 s; it was stopped", e.getMessage());
        assertTrue(e.unreachable());
    }

    @Test
    void aDescendantHoldingTheOutputOpenDoesNotHangTheRun() throws Exception {
        // Once flaky: when the program exited while the reader was between two reads, the JDK's reaper
        // closed the pipe under it and the run ended "normally". Repeated with a short after-exit bound,
        // each round also checks that the orphaned child (reparented to init) was stopped.
        for (int round = 0; round < ROUNDS; round++) {
            Path pids = dir.resolve("pids" + round);
            TransportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(TransportException.class,
                    () -> ProcessRunner.run("sh", List.of("sh", "-c", "echo $$ > " + pids + "; sleep 1000 & echo started"),
                            null, Duration.ofSeconds(50), Duration.ofMillis(200))), "round " + round);
            assertEquals("sh exited, but a process it started kept its output open; it was stopped", e.getMessage());
            assertNoProcessLeftInSession(Long.parseLong(Files.readString(pids).strip()));
        }
    }

    @Test
    void aTimedOutProgramLeavesNoProcessOfItsSessionEvenOrphans() throws Exception {
        // the subshell exits at once: its sleep is reparented to init, no descendant of the program any more
        Path pids = dir.resolve("pids");
        TransportException e = assertTimeoutPreemptively(LIMIT, () -> assertThrows(TransportException.class,
                () -> ProcessRunner.run(List.of("sh", "-c", "echo $$ > " + pids + "; (sleep 1000 </dev/null >/dev/null 2>&1 &); "
                        + "trap '' TERM; sleep 1001"), null, Duration.ofSeconds(2))));
        assertEquals("sh did not answer within 2 s; it was stopped", e.getMessage());
        long sid = Long.parseLong(Files.readString(pids).strip());
        assertNoProcessLeftInSession(sid);
    }

    @Test
    void aProcessThatLeftTheSessionOnPurposeOutlivesTheStop() throws Exception {
        // as the confirm timer of arm.sh does: setsid + nohup, no descriptor of the run kept
        Path pids = dir.resolve("pids");
        assertThrows(TransportException.class, () -> ProcessRunner.run(List.of("sh", "-c",
                "setsid nohup sh -c 'echo $$ > " + pids + "; exec sleep 1000' </dev/null >/dev/null 2>&1 & sleep 1000"),
                null, Duration.ofSeconds(2)));
        long timer = Long.parseLong(Files.readString(pids).strip());
        try {
            assertTrue(ProcessHandle.of(timer).map(ProcessHandle::isAlive).orElse(false), "the detached timer still runs");
        } finally {
            ProcessHandle.of(timer).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void anOrphanHoldingNoneOfTheOutputDoesNotFailTheRun() throws Exception {
        // as the ProxyCommand of an ssh ControlMaster (a jump host) is: started before the master
        // daemonized (fork, setsid), it stays in the run's session, orphaned, holding none of the run's
        // output, and must live as long as the master
        Path pids = dir.resolve("pids");
        try {
            ScriptResult r = assertTimeoutPreemptively(LIMIT, () -> ProcessRunner.run(List.of("sh", "-c",
                    "(sleep 1000 </dev/null >/dev/null 2>&1 & echo $! > " + pids + "); echo ok"), null, Duration.ofSeconds(30)));
            assertEquals("ok\n", r.stdout());
            long proxy = Long.parseLong(Files.readString(pids).strip());
            assertTrue(ProcessHandle.of(proxy).map(ProcessHandle::isAlive).orElse(false), "the orphan still runs");
        } finally {
            if (Files.exists(pids)) ProcessHandle.of(Long.parseLong(Files.readString(pids).strip())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aProgramThatCannotBeFoundCannotStart() {
        TransportException e = assertThrows(TransportException.class,
                () -> ProcessRunner.run(List.of("/nonexistent/routesync-no-such-program"), null, LIMIT));
        assertEquals("cannot start /nonexistent/routesync-no-such-program: No such file or directory", e.getMessage());
        assertTrue(e.unreachable());
    }

    @Test
    void eachProgramRunsInASessionOfItsOwnUnderItsOwnPid() throws TransportException {
        ScriptResult r = ProcessRunner.run(List.of("sh", "-c", "echo $$; cut -d' ' -f6 /proc/$$/stat"), null, LIMIT);
        String[] lines = r.stdout().split("\n");
        assertEquals(lines[0], lines[1], "session id is the program's pid");
        assertTrue(ProcessSessions.sessionOf(ProcessHandle.current().pid()) != Long.parseLong(lines[0]));
    }

    @Test
    void ordinaryOutputArrivesWholeAcrossChunks() throws TransportException {
        // 3 MB of two-byte characters: many 64 KiB chunks, some ending inside a character
        ScriptResult r = ProcessRunner.run(List.of("sh", "-c", "yes é | head -n 1000000; echo done >&2; exit 3"), null, LIMIT);
        assertEquals(3, r.exitCode());
        assertEquals("é\n".repeat(1_000_000), r.stdout());
        assertEquals("done\n", r.stderr());
    }

    @Test
    void inputIsFedWhole() throws TransportException {
        byte[] input = "x".repeat(5 << 20).getBytes(StandardCharsets.UTF_8);
        ScriptResult r = ProcessRunner.run(List.of("wc", "-c"), input, LIMIT);
        assertEquals(Integer.toString(5 << 20), r.stdout().strip());
    }

    /** Fails when any process of session {@code sid} is left (searched through /proc, field 6 of stat). */
    private static void assertNoProcessLeftInSession(long sid) throws InterruptedException {
        List<ProcessHandle> left = ProcessSessions.sessionMembers(sid);
        for (int i = 0; i < 200 && !left.isEmpty(); i++) {
            Thread.sleep(10); // a killed process stays in /proc until its parent (init) reaps it
            left = ProcessSessions.sessionMembers(sid).stream().filter(ph -> !zombie(ph.pid())).toList();
        }
        assertEquals(List.of(), left.stream().map(ph -> ph.pid() + " " + ph.info().commandLine().orElse("?")).toList(),
                "processes left in session " + sid);
    }

    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (Exception gone) {
            return true;
        }
    }

    private static boolean waitUntilGone(long pid) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return true;
            Thread.sleep(10);
        }
        return false;
    }
}

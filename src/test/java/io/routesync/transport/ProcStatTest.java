package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One read of /proc/PID/stat gives a process's session and whether it exited, also when its name holds
 * spaces and parentheses; a scan finds a program in the session it leads, and none once it is gone.
 */
class ProcStatTest {
    @TempDir
    Path dir;

    @Test
    void theFieldsAreCountedFromTheLastParenthesis() {
        byte[] line = "4242 (a) 1 2 (b) S 1 4240 4241 0 -1 4194560 100 0 0 0\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new ProcStat(4242, 4241, false), ProcStat.parse(4242, line, line.length));
        byte[] zombie = "77 (sh) Z 1 77 77 0 -1\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new ProcStat(77, 77, true), ProcStat.parse(77, zombie, zombie.length));
    }

    @Test
    void aLineThatCannotBeReadIsAProcessGone() {
        byte[] cut = "12 (x".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new ProcStat(12, -1, true), ProcStat.parse(12, cut, cut.length));
        byte[] noSession = "12 (x) S 1 2".getBytes(StandardCharsets.US_ASCII);
        assertEquals(-1, ProcStat.parse(12, noSession, noSession.length).session());
        assertEquals(new ProcStat(Long.MAX_VALUE, -1, true), ProcStat.of(Long.MAX_VALUE));
    }

    @Test
    void aScanFindsAProgramWithAnAwkwardNameInTheSessionItLeads() throws Exception {
        // the kernel names a process after its file: spaces and parentheses end up in stat's second field
        Path sleep = dir.resolve("a) S 1 2 (b");
        Files.createSymbolicLink(sleep, Path.of("/bin/sleep"));
        Process p = new ProcessBuilder("setsid", sleep.toString(), "30").start();
        try {
            long pid = p.pid();
            assertEquals(pid, waitForSession(pid), "setsid execs in place: the program leads the session of its pid");
            List<ProcStat> all = ProcStat.all();
            assertTrue(all.contains(new ProcStat(pid, pid, false)), "the scan finds it, live, in its session");
            assertTrue(all.stream().anyMatch(s -> s.pid() == ProcessHandle.current().pid() && !s.zombie()), "and this JVM");
            assertEquals(List.of(pid), ProcessSessions.sessionMembers(pid).stream().map(ProcessHandle::pid).toList());
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        assertFalse(ProcStat.all().stream().anyMatch(s -> s.pid() == p.pid()), "reaped: gone from the scan");
        assertEquals(List.of(), ProcessSessions.sessionMembers(p.pid()));
    }

    /** The session of {@code pid} once setsid has made it (it runs before exec). */
    private static long waitForSession(long pid) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            ProcStat s = ProcStat.of(pid);
            if (s.session() == pid) return pid;
            Thread.sleep(10);
        }
        return ProcStat.of(pid).session();
    }
}

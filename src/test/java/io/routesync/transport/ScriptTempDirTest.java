package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.Shell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporary directory of a script run on a target (its input, the batch, readings): gone when a
 * run is interrupted (HUP, INT, TERM, a cut stdout), and what a run killed outright left is removed
 * by the next run that makes one, touching nothing routesync did not make. The scripts run here with TMPDIR in a
 * test directory and a fake {@code ip} first in PATH, so no kernel state is involved.
 */
class ScriptTempDirTest {
    private static final long DEAD_PID = 2_147_483_646L; // above any pid_max (at most 2^22)

    @TempDir
    Path dir;

    private Path tmp() throws IOException {
        return Files.createDirectories(dir.resolve("tmp"));
    }

    /** A fake ip that runs {@code body}. */
    private Path fakeIp(String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path ip = bin.resolve("ip");
        Files.writeString(ip, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(ip, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    /**
     * apply.sh (a script that makes its temporary directory at once; read.sh makes none) with no input,
     * expecting a digest no reading has, in its own session (so its process group can be signalled),
     * with TMPDIR and PATH set. It reads the host under the lock (the fake ip), then stops: "stale".
     */
    private Process startRun(Path bin) throws IOException {
        return start(bin, Script.APPLY, "no-such-digest", "102");
    }

    private Process start(Path bin, Script script, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of("setsid", "sh", "-c", script.text(), "routesync", "rstest1", "",
                dir.resolve("etc").toString(), dir.resolve("run.lock").toString(), "5", dir.resolve("state").toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("TMPDIR", tmp().toString());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    private Set<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }

    /** Waits until the run made its directory and its fake ip runs; returns the directory's name. */
    private String awaitRunning(Process p) throws Exception {
        for (int i = 0; i < 800 && p.isAlive(); i++) {
            Set<String> n = names(tmp());
            boolean ipRuns = p.descendants().anyMatch(ph -> ph.info().command().orElse("").endsWith("sleep"));
            if (n.size() == 1 && ipRuns) return n.iterator().next();
            Thread.sleep(25);
        }
        throw new AssertionError("the run did not start: " + names(tmp()) + (p.isAlive() ? "" : ", exit " + p.exitValue() + ": "
                + new String(p.getInputStream().readAllBytes()) + Files.readString(dir.resolve("stderr"))));
    }

    private void interruptedBy(String signal, int exitCode) throws Exception {
        Process p = startRun(fakeIp("exec sleep 30"));
        try {
            String name = awaitRunning(p);
            long group = p.pid();
            assertTrue(group > 1);
            // dash's own kill (kill(1) of procps-ng 4.0.2 misreads a negative pid)
            Shell.check("sh", "-c", "kill -" + signal + " -" + group);
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the run ended");
            assertEquals(exitCode, p.exitValue(), signal);
            assertEquals(Set.of(), names(tmp()), "SIG" + signal + ": the temporary directory is gone");
            // named so that a later run can tell whose it was
            assertTrue(name.matches("routesync\\." + p.pid() + "\\.[A-Za-z0-9]{6}"), name);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void aRunInterruptedByTermRemovesItsTemporaryDirectory() throws Exception {
        interruptedBy("TERM", 143);
    }

    @Test
    void aRunInterruptedByHupRemovesItsTemporaryDirectory() throws Exception {
        interruptedBy("HUP", 129);
    }

    @Test
    void aRunInterruptedByIntRemovesItsTemporaryDirectory() throws Exception {
        interruptedBy("INT", 130);
    }

    @Test
    void aRunWhoseOutputIsCutRemovesItsTemporaryDirectory() throws Exception {
        // the connection is gone: the next line the script prints gets SIGPIPE
        Process p = startRun(fakeIp("sleep 1; echo 'ip utility, iproute2-6.1.0'"));
        try {
            awaitRunning(p);
            p.getInputStream().close();
            // apply.sh prints nothing until it has read the host (five ip runs of a second each)
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run ended");
            assertEquals(141, p.exitValue());
            assertEquals(Set.of(), names(tmp()), "the temporary directory is gone");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void aRunKilledOutrightLeavesItsDirectoryForTheNextRunToRemove() throws Exception {
        Process killed = startRun(fakeIp("exec sleep 30"));
        String left;
        try {
            left = awaitRunning(killed);
            // SIGKILL: no trap runs
            killed.descendants().forEach(ProcessHandle::destroyForcibly);
            killed.destroyForcibly();
            assertTrue(killed.waitFor(10, TimeUnit.SECONDS));
        } finally {
            killed.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        assertEquals(Set.of(left), names(tmp()), "SIGKILL leaves the directory");
        // just left: its pid may run in another pid namespace sharing this directory, so it stays a while
        Process next = startRun(fakeIp("exit 0"));
        assertTrue(next.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, next.exitValue());
        assertEquals(Set.of(left), names(tmp()), "a fresh directory of a pid not seen here is kept");
        // untouched for over an hour: a killed run's
        Files.setLastModifiedTime(tmp().resolve(left), FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
        next = startRun(fakeIp("exit 0"));
        assertTrue(next.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, next.exitValue());
        assertEquals(Set.of(), names(tmp()), "the next run removed it (and its own)");
    }

    @Test
    void aReadMakesNoTemporaryDirectoryAndSweepsNothing() throws Exception {
        Path dead = Files.createDirectories(tmp().resolve("routesync." + DEAD_PID + ".Ab12Cd"));
        Process p = start(fakeIp("exit 0"), Script.READ, "102");
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the run ended");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("rstest1 digest "), out);
        // a read needs no directory of its own, so it leaves sweeping to the next apply
        assertEquals(Set.of(dead.getFileName().toString()), names(tmp()));
    }

    @Test
    void aLaterRunRemovesWhatKilledRunsLeftAndNothingElse() throws Exception {
        Path tmp = tmp();
        Path victim = Files.createDirectories(dir.resolve("victim"));
        Files.writeString(victim.resolve("keep"), "not routesync's");
        // left by a run killed outright: its pid is gone
        Path dead = Files.createDirectories(tmp.resolve("routesync." + DEAD_PID + ".Ab12Cd"));
        Files.writeString(Files.createDirectories(dead.resolve("sub")).resolve("batch4-0001"), "route add ...\n");
        Files.createSymbolicLink(dead.resolve("link"), victim);
        Files.setLastModifiedTime(dead, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        // a run that still runs (this JVM's pid)
        Path alive = Files.createDirectories(tmp.resolve("routesync." + ProcessHandle.current().pid() + ".Ef34Gh"));
        // planted: a symlink with a dead pid, pointing elsewhere; names routesync never uses
        Path link = Files.createSymbolicLink(tmp.resolve("routesync." + (DEAD_PID - 1) + ".Ij56Kl"), victim);
        Path otherName = Files.createDirectories(tmp.resolve("other." + DEAD_PID + ".Mn78Op"));
        Path noPid = Files.createDirectories(tmp.resolve("routesync.x1.Qr90St"));
        Set<String> expected = new TreeSet<>(Set.of(alive.getFileName().toString(), link.getFileName().toString(),
                otherName.getFileName().toString(), noPid.getFileName().toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            // another user's directory of the same name: not made by routesync, which runs as root
            Path foreign = Files.createDirectories(tmp.resolve("routesync." + (DEAD_PID - 2) + ".Uv12Wx"));
            Shell.check("chown", "65534:65534", foreign.toString());
            expected.add(foreign.getFileName().toString());
        }

        Process p = startRun(fakeIp("exit 0"));
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the run ended");
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("rstest1 stale "), out);

        assertEquals(expected, names(tmp), "only the dead run's directory went (and the run's own)");
        assertTrue(Files.isSymbolicLink(link), "a planted symlink is neither followed nor removed");
        assertEquals("not routesync's", Files.readString(victim.resolve("keep")), "nothing behind a symlink was touched");
    }
}

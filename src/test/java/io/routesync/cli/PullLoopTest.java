package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/container/routesync-pull-loop, the container's entrypoint, run with a stand-in routesync
 * on PATH that records its arguments and exits with codes the test chooses: arguments pass through
 * unevaluated, failures are retried, a bad command line stops the loop, SIGTERM in the pause ends it
 * at once, and a bad interval is refused before anything runs.
 */
class PullLoopTest {
    private static final Path LOOP = Path.of("examples/container/routesync-pull-loop").toAbsolutePath();
    private static final List<String> ARGS = List.of("--repo", "https://git.example.org/a b.git", "--host", "$(touch pwned)", "*", "");

    @TempDir
    Path dir;

    private final List<Process> started = new java.util.ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        // a loop that did not stop as it should, and its sleep
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void passesArgumentsAsTheyAreRetriesFailuresAndStopsOnABadCommandLine() throws Exception {
        Files.writeString(dir.resolve("codes"), "1\n65\n64\n");
        Process p = start("1");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "stops after exit 64");
        assertEquals(64, p.exitValue());
        assertEquals("3", Files.readString(dir.resolve("count")).strip(), "ran three times");
        for (int run = 1; run <= 3; run++) {
            assertEquals(ARGS, List.of(Files.readString(dir.resolve("args." + run)).split("\n", -1)).subList(1, ARGS.size() + 1),
                    "run " + run + ": pull and the arguments, unchanged");
        }
        assertFalse(Files.exists(dir.resolve("pwned")), "an argument is never evaluated");
        String err = Files.readString(dir.resolve("stderr"));
        assertTrue(err.contains("routesync pull exited 1; next try in 1s"), err);
        assertTrue(err.contains("exited 65; next try"), err);
        assertTrue(err.contains("refused its arguments (exit 64)"), err);
    }

    @Test
    void sigtermDuringThePauseEndsTheLoopAtOnce() throws Exception {
        Files.writeString(dir.resolve("codes"), "");
        Process p = start("300");
        long deadline = System.currentTimeMillis() + 20_000;
        while (!Files.exists(dir.resolve("count")) && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertTrue(Files.exists(dir.resolve("count")), "the first pull ran");
        Thread.sleep(200);
        long signalled = System.nanoTime();
        p.destroy();
        assertTrue(p.waitFor(5, TimeUnit.SECONDS), "SIGTERM in the pause ends the loop");
        assertEquals(0, p.exitValue());
        assertTrue(System.nanoTime() - signalled < 5_000_000_000L);
        assertEquals("1", Files.readString(dir.resolve("count")).strip());
    }

    @Test
    void refusesAnIntervalThatIsNotWholeSeconds() throws Exception {
        for (String interval : List.of("5m", "0", "-1", "1;touch x", "1 2")) {
            Process p = start(interval);
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "ROUTESYNC_INTERVAL=" + interval + " is refused at once");
            assertEquals(64, p.exitValue(), "ROUTESYNC_INTERVAL=" + interval);
            assertFalse(Files.exists(dir.resolve("count")), "nothing ran for ROUTESYNC_INTERVAL=" + interval);
        }
    }

    private Process start(String interval) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("routesync");
        Files.writeString(fake, String.join("\n",
                "#!/bin/sh",
                "# stand-in for routesync: counts its runs, records its arguments one a line, exits as told",
                "n=$(cat \"$FAKE_DIR/count\" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > \"$FAKE_DIR/count\"",
                "for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$FAKE_DIR/args.$n\"",
                "code=$(sed -n \"${n}p\" \"$FAKE_DIR/codes\")",
                "exit ${code:-0}",
                ""));
        assertTrue(fake.toFile().setExecutable(true));
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of(LOOP.toString())));
        pb.command().addAll(ARGS);
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("FAKE_DIR", dir.toString());
        pb.environment().put("ROUTESYNC_INTERVAL", interval);
        Process p = pb.directory(dir.toFile()).redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile()).start();
        started.add(p);
        return p;
    }
}

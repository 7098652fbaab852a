package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract without any host: usage errors, exit codes, messages. */
class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void unknownOptionIsAUsageError() {
        CliRunner.Result run = CliRunner.run("plan", "--nosuch");
        assertEquals(64, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Unknown option: '--nosuch'"), run::toString);
        assertTrue(run.err().contains("routesync plan --help"), run::toString);
    }

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        CliRunner.Result run = CliRunner.run("plna");
        assertEquals(64, run.exitCode(), run::toString);
        assertTrue(run.err().contains("plan"), run::toString);
    }

    @Test
    void planWithoutStateSaysWhatToPass() {
        CliRunner.Result run = CliRunner.run("plan");
        assertEquals(64, run.exitCode(), run::toString);
        assertTrue(run.err().contains("pass -f FILE"), run::toString);
    }

    @Test
    void missingStateFileIsInvalidInput() {
        CliRunner.Result run = CliRunner.run("validate", "-f", dir.resolve("nope.yml").toString());
        assertEquals(65, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith(dir.resolve("nope.yml") + ": error: no such file"), run::toString);
    }

    @Test
    void validateAcceptsTheSeedStateWithVariables() {
        CliRunner.Result run = CliRunner.run("validate", "-f", "states/dual-uplink.yml", "--var", "uplink2_addr=192.168.2.10",
                "--var", "uplink2_net=192.168.2.0/24", "--var", "uplink2_gw=192.168.2.1");
        assertEquals(0, run.exitCode(), run::toString);
        // the seed example checks its expectations offline too: one is met, the other needs the host (table main)
        assertEquals("Valid: 2 rules, 2 routes, 1 owned tables.\nExpectations: 1 met, 1 to check on the host (routesync test).\n", run.out());
    }

    @Test
    void badNamespaceNameIsRefusedBeforeAnythingRuns() throws Exception {
        Path state = dir.resolve("s.yml");
        Files.writeString(state, "tables: { t: 100 }\n");
        CliRunner.Result run = CliRunner.run("plan", "-f", state.toString(), "--netns", "x;reboot");
        assertEquals(64, run.exitCode(), run::toString);
        assertTrue(run.err().contains("not a valid network namespace name"), run::toString);
    }

    @Test
    void missingNamespaceIsUnreachable() throws Exception {
        Path state = dir.resolve("s.yml");
        Files.writeString(state, "tables: { t: 100 }\n");
        CliRunner.Result run = CliRunner.run("plan", "-f", state.toString(), "--netns", "rs-does-not-exist-42");
        assertEquals(69, run.exitCode(), run::toString);
        assertTrue(run.err().contains("does not exist"), run::toString);
    }

    @Test
    void helpListsTheCommands() {
        CliRunner.Result run = CliRunner.run("--help");
        assertEquals(0, run.exitCode());
        for (String c : new String[] {"validate", "plan", "apply", "show", "import", "demo"}) {
            assertTrue(run.out().contains(c), c);
        }
    }
}

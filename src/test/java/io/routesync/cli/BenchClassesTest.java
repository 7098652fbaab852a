package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.run.HostRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive's training (routesync bench classes) runs a whole plan of its state on its
 * made-up host, as a user's plan of the seed state runs: read through a real program, planned, its
 * expectations checked and printed. A reading the parser no longer takes would only show as a slower
 * start, so it is checked here.
 */
class BenchClassesTest {
    @TempDir
    Path dir;

    @Test
    void theTrainingPlanRunsWholeAndFindsTheMadeUpHostConverged() throws Exception {
        Path state = Files.writeString(dir.resolve("state.yml"), BenchCommand.Classes.STATE);
        StringWriter text = new StringWriter();
        HostRun run = BenchCommand.Classes.trainingPlan(new PrintWriter(text, true), BenchCommand.Classes.planArgs(state, dir));
        assertEquals(HostRun.Status.OK, run.status(), text::toString);
        assertTrue(run.plan().changes().isEmpty(), text::toString);
        assertEquals(2, run.expectations().size(), text::toString);
        assertTrue(text.toString().contains("No changes."), text::toString);
    }
}

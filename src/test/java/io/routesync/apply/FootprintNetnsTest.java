package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.iproute2.HostReading;
import io.routesync.model.Action;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.testing.InterceptedTarget;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.Script;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The footprint ({@code STATE_DIR/tables}) names every table an apply may leave a tagged route in,
 * however the apply ends: an apply killed right after its batch moved routes to another table must
 * not leave them where no later read looks.
 */
class FootprintNetnsTest {
    @TempDir
    Path dir;
    Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("foot");
        ns.vethPair("d0", "d0p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    /**
     * Runs the apply script for real, but the first run dies (SIGKILL) right after its batch, every later one before it.
     * Each takes its temporary directory with it first: a killed run's is left for a later run's sweep, which
     * waits an hour (common.sh's sweep_tmp), and this test leaves nothing behind in /tmp.
     */
    private static Target killed(Target real) {
        int[] applies = {0};
        return new InterceptedTarget(real, (inner, script, args, stdin, timeout) -> {
            if (!script.equals(Script.APPLY.text())) return inner.run(script, args, stdin, timeout);
            String at = ++applies[0] == 1 ? "mark batch-time" : "ok=1";
            assertTrue(script.contains("\n" + at), "the apply script still has the line the kill goes before: " + at);
            return inner.run(script.replace("\n" + at, "\nrm -rf -- \"$tmp\"; kill -KILL $$\n" + at), args, stdin, timeout);
        });
    }

    private static LoadedState state(int table) throws Exception {
        String yaml = String.join("\n",
                "tables: { t" + table + ": " + table + " }",
                "rules:",
                "  - { priority: 1000, from: 192.0.2.1, table: t" + table + " }",
                "routes:",
                "  t" + table + ":",
                "    - \"10.10.0.0/16 via 192.0.2.253 dev d0\"",
                "");
        return StateLoader.load(List.of(new SourceFile("s.yml", yaml)), Variables.none(), 245);
    }

    private Reconciler reconciler(Target target) {
        TargetPaths paths = TargetPaths.of(ns.name(), dir.resolve("etc").toString(), dir.resolve("state").toString(), dir.toString());
        return new Reconciler(target, paths, new Reconciler.Settings(Duration.ofSeconds(5), Duration.ofSeconds(60)), Clock.systemUTC());
    }

    private ApplyReport apply(Reconciler r, LoadedState loaded) throws Exception {
        Ownership own = new Ownership(loaded.state().ownedTables(), 245);
        HostReading reading = r.observe(loaded.state());
        HostPlan plan = r.plan(loaded.state(), reading, own);
        return r.apply(loaded.state(), own, reading, plan, new ApplyRecord.Inputs("t", null, "t"), true, p -> { });
    }

    @Test
    void anApplyKilledAfterItsBatchLeavesEveryTableItTouchedInTheFootprint() throws Exception {
        Reconciler real = reconciler(LocalTarget.netns(ns.name()));
        assertEquals(ApplyReport.Outcome.APPLIED, apply(real, state(100)).outcome());
        assertEquals("100\n", Files.readString(dir.resolve("state/tables")));

        // the routes move to table 200; the run dies after its batch, and so does the rollback that follows
        assertThrows(TransportException.class, () -> apply(reconciler(killed(LocalTarget.netns(ns.name()))), state(200)));
        assertTrue(ns.ip("route", "show", "table", "200").contains("10.10.0.0/16"), "the killed batch did move the route");
        assertEquals("100\n200\n", Files.readString(dir.resolve("state/tables")),
                "the footprint was grown to old and new tables before the batch");

        // back to table 100: the route left in table 200 is found and removed, as nothing names 200 any more
        LoadedState back = state(100);
        HostReading reading = real.observe(back.state());
        HostPlan plan = real.plan(back.state(), reading, new Ownership(back.state().ownedTables(), 245));
        assertTrue(plan.changes().stream().anyMatch(c -> c.action() == Action.DELETE && c.entry() instanceof Route
                && ((Route) c.entry()).table().id() == 200), plan.changes().toString());
        assertEquals(ApplyReport.Outcome.APPLIED, apply(real, back).outcome());
        assertEquals("", ns.ip("route", "show", "table", "200"), "no route is left behind in table 200");
        assertEquals("100\n", Files.readString(dir.resolve("state/tables")), "after a complete apply the footprint shrinks again");
    }
}

package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.HostReading;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.saved.PlanFileException;
import io.routesync.saved.PlanFileReader;
import io.routesync.saved.PlanFileWriter;
import io.routesync.saved.SavedHost;
import io.routesync.saved.SavedPlan;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plan --out / apply FILE against a namespace: the saved plan applies on an unchanged host, is refused
 * as stale after a hand-made change of the owned state (and nothing is applied), is not refused for a
 * change outside it, and an altered file is refused before anything is read or applied.
 */
class SavedPlanNetnsTest {
    private static final String VERSION = "test-version";

    @TempDir
    Path dir;
    Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = SafetyNetns.host("saved");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    /** What plan --out does: read, plan, describe the target, write the file. */
    private String planFile(String yaml) throws Exception {
        LoadedState loaded = SafetyNetns.load(yaml);
        Reconciler r = SafetyNetns.reconciler(ns, dir);
        Ownership ownership = new Ownership(loaded.state().ownedTables(), 245);
        HostReading reading = r.observe(loaded.state());
        HostPlan plan = r.plan(loaded.state(), reading, ownership);
        SavedHost host = new SavedHost(r.target().name(), SavedTargets.describe(r.target(), r.paths()), ownership.protocolTag(),
                reading.digest(), loaded.state(), plan);
        return PlanFileWriter.write(new SavedPlan(VERSION, "2024-06-11T10:00:00Z", "inputs", null, List.of(host)));
    }

    /** What apply FILE does for each host: read the file, reach the saved target, apply. */
    private SavedPlanApplier.Result applyFile(String text) throws Exception {
        SavedPlan plan = PlanFileReader.read(text, VERSION);
        SavedHost host = plan.hosts().get(0);
        Reconciler r = SafetyNetns.reconciler(SavedTargets.open(host.name(), host.target(), null), SavedTargets.paths(host.target()));
        return SavedPlanApplier.apply(host, r, SafetyNetns.inputs(), null, false);
    }

    @Test
    void appliesExactlyTheSavedPlanOnAnUnchangedHost() throws Exception {
        String file = planFile(SafetyNetns.STATE);
        // a change outside the owned state does not make the plan stale
        ns.ip("rule", "add", "pref", "500", "to", "203.0.113.0/24", "lookup", "main");
        SavedPlanApplier.Result r = applyFile(file);
        assertEquals(SavedPlanApplier.Status.APPLIED, r.status(), () -> r.message() + " " + r.report());
        assertEquals(PlanFileReader.read(file, VERSION).hosts().get(0).plan().changes(), r.report().applied().changes(),
                "exactly the saved changes: the table name, two routes, the rule");
        assertEquals(4, r.report().applied().changes().size());
        assertTrue(ns.ip("rule", "show").contains("1000:\tfrom 198.51.100.10 lookup 102 proto 245"));
        assertTrue(ns.ip("route", "show", "table", "102").contains("default via 198.51.100.1 dev d1 proto 245"));

        SavedPlanApplier.Result again = applyFile(planFile(SafetyNetns.STATE));
        assertEquals(SavedPlanApplier.Status.NO_CHANGES, again.status());
    }

    @Test
    void aHandMadeChangeOfTheOwnedStateMakesThePlanStaleAndNothingIsApplied() throws Exception {
        String file = planFile(SafetyNetns.STATE);
        ns.ip("route", "add", "10.9.0.0/16", "dev", "d1", "table", "102");
        String before = SafetyNetns.snapshot(ns);
        SavedPlanApplier.Result r = applyFile(file);
        assertEquals(SavedPlanApplier.Status.STALE, r.status());
        assertTrue(r.message().startsWith("plan is stale: netns " + ns.name() + ": its owned rules, routes or table names changed"),
                r.message());
        assertEquals(before, SafetyNetns.snapshot(ns), "nothing applied");
    }

    @Test
    void anAlteredFileIsRefusedBeforeAnythingHappens() throws Exception {
        String file = planFile(SafetyNetns.STATE);
        String before = SafetyNetns.snapshot(ns);
        String altered = file.replace("default via 198.51.100.1 dev d1", "default via 198.51.100.66 dev d1");
        assertTrue(!altered.equals(file));
        PlanFileException e = assertThrows(PlanFileException.class, () -> applyFile(altered));
        assertTrue(e.getMessage().contains("changed after it was written"), e.getMessage());
        assertEquals(before, SafetyNetns.snapshot(ns));
    }
}

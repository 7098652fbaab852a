package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Change;
import io.routesync.model.Entry;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rollback after a partly applied plan: everything the plan touched returns to the snapshot, nothing
 * else is touched. "Applied up to change k" is simulated with the first k changes, which is also what a
 * batch that the kernel stopped at line k+1 leaves behind.
 */
class RollbackTest {
    private static final Ownership OWN = new Ownership(java.util.Set.of(io.routesync.model.TableId.of(102)), Scenario.TAG);

    private static List<String> rollbackAfter(Scenario s, int applied) throws Exception {
        Observed snapshot = s.observed();
        HostPlan plan = s.plan();
        Observed now = Simulator.apply(snapshot, plan.changes().subList(0, applied));
        return PlanText.lines(Planner.rollback(snapshot, now, plan, s.ownership()));
    }

    @Test
    void whatWasAddedIsDeletedAndWhatWasReplacedIsPutBack() throws Exception {
        Scenario s = new Scenario().name("uplink2", 102)
                .want("default table 102 via 192.168.2.1 dev eth1", "10.1.0.0/16 table 102 dev eth1", "1000 lookup 102")
                .live("default table 102 via 192.168.2.254 dev eth1 proto 4");
        // the plan: + table, + route 10.1/16, ~ default, + rule; the kernel refused the rule
        assertEquals(List.of(
                "+ table 102 uplink2",
                "~ route default via 192.168.2.1 dev eth1 table 102 proto 245 scope 0 metric 0"
                        + " (was default via 192.168.2.254 dev eth1 table 102 proto 4 scope 0 metric 0)",
                "+ route 10.1.0.0/16 dev eth1 table 102 proto 245 scope 253 metric 0",
                "+ rule pref 1000 lookup 102 protocol 245"), s.planText());
        assertEquals(List.of(
                "- table 102 uplink2",
                "~ route default via 192.168.2.254 dev eth1 table 102 proto 4 scope 0 metric 0"
                        + " (was default via 192.168.2.1 dev eth1 table 102 proto 245 scope 0 metric 0)",
                "- route 10.1.0.0/16 dev eth1 table 102 proto 245 scope 253 metric 0"), rollbackAfter(s, 3));
    }

    /** Issue 16 item 1: a replace by a gateway without dev is undone with the snapshot's route, device and all. */
    @Test
    void aReplaceByAGatewayWithoutDevIsUndoneWithTheDeviceItHad() throws Exception {
        Scenario s = new Scenario().owns(102).want("10.99.0.0/16 table 102 via 192.168.3.1")
                .live("10.99.0.0/16 table 102 via 192.168.2.1 dev eth1 proto 4");
        HostPlan plan = s.plan();
        assertEquals(List.of("~ route 10.99.0.0/16 via 192.168.3.1 table 102 proto 245 scope 0 metric 0"
                + " (was 10.99.0.0/16 via 192.168.2.1 dev eth1 table 102 proto 4 scope 0 metric 0)"), PlanText.lines(plan));
        // the kernel chose eth2 for the new gateway
        Observed now = new Scenario().owns(102).live("10.99.0.0/16 table 102 via 192.168.3.1 dev eth2 proto 245").observed();
        assertEquals(List.of("~ route 10.99.0.0/16 via 192.168.2.1 dev eth1 table 102 proto 4 scope 0 metric 0"
                + " (was 10.99.0.0/16 via 192.168.3.1 dev eth2 table 102 proto 245 scope 0 metric 0)"),
                PlanText.lines(Planner.rollback(s.observed(), now, plan, s.ownership())));
    }

    @Test
    void aHalfDoneMetricChangeLosesItsNewRouteAndKeepsTheOld() throws Exception {
        Scenario s = new Scenario().owns(102).want("10.99.0.0/16 table 102 dev eth1 metric 50")
                .liveTagged("10.99.0.0/16 table 102 dev eth1 metric 100");
        assertEquals(List.of("- route 10.99.0.0/16 dev eth1 table 102 proto 245 scope 253 metric 50"), rollbackAfter(s, 1));
        assertEquals(List.of("+ route 10.99.0.0/16 dev eth1 table 102 proto 245 scope 253 metric 100",
                "- route 10.99.0.0/16 dev eth1 table 102 proto 245 scope 253 metric 50"), rollbackAfter(s, 2));
    }

    @Test
    void aRuleTheKernelNumberedIsFoundAndDeleted() throws Exception {
        Scenario s = new Scenario().owns(102).want("auto from 10.0.0.0/8 lookup 102");
        assertEquals(List.of("- rule pref 32765 from 10.0.0.0/8 lookup 102 protocol 245"), rollbackAfter(s, 1));
    }

    @Test
    void deletedRulesComeBackWithTheirOwnProtocol() throws Exception {
        Scenario s = new Scenario().owns(102).live("900 from 10.0.0.0/8 lookup 102", "901 lookup 102 proto 4");
        assertEquals(List.of("+ rule pref 901 lookup 102 protocol 4", "+ rule pref 900 from 10.0.0.0/8 lookup 102 protocol 0"),
                rollbackAfter(s, 2));
    }

    @Test
    void aRuleInTheWayOfARestoredOneStepsAsideAndComesBack() throws Exception {
        // the plan deleted the looser rule; restoring it while the narrower one (same protocol) stays
        // would fail with "File exists", so the narrower one is deleted first and added back after
        Scenario s = new Scenario().owns(102).want("1004 from 10.0.0.0/8 lookup 102")
                .liveTagged("1004 lookup 102", "1004 from 10.0.0.0/8 lookup 102");
        Observed snapshot = s.observed();
        HostPlan plan = s.plan();
        Observed now = Simulator.apply(snapshot, plan.changes());
        HostPlan back = Planner.rollback(snapshot, now, plan, s.ownership());
        assertEquals(List.of(
                "- rule pref 1004 from 10.0.0.0/8 lookup 102 protocol 245",
                "+ rule pref 1004 lookup 102 protocol 245",
                "+ rule pref 1004 from 10.0.0.0/8 lookup 102 protocol 245"), PlanText.lines(back));
        assertEquals(canonical(snapshot), canonical(Simulator.apply(now, back.changes())));
    }

    @Test
    void entriesThePlanDidNotTouchAreLeftAloneEvenIfTheyChanged() throws Exception {
        Scenario s = new Scenario().owns(102).want("10.1.0.0/16 table 102 dev eth1");
        Observed snapshot = s.observed();
        HostPlan plan = s.plan();
        Observed now = Simulator.apply(snapshot, plan.changes());
        List<Route> routes = new ArrayList<>(now.routes());
        routes.add(Scenario.liveRoute("10.2.0.0/16 table 102 dev eth1"));
        List<Rule> rules = new ArrayList<>(now.rules());
        rules.add(Scenario.liveRule("500 lookup 102"));
        Observed raced = PlannerPropertiesTest.with(now, rules, routes);
        assertEquals(List.of("- route 10.1.0.0/16 dev eth1 table 102 proto 245 scope 253 metric 0"),
                PlanText.lines(Planner.rollback(snapshot, raced, plan, OWN)));
    }

    @Test
    void rollingBackReturnsWhatWasTouchedToTheSnapshotWhereverTheApplyStopped() {
        Ownership own = StateGenerator.ownership();
        int rolledBack = 0;
        for (long seed = 1; seed <= 400; seed++) {
            // several routes under one key (ip route append) are a documented limit of rollback
            StateGenerator g = new StateGenerator(seed, false);
            HostPlan plan;
            try {
                plan = Planner.plan(g.desired, g.observed, own);
            } catch (PlanConflictException e) {
                throw new AssertionError("seed " + seed, e);
            }
            Random random = new Random(seed);
            for (int attempt = 0; attempt < 3 && !plan.isEmpty(); attempt++) {
                int applied = 1 + random.nextInt(plan.changes().size());
                Observed now = Simulator.apply(g.observed, plan.changes().subList(0, applied));
                HostPlan back = Planner.rollback(g.observed, now, plan, own);
                String why = "seed " + seed + " applied " + applied + "\nplan:\n" + String.join("\n", PlanText.lines(plan))
                        + "\nrollback:\n" + String.join("\n", PlanText.lines(back));
                assertTouchesOnlyWhatThePlanTouched(plan, back, why);
                Observed restored = PlannerPropertiesTest.simulate(now, back.changes(), seed, back);
                assertEquals(canonical(g.observed), canonical(restored), why);
                assertTrue(Planner.rollback(g.observed, restored, plan, own).isEmpty(), why);
                rolledBack++;
            }
        }
        assertTrue(rolledBack > 300, "only " + rolledBack + " rollbacks exercised");
    }

    /**
     * Every change concerns an entry the plan touched, or a rule the kernel numbered for it; the one
     * exception is a rule in the way of one (see Rollback), which may only step aside and come back.
     */
    private static void assertTouchesOnlyWhatThePlanTouched(HostPlan plan, HostPlan back, String why) {
        Set<Object> touched = new HashSet<>();
        for (Change c : plan.changes()) touched.add(identity(c.entry()));
        for (Change c : back.changes()) {
            Object id = identity(c.entry());
            boolean kernelNumbered = c.entry() instanceof Rule && touched.contains(((Rule) c.entry()).identity().withPriority(null));
            boolean stepsAside = c.entry() instanceof Rule
                    && back.changes().contains(Change.add(c.entry())) && back.changes().contains(Change.delete(c.entry()));
            assertTrue(touched.contains(id) || kernelNumbered || stepsAside, why + "\nuntouched: " + PlanText.line(c));
        }
    }

    private static Object identity(Entry e) {
        if (e instanceof Route) return ((Route) e).key();
        if (e instanceof Rule) return ((Rule) e).identity();
        return (TableName) e;
    }

    /** An observed state as sorted lines: the kernel's list order is not what rollback restores. */
    static List<String> canonical(Observed o) {
        List<String> lines = new ArrayList<>();
        for (Rule r : o.rules()) lines.add("rule " + EntryText.of(r));
        for (Route r : o.routes()) lines.add("route " + EntryText.of(r));
        for (TableName n : o.managedTableNames()) lines.add("name " + n);
        lines.sort(null);
        return lines;
    }
}

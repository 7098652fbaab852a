package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Seeded properties of the planner over generated hosts ({@link StateGenerator}); a failure names its seed. */
class PlannerPropertiesTest {
    private static final int SEEDS = 600;
    private static final Ownership OWN = StateGenerator.ownership();

    @Test
    void inputOrderDoesNotChangeThePlan() throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            StateGenerator g = new StateGenerator(seed, true);
            HostPlan plan = Planner.plan(g.desired, g.observed, OWN);
            Random random = new Random(seed);
            for (int i = 0; i < 3; i++) {
                HostPlan again = Planner.plan(shuffled(g.desired, random), shuffled(g.observed, random), OWN);
                assertEquals(PlanText.lines(plan), PlanText.lines(again), "seed " + seed);
                assertEquals(plan, again, "seed " + seed);
            }
        }
    }

    @Test
    void nothingOutsideTheOwnedScopeIsDeletedAndOnlyDesiredKeysAreReplaced() throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            StateGenerator g = new StateGenerator(seed, true);
            HostPlan plan = Planner.plan(g.desired, g.observed, OWN);
            Set<Route.Key> desiredKeys = new HashSet<>();
            for (Route r : g.desired.routes()) desiredKeys.add(r.key());
            for (Change c : plan.changes()) {
                String why = "seed " + seed + ": " + PlanText.line(c);
                if (c.action() == Action.DELETE) {
                    if (c.entry() instanceof Route) {
                        assertTrue(OWN.owns((Route) c.entry()) && g.observed.routes().contains(c.entry()), why);
                    } else if (c.entry() instanceof Rule) {
                        Rule r = (Rule) c.entry();
                        assertTrue(OWN.owns(r) && !r.isDefaultRule() && g.observed.rules().contains(r), why);
                    } else {
                        assertTrue(g.observed.managedTableNames().contains(c.entry()), why);
                    }
                } else if (c.action() == Action.REPLACE) {
                    assertTrue(desiredKeys.contains(((Route) c.entry()).key()), why);
                    assertTrue(g.desired.routes().contains(c.entry()) && g.observed.routes().contains(c.previous()), why);
                } else if (c.entry() instanceof Route) {
                    assertTrue(g.desired.routes().contains(c.entry()), why);
                } else if (c.entry() instanceof Rule) {
                    assertTrue(desiredIdentities(g.desired).contains(((Rule) c.entry()).identity()), why);
                    assertEquals(StateGenerator.TAG, ((Rule) c.entry()).protocol(), why);
                } else {
                    assertTrue(g.desired.tableNames().contains(c.entry()), why);
                }
            }
        }
    }

    @Test
    void applyingThePlanConvergesAndPlanningAgainIsEmpty() throws Exception {
        int changes = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            StateGenerator g = new StateGenerator(seed, true);
            HostPlan plan = Planner.plan(g.desired, g.observed, OWN);
            changes += plan.changes().size();
            Observed after = simulate(g.observed, plan.changes(), seed, plan);
            HostPlan again = Planner.plan(g.desired, after, OWN);
            assertEquals(List.of(), PlanText.lines(again), "seed " + seed + " plan was\n" + String.join("\n", PlanText.lines(plan)));
            assertNotEquals(plan.fingerprint(), again.fingerprint(), "seed " + seed);
        }
        // the generator must actually produce work, or the properties above prove nothing
        assertTrue(changes > SEEDS * 5, "only " + changes + " changes over " + SEEDS + " seeds");
    }

    /**
     * Minimal: dropping any one change leaves a difference (or makes the kernel refuse a later one).
     * Replace rewrites the first route with a key, and which one the kernel lists first is not part of
     * a plan's input, so a change counts as needed when some listing order needs it.
     */
    @Test
    void noChangeCanBeDroppedWithoutLeavingADifference() throws Exception {
        for (long seed = 1; seed <= SEEDS / 3; seed++) {
            StateGenerator g = new StateGenerator(seed, true);
            HostPlan plan = Planner.plan(g.desired, g.observed, OWN);
            List<Route> reversed = new ArrayList<>(g.observed.routes());
            Collections.reverse(reversed);
            Observed otherOrder = with(g.observed, g.observed.rules(), reversed);
            for (int i = 0; i < plan.changes().size(); i++) {
                List<Change> fewer = new ArrayList<>(plan.changes());
                Change dropped = fewer.remove(i);
                assertTrue(leavesADifference(g.desired, g.observed, fewer) || leavesADifference(g.desired, otherOrder, fewer),
                        "seed " + seed + ": the plan converges without " + PlanText.line(dropped));
            }
        }
    }

    private static boolean leavesADifference(DesiredState desired, Observed observed, List<Change> changes) throws Exception {
        try {
            return !Planner.plan(desired, Simulator.apply(observed, changes), OWN).isEmpty();
        } catch (SimulationException refused) {
            return true;
        }
    }

    @Test
    void changesComeInMakeBeforeBreakGroups() throws Exception {
        for (long seed = 1; seed <= SEEDS; seed++) {
            StateGenerator g = new StateGenerator(seed, true);
            List<Change> changes = Planner.plan(g.desired, g.observed, OWN).changes();
            int group = 0;
            for (int i = 0; i < changes.size(); i++) {
                Change c = changes.get(i);
                // only a delete the kernel needs out of the way may run early, right before what needs it
                if (c.action() == Action.DELETE && clearsTheWayFor(c, changes.subList(i + 1, changes.size()))) continue;
                assertTrue(group(c) >= group, "seed " + seed + ": out of order " + PlanText.line(c));
                group = group(c);
            }
        }
    }

    @Test
    void theFingerprintCoversWhatThePlanCouldTouchAndNothingElse() {
        for (long seed = 1; seed <= SEEDS / 3; seed++) {
            StateGenerator g = new StateGenerator(seed, true);
            String before = Planner.fingerprint(g.desired, g.observed, OWN);
            if (!g.observed.routes().isEmpty()) {
                List<Route> fewer = new ArrayList<>(g.observed.routes());
                fewer.remove(0);
                assertNotEquals(before, Planner.fingerprint(g.desired, with(g.observed, g.observed.rules(), fewer), OWN), "seed " + seed);
            }
            List<Rule> more = new ArrayList<>(g.observed.rules());
            more.add(Scenario.liveRule("40000 fwmark 0x99 lookup 254"));
            assertEquals(before, Planner.fingerprint(g.desired, with(g.observed, more, g.observed.routes()), OWN),
                    "seed " + seed + ": a foreign rule is outside the plan's reach");
            more.set(more.size() - 1, Scenario.liveRule("40000 fwmark 0x99 lookup 100"));
            assertNotEquals(before, Planner.fingerprint(g.desired, with(g.observed, more, g.observed.routes()), OWN),
                    "seed " + seed + ": a rule looking up an owned table is in reach");
        }
    }

    static Observed simulate(Observed observed, List<Change> changes, long seed, HostPlan plan) {
        try {
            return Simulator.apply(observed, changes);
        } catch (SimulationException e) {
            fail("seed " + seed + ": the kernel would refuse " + e.getMessage() + "\nplan:\n" + String.join("\n", PlanText.lines(plan)));
            throw e;
        }
    }

    /**
     * An early delete must make way for what follows the run of deletes it is in: a route add or
     * replace with its key, or a rule add the kernel would refuse while it exists; or it is a rule a
     * later delete of the run would otherwise hit, so it must go first.
     */
    private static boolean clearsTheWayFor(Change delete, List<Change> rest) {
        for (Change later : rest) {
            if (later.action() == Action.DELETE) {
                if (delete.entry() instanceof Rule && later.entry() instanceof Rule && !later.entry().equals(delete.entry())
                        && RuleCollision.deleteHits((Rule) later.entry(), (Rule) delete.entry())) {
                    return true;
                }
                continue;
            }
            if (delete.entry() instanceof Route && later.entry() instanceof Route) {
                return ((Route) delete.entry()).key().equals(((Route) later.entry()).key());
            }
            return delete.entry() instanceof Rule && later.entry() instanceof Rule
                    && RuleCollision.refuses((Rule) delete.entry(), (Rule) later.entry());
        }
        return false;
    }

    private static int group(Change c) {
        if (c.entry() instanceof TableName) return 0;
        if (c.entry() instanceof Route) return c.action() == Action.DELETE ? 4 : 1;
        return c.action() == Action.DELETE ? 3 : 2;
    }

    private static Set<Rule> desiredIdentities(DesiredState d) {
        Set<Rule> ids = new HashSet<>();
        for (Rule r : d.rules()) ids.add(r.identity());
        return ids;
    }

    static DesiredState shuffled(DesiredState d, Random random) {
        return new DesiredState(shuffle(d.tableNames(), random), d.ownedTables(), shuffle(d.rules(), random),
                shuffle(d.routes(), random));
    }

    static Observed shuffled(Observed o, Random random) {
        return new Observed(shuffle(o.rules(), random), shuffle(o.routes(), random), o.tablesRead(),
                shuffle(o.managedTableNames(), random), o.otherTableNames(), o.otherProtocolNames());
    }

    static Observed with(Observed o, List<Rule> rules, List<Route> routes) {
        return new Observed(rules, routes, o.tablesRead(), o.managedTableNames(), o.otherTableNames(), o.otherProtocolNames());
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}

package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.routesync.model.Change;
import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulator follows what the kernel was seen to do (iproute2 6.1, kernel 6.18, in a namespace). */
class SimulatorTest {
    private static Observed host(List<Route> routes, String... rules) {
        List<Rule> all = new ArrayList<>(Scenario.defaultRules());
        for (String r : rules) all.add(Scenario.liveRule(r));
        return new Observed(all, routes, Set.of(TableId.of(100)), List.of(), List.of(), Map.of());
    }

    private static List<String> routes(Observed o) {
        List<String> out = new ArrayList<>();
        for (Route r : o.routes()) out.add(EntryText.of(r));
        return out;
    }

    private static List<String> rules(Observed o) {
        List<String> out = new ArrayList<>();
        for (Rule r : o.rules()) if (r.family() == io.routesync.model.Family.INET) out.add(EntryText.of(r));
        return out;
    }

    private static final Route A = Scenario.liveRoute("10.1.0.0/16 table 100 via 192.0.2.254 dev d0");
    private static final Route B = Scenario.liveRoute("10.1.0.0/16 table 100 via 192.0.2.253 dev d0");
    private static final Route C = Scenario.liveRoute("10.1.0.0/16 table 100 via 192.0.2.251 dev d0");

    @Test
    void addingAnExistingKeyFailsWhateverTheType() {
        Route blackhole = Scenario.liveRoute("blackhole 10.1.0.0/16 table 100");
        SimulationException e = assertThrows(SimulationException.class,
                () -> Simulator.apply(host(List.of(A)), List.of(Change.add(blackhole))));
        assertEquals(0, e.index());
        assertEquals("change 1 (+ blackhole 10.1.0.0/16 table 100 proto 3 scope 0 metric 0): RTNETLINK answers: File exists", e.getMessage());
    }

    @Test
    void replaceRewritesTheFirstRouteWithTheKey() {
        Observed after = Simulator.apply(host(List.of(A, B)), List.of(Change.replace(B, C)));
        assertEquals(List.of(EntryText.of(C), EntryText.of(B)), routes(after));
    }

    @Test
    void replaceRefusesToCopyALaterRouteWithTheKey() {
        assertThrows(SimulationException.class, () -> Simulator.apply(host(List.of(A, B)), List.of(Change.replace(A, B))));
    }

    @Test
    void deleteRemovesExactlyTheGivenRoute() {
        assertEquals(List.of(EntryText.of(A)), routes(Simulator.apply(host(List.of(A, B)), List.of(Change.delete(B)))));
        assertThrows(SimulationException.class, () -> Simulator.apply(host(List.of(A)), List.of(Change.delete(B))));
    }

    @Test
    void aRuleWithoutPriorityGetsOneLessThanTheSecondRule() {
        Rule auto1 = Scenario.liveRule("auto lookup 100");
        Rule auto2 = Scenario.liveRule("auto lookup 101");
        Rule at1000 = Scenario.liveRule("1000 lookup 102");
        Rule auto3 = Scenario.liveRule("auto lookup 103");
        Observed after = Simulator.apply(host(List.of()), List.of(Change.add(auto1), Change.add(auto2), Change.add(at1000),
                Change.add(auto3)));
        assertEquals(List.of("pref 0 lookup 255 protocol 2", "pref 999 lookup 103 protocol 0",
                "pref 1000 lookup 102 protocol 0", "pref 32764 lookup 101 protocol 0",
                "pref 32765 lookup 100 protocol 0", "pref 32766 lookup 254 protocol 2",
                "pref 32767 lookup 253 protocol 2"), rules(after));
    }

    @Test
    void theKernelTakesALooserRuleOrOneDifferingInNotForAnExistingOne() {
        Observed host = host(List.of(), "1000 from 10.0.0.0/8 lookup 100 proto 245");
        for (String refused : List.of("1000 lookup 100 proto 245", "1000 not from 10.0.0.0/8 lookup 100 proto 245")) {
            assertThrows(SimulationException.class, () -> Simulator.apply(host, List.of(Change.add(Scenario.liveRule(refused)))),
                    refused);
        }
        for (String accepted : List.of("1000 from 10.0.0.0/8 lookup 100 proto 4", "1000 from 10.0.0.0/8 to 10.2.0.0/16 lookup 100 proto 245",
                "1000 fwmark 0x1 lookup 100 proto 245")) {
            Simulator.apply(host, List.of(Change.add(Scenario.liveRule(accepted))));
        }
        Observed gotos = host(List.of(), "2000 goto 3000");
        assertThrows(SimulationException.class, () -> Simulator.apply(gotos, List.of(Change.add(Scenario.liveRule("2000 goto 4000")))));
    }

    @Test
    void aRuleDeleteRemovesTheFirstRuleItsAttributesMatch() {
        // what the rule to delete does not set is a wildcard, protocol 0 too; 'not' is never compared
        Observed host = host(List.of(), "1000 iif d0 lookup 102 proto 245", "1000 lookup 102 proto 245",
                "1001 not from 10.0.0.0/8 lookup 102 proto 245", "1001 from 10.0.0.0/8 lookup 102 proto 4");
        Observed after = Simulator.apply(host, List.of(Change.delete(Scenario.liveRule("1000 lookup 102 proto 245")),
                Change.delete(Scenario.liveRule("1001 from 10.0.0.0/8 lookup 102 proto 0"))));
        assertEquals(List.of("pref 1000 lookup 102 protocol 245", "pref 1001 from 10.0.0.0/8 lookup 102 protocol 4"),
                rules(after).subList(1, 3));
    }

    @Test
    void rulesWithOnePriorityKeepTheOrderTheyWereAddedIn() {
        Observed after = Simulator.apply(host(List.of()), List.of(Change.add(Scenario.liveRule("500 lookup 100 proto 4")),
                Change.add(Scenario.liveRule("500 lookup 100 proto 16"))));
        assertEquals("pref 500 lookup 100 protocol 4", rules(after).get(1));
        assertEquals("pref 500 lookup 100 protocol 16", rules(after).get(2));
    }

    @Test
    void tableNamesAreAddedAndRemovedFromRoutesyncsFile() {
        TableName n = new TableName("uplink2", TableId.of(102));
        Observed after = Simulator.apply(host(List.of()), List.of(Change.add(n)));
        assertEquals(List.of(n), after.managedTableNames());
        assertEquals(List.of(), Simulator.apply(after, List.of(Change.delete(n))).managedTableNames());
        assertThrows(SimulationException.class, () -> Simulator.apply(after, List.of(Change.add(n))));
    }
}

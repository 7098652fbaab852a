package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The adds of a plan leave the diff in the desired state's order, so the make-before-break sort of a state
 * written in key order is one pass over them (in a hash order it was a full sort: most of the plan of a
 * 100k-route converge); the plan's order is the sort's either way.
 */
class ConvergeOrderTest {
    private static final TableId TABLE = TableId.of(100);

    private static List<Route> table(int n) {
        return PlanAllocationTest.table(n);
    }

    @Test
    void theAddsComeInTheDesiredOrder() {
        List<Route> desired = table(20_000);
        // a few of them already there: the rest are added, still in the desired order
        List<Route> observed = List.of(desired.get(7), desired.get(19_000));
        List<String> conflicts = new ArrayList<>();
        List<Change> changes = RouteDiff.diff(desired, observed, Set.of(TABLE), new Ownership(Set.of(TABLE), 245), conflicts);
        assertEquals(List.of(), conflicts);
        assertEquals(desired.size() - 2, changes.size());
        int k = 0;
        for (Route r : desired) {
            if (r == desired.get(7) || r == desired.get(19_000)) continue;
            Change c = changes.get(k++);
            assertEquals(Action.ADD, c.action());
            assertSame(r, c.entry(), "add " + k);
        }
    }

    @Test
    void theOrderOfThePlanDoesNotDependOnTheStatesOrder() throws Exception {
        List<Route> sorted = table(5_000);
        List<Route> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(7));
        Ownership own = new Ownership(Set.of(TABLE), 245);
        List<Change> a = ChangeOrder.order(RouteDiff.diff(sorted, List.of(), Set.of(TABLE), own, new ArrayList<>()));
        List<Change> b = ChangeOrder.order(RouteDiff.diff(shuffled, List.of(), Set.of(TABLE), own, new ArrayList<>()));
        assertEquals(a, b);
        for (int i = 0; i < sorted.size(); i++) assertSame(sorted.get(i), a.get(i).entry());
    }

    @Test
    void aKeyDesiredTwiceWithOtherDataIsStillAConflict() {
        List<Route> desired = new ArrayList<>(table(100));
        Route twin = desired.get(40).toBuilder().protocol(245).nexthops(List.of(new NextHop(IpAddress.parse("192.0.2.253"), Interface.of("d0"), 1, false))).build();
        desired.add(twin);
        desired.add(desired.get(41));
        List<String> conflicts = new ArrayList<>();
        List<Change> changes = RouteDiff.diff(desired, List.of(), Set.of(TABLE), new Ownership(Set.of(TABLE), 245), conflicts);
        assertEquals(1, conflicts.size(), conflicts.toString());
        assertEquals(100, changes.size());
    }
}

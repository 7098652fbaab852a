package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.routesync.model.Family;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes of one read share equal next-hop lists (memory of large states and dumps), and nothing else changes. */
class SharedValuesTest {
    private static final Names NAMES = Names.builtin();

    @Test
    void routesReadThroughOneSharedValuesShareTheirNextHops() throws Exception {
        SharedValues shared = new SharedValues();
        TableId t = TableId.of(100);
        Route a = RouteGrammar.parseAdd(List.of("10.0.0.0/28", "via", "192.0.2.254", "dev", "d0"), null, t, NAMES, 245, shared);
        Route b = RouteGrammar.parseAdd(List.of("10.0.0.16/28", "via", "192.0.2.254", "dev", "d0"), null, t, NAMES, 245, shared);
        Route c = RouteGrammar.parseAdd(List.of("10.0.0.32/28", "via", "192.0.2.253", "dev", "d0"), null, t, NAMES, 245, shared);
        assertSame(a.nexthops(), b.nexthops());
        assertNotSame(a.nexthops(), c.nexthops());
        // the same values as without sharing
        assertEquals(RouteGrammar.parseAdd(List.of("10.0.0.16/28", "via", "192.0.2.254", "dev", "d0"), null, t, NAMES, 245), b);
    }

    @Test
    void routesOfOneDumpShareTheirNextHops() throws Exception {
        List<Route> routes = RouteGrammar.parseShow("10.0.0.0/28 via 192.0.2.254 dev d0 proto 245\n10.0.0.16/28 via 192.0.2.254 dev d0 proto 245\n",
                Family.INET, TableId.of(100), NAMES, "ip route list table 100");
        assertEquals(2, routes.size());
        assertSame(routes.get(0).nexthops(), routes.get(1).nexthops());
    }

    @Test
    void keepsAtMostItsBoundOfDistinctLists() {
        SharedValues shared = new SharedValues();
        List<List<NextHop>> first = new ArrayList<>();
        for (int i = 0; i <= SharedValues.MAX_VALUES; i++) {
            List<NextHop> hops = List.of(new NextHop(null, io.routesync.model.Interface.of("d" + i), 1, false));
            first.add(shared.nexthops(hops));
        }
        List<NextHop> beyond = List.of(new NextHop(null, io.routesync.model.Interface.of("d" + SharedValues.MAX_VALUES), 1, false));
        assertNotSame(first.get(SharedValues.MAX_VALUES), shared.nexthops(beyond), "past the bound, lists are not kept");
        List<NextHop> early = List.of(new NextHop(null, io.routesync.model.Interface.of("d0"), 1, false));
        assertSame(first.get(0), shared.nexthops(early));
    }
}

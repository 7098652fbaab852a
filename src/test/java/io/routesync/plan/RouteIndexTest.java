package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Route;
import io.routesync.model.RouteKeys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner's route index must agree exactly with the model's kernel identity, {@link Route#key()}. */
class RouteIndexTest {

    @Test
    void sameKeyIsRouteKeyEquality() {
        List<Route> routes = new ArrayList<>();
        for (long seed = 1; seed <= 60; seed++) {
            StateGenerator g = new StateGenerator(seed, true);
            routes.addAll(g.desired.routes());
            routes.addAll(g.observed.routes());
        }
        int equalKeys = 0;
        for (Route a : routes) {
            for (Route b : routes) {
                boolean same = a.key().equals(b.key());
                assertEquals(same, RouteKeys.sameKey(a, b), () -> EntryText.of(a) + " vs " + EntryText.of(b));
                if (same) {
                    assertEquals(RouteKeys.hash(a), RouteKeys.hash(b));
                    if (!a.equals(b)) equalKeys++;
                }
            }
        }
        assertTrue(equalKeys > 100, "the sample must hold different routes with one key, had " + equalKeys);
    }

    @Test
    void findsEveryRouteWithItsKeyAndKeepsAppendedOnesApart() {
        Route a = Scenario.liveRoute("10.1.0.0/16 table 100 via 192.0.2.1 dev eth0");
        Route b = Scenario.liveRoute("10.1.0.0/16 table 100 via 192.0.2.2 dev eth0");
        Route other = Scenario.liveRoute("10.1.0.0/16 table 100 via 192.0.2.1 dev eth0 metric 5");
        RouteIndex index = new RouteIndex(1);
        for (Route r : List.of(a, b, a, other)) index.add(r);
        int slot = index.find(b);
        assertEquals(List.of(a, b), index.all(slot));
        assertTrue(index.several(slot));
        assertEquals(List.of(other), index.all(index.find(other)));
        assertEquals(-1, index.find(Scenario.liveRoute("10.2.0.0/16 table 100 dev eth0")));
    }
}

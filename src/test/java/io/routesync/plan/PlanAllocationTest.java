package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.DesiredState;
import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import io.routesync.testing.Allocations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A no-change plan of a big table allocates next to nothing per route beyond its index's arrays: no key,
 * boxed slot or iterator per route (a 100k-route plan allocated about 106 bytes a route, which with the
 * state and the dump pushed a plan's run past its young generation into a collection; now about 35).
 */
class PlanAllocationTest {
    private static final int ROUTES = 100_000;
    private static final TableId TABLE = TableId.of(100);

    /** The routes of the benchmark's table: /28s of 10.0.0.0/8 through one gateway, as loaded or as read (other instances). */
    private static List<Route> table() {
        return table(ROUTES);
    }

    /** The first {@code count} routes of the benchmark's table, in key order (ConvergeOrderTest's too). */
    static List<Route> table(int count) {
        IpAddress via = IpAddress.parse("192.0.2.254");
        List<NextHop> hops = List.of(new NextHop(via, Interface.of("d0"), 1, false));
        List<Route> routes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Prefix dst = new Prefix(new IpAddress(Family.INET, 0, 0x0a00_0000L + i * 16L), 28);
            routes.add(Route.builder(Family.INET, TABLE).dst(dst).nexthops(hops).protocol(245).build());
        }
        return routes;
    }

    @Test
    void aNoChangePlanOfAHundredThousandRoutesAllocatesLittlePerRoute() throws Exception {
        DesiredState desired = new DesiredState(List.of(), Set.of(TABLE), List.of(), table());
        Observed observed = new Observed(List.of(), table(), Set.of(TABLE), List.of(), List.of(), Map.of(), Map.of());
        Ownership ownership = new Ownership(Set.of(TABLE), 245);
        List<List<?>> plan = new ArrayList<>();
        long bytes = Allocations.of(() -> plan.add(Planner.changes(desired, observed, ownership)));
        assertEquals(List.of(), plan.get(0));
        assertTrue(bytes < 50L * ROUTES, "a no-change plan of " + ROUTES + " routes allocated " + bytes / ROUTES + " bytes a route");
    }
}

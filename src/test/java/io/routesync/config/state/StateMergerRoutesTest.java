package io.routesync.config.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourcePos;
import io.routesync.iproute2.Names;
import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import io.routesync.testing.Allocations;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first declaration of each route key wins, in declared order; an equal repeat is dropped and a
 * different route with the same key is an error naming both places. Found without a key object or map
 * node per route (RouteKeys in open-addressing arrays), which were 40% of loading a 100k-route state.
 */
class StateMergerRoutesTest {
    private static final TableId TABLE = TableId.of(100);

    private static Route route(String dst, String via, long metric) {
        return Route.builder(Family.INET, TABLE).dst(Prefix.parse(dst)).metric(metric)
                .nexthop(new NextHop(IpAddress.parse(via), Interface.of("d0"), 1, false)).protocol(245).build();
    }

    private static Placed<Route> at(int line, Route r) {
        return new Placed<>(r, new SourcePos("state.yml", line, 7));
    }

    @Test
    void keepsTheFirstOfEachKeyInOrderAndRefusesADifferentRepeat() {
        Route a = route("10.0.0.0/24", "192.0.2.1", 0);
        Route b = route("10.0.1.0/24", "192.0.2.1", 0);
        Route aOtherMetric = route("10.0.0.0/24", "192.0.2.2", 10);
        Route aOtherGateway = route("10.0.0.0/24", "192.0.2.2", 0);
        Problems problems = new Problems();
        List<Route> merged = new StateMerger(problems).routes(
                List.of(at(1, a), at(2, b), at(3, aOtherMetric), at(4, a), at(5, aOtherGateway)), Names.builtin());
        assertEquals(List.of(a, b, aOtherMetric), merged);
        assertEquals(1, problems.errors().size(), problems.errors()::toString);
        String message = problems.errors().get(0).message();
        assertEquals(5, problems.errors().get(0).pos().line());
        assertTrue(message.startsWith("route 10.0.0.0/24 in table 100 differs from the one first declared at state.yml:1:7"), message);
    }

    /**
     * Routes in strictly ascending key order are taken as they are, without the table of firsts: the same list
     * and no error, as that table gives; one out of order or a key repeated (equal or not) leaves them to it.
     */
    @Test
    void routesInKeyOrderAreTheirOwnFirsts() {
        java.util.Random random = new java.util.Random(5);
        for (int round = 0; round < 300; round++) {
            List<Route> routes = new ArrayList<>();
            for (int i = 0, n = random.nextInt(40); i < n; i++) {
                Family f = random.nextInt(4) == 0 ? Family.INET6 : Family.INET;
                String dst = f == Family.INET ? "10." + random.nextInt(4) + "." + 4 * random.nextInt(4) + ".0/" + (22 + random.nextInt(3))
                        : "2001:db8:" + random.nextInt(4) + "::/" + (48 + random.nextInt(3) * 8);
                String via = f == Family.INET ? "192.0.2." + (1 + random.nextInt(2)) : "2001:db8::" + (1 + random.nextInt(2));
                routes.add(Route.builder(f, TableId.of(100 + random.nextInt(2))).dst(Prefix.parse(dst)).metric(random.nextInt(2) * 10)
                        .nexthop(new NextHop(IpAddress.parse(via), Interface.of("d0"), 1, false)).protocol(245).build());
            }
            if (round % 2 == 0) routes.sort(Route::compareKeys);
            List<Placed<Route>> declared = new ArrayList<>();
            for (Route r : routes) declared.add(at(declared.size() + 1, r));
            Problems byTable = new Problems();
            List<Route> firsts = new StateMerger(byTable).firsts(declared, Names.builtin());
            Problems problems = new Problems();
            List<Route> merged = new StateMerger(problems).routes(declared, Names.builtin());
            assertEquals(firsts, merged, "round " + round);
            assertEquals(byTable.errors().toString(), problems.errors().toString(), "round " + round);
            boolean strict = true;
            for (int i = 1; i < routes.size(); i++) strict &= Route.compareKeys(routes.get(i - 1), routes.get(i)) < 0;
            assertEquals(strict ? routes : null, StateMerger.ordered(declared), "round " + round);
        }
    }

    @Test
    void aHundredThousandRoutesAreMergedWithoutAnObjectPerRoute() throws Exception {
        List<Placed<Route>> declared = new ArrayList<>();
        IpAddress via = IpAddress.parse("192.0.2.254");
        List<NextHop> hops = List.of(new NextHop(via, Interface.of("d0"), 1, false));
        for (int i = 0; i < 100_000; i++) {
            Prefix dst = new Prefix(new IpAddress(Family.INET, 0, 0x0a00_0000L + i * 16L), 28);
            declared.add(at(i + 1, Route.builder(Family.INET, TABLE).dst(dst).nexthops(hops).protocol(245).build()));
        }
        Problems problems = new Problems();
        List<List<Route>> merged = new ArrayList<>();
        long bytes = Allocations.of(() -> merged.add(new StateMerger(problems).routes(declared, Names.builtin())));
        assertFalse(problems.hasErrors());
        assertEquals(100_000, merged.get(0).size());
        // the list and the table of first declarations: about 16 and 10 bytes a route (a HashMap of keys was over 90)
        assertTrue(bytes < 40L * declared.size(), "merging allocated " + bytes / declared.size() + " bytes a route");
    }
}

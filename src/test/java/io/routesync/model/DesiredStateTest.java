package io.routesync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tables a plan reads: owned ones and every table a desired route is in, however the routes are ordered. */
class DesiredStateTest {
    private static final TableId T100 = TableId.of(100);
    private static final TableId T101 = TableId.of(101);

    private static Route route(String dst, TableId table) {
        return Route.builder(Family.INET, table).dst(Prefix.parse(dst)).nexthop(NextHop.of(null, Interface.of("eth0"))).build();
    }

    @Test
    void everyTableOfTheRoutesIsReadAlsoWhenTheyInterleave() {
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < 6; i++) routes.add(route("10.0." + i + ".0/24", i % 2 == 0 ? T100 : T101));
        routes.add(route("10.1.0.0/24", T100));
        routes.add(route("10.2.0.0/24", TableId.of(102)));
        DesiredState d = new DesiredState(List.of(), Set.of(TableId.of(7)), List.of(), routes);
        assertEquals(List.of(TableId.of(7), TableId.of(100), TableId.of(101), TableId.of(102)), new ArrayList<>(d.tablesToRead()));
    }
}

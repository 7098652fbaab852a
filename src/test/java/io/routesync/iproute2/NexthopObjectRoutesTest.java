package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.RouteType;
import io.routesync.model.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 2: every form iproute2 6.1 prints for routes through nexthop objects (seen on 6.18 in a
 * namespace, text with -N and JSON), read as the route that was added.
 */
class NexthopObjectRoutesTest {
    private static final TableId T = TableId.of(100);

    private static List<Route> text(String out, Family f) throws OutputException {
        return RouteGrammar.parseShow(out, f, T, Names.builtin(), "ip -N route list table 100");
    }

    private static Route added(String line, Family f) throws SyntaxException {
        return RouteGrammar.parseAdd(List.of(line.split(" ")), f, T, Names.builtin(), Route.PROTOCOL_BOOT);
    }

    @Test
    void eachPrintedFormReadsAsTheRouteThatWasAdded() throws Exception {
        String v4 = String.join("\n",
                "6 10.99.0.0/16 nhid 23 dev lo ",
                "10.98.0.0/16 nhid 3 ",
                "\tnexthop via 192.168.2.1 dev d0 weight 1 ",
                "\tnexthop via 192.168.2.3 dev d0 weight 1 ",
                "10.97.0.0/16 nhid 1 via 192.168.2.1 dev d0 ",
                "blackhole 10.96.0.0/16 nhid 23 dev lo proto boot scope global ",
                "\tnh_info id 23 scope global blackhole proto unspec ",
                "");
        assertEquals(List.of(added("10.99.0.0/16 nhid 23", Family.INET), added("10.98.0.0/16 nhid 3", Family.INET),
                added("10.97.0.0/16 nhid 1", Family.INET), added("10.96.0.0/16 nhid 23", Family.INET)), text(v4, Family.INET));
        String v6 = String.join("\n",
                "6 2001:db8:99::/48 nhid 24 dev lo metric 1024 pref medium",
                "2001:db8:98::/48 nhid 13 metric 1024 pref medium",
                "\tnexthop via 2001:db8::2 dev d0 weight 1 ",
                "\tnexthop via 2001:db8::3 dev d0 weight 1 ",
                "2001:db8:97::/48 nhid 11 via 2001:db8::2 dev d0 metric 1024 pref medium",
                "");
        assertEquals(List.of(added("2001:db8:99::/48 nhid 24", Family.INET6), added("2001:db8:98::/48 nhid 13", Family.INET6),
                added("2001:db8:97::/48 nhid 11", Family.INET6)), text(v6, Family.INET6));
    }

    @Test
    void aRejectTypeThroughAnotherObjectKeepsItsType() throws Exception {
        List<Route> r = text("6 10.93.0.0/16 nhid 1 via 192.168.2.1 dev d0 \n7 10.94.0.0/16 nhid 1 via 192.168.2.1 dev d0 \n"
                + "8 10.92.0.0/16 nhid 3 \n\tnexthop via 192.168.2.1 dev d0 weight 1 \n", Family.INET);
        assertEquals(List.of(RouteType.BLACKHOLE, RouteType.UNREACHABLE, RouteType.PROHIBIT), r.stream().map(Route::type).toList());
        assertTrue(r.stream().allMatch(x -> x.nexthops().isEmpty() && x.nhid() != 0));
    }

    @Test
    void jsonReadsTheSame() throws Exception {
        String json = "[{\"type\":\"blackhole\",\"dst\":\"10.99.0.0/16\",\"nhid\":23,\"dev\":\"lo\",\"flags\":[]},"
                + "{\"type\":\"blackhole\",\"dst\":\"10.93.0.0/16\",\"nhid\":1,\"gateway\":\"192.168.2.1\",\"dev\":\"d0\",\"flags\":[]}]";
        List<Route> r = RouteJsonReader.parse(json, Family.INET, T, Names.builtin(), "ip -j route list table 100");
        assertEquals(added("10.99.0.0/16 nhid 23", Family.INET), r.get(0));
        assertEquals(RouteType.BLACKHOLE, r.get(1).type());
    }
}

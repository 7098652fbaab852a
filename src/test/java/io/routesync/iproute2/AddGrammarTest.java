package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.IpAddress;
import io.routesync.model.MetricValue;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.RouteType;
import io.routesync.model.RouterPref;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shorthand users write in state files: iproute2's keywords, aliases and defaults. */
class AddGrammarTest {
    private static final Names NAMES = Names.builtin().withTable("uplink2", TableId.of(102));

    private static Rule rule(String text, Family family) throws SyntaxException {
        return RuleGrammar.parseAdd(Fixtures.words(text), family, NAMES, 245);
    }

    private static Route route(String text, Family family) throws SyntaxException {
        return RouteGrammar.parseAdd(Fixtures.words(text), family, TableId.of(102), NAMES, 245);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "priority 1002 fwmark 0x2 table uplink2",
            "preference 1002 fwmark 0x2 lookup uplink2",
            "pref 1002 fwmark 2 table 102",
            "prio 1002 fwmark 0x2/0xffffffff table 0x66",
            "order 1002 fwmark 0x2 table uplink2 protocol 245",
            "fwmark 0x2 table uplink2 pref 1002 proto 245"})
    void aliasesMeanTheSameRule(String text) throws Exception {
        Rule expected = Rule.builder(Family.INET).priority(Priority.of(1002)).fwmark(new FwMark(2, FwMark.FULL_MASK))
                .lookup(TableId.of(102)).protocol(245).build();
        assertEquals(expected, rule(text, null));
    }

    @Test
    void ruleFamilyIsInferredFromAddressesAndDefaultsToIpv4() throws Exception {
        assertEquals(Family.INET6, rule("from 2001:db8::/32 table 5", null).family());
        assertEquals(Family.INET6, rule("from all to 2001:db8::1 table 5", null).family());
        assertEquals(Family.INET, rule("fwmark 1 table 5", null).family());
        assertEquals(Family.INET6, rule("fwmark 1 table 5", Family.INET6).family());
        assertNull(rule("from all table 5", Family.INET6).from(), "from all is no selector");
    }

    @Test
    void ruleDefaultsAndActions() throws Exception {
        Rule r = rule("from 10.1.2.3/24 table main", null);
        assertNull(r.priority(), "no priority: the kernel picks one");
        assertEquals(245, r.protocol(), "the default protocol tag");
        assertEquals("10.1.2.3/24", r.from().toString(), "a rule keeps host bits as the kernel does");
        assertEquals(RuleAction.UNREACHABLE, rule("type unreachable", null).action());
        assertEquals(RuleAction.BLACKHOLE, rule("blackhole", null).action());
        assertEquals(RuleAction.NOP, rule("type nop", null).action());
        assertEquals(Priority.of(50), rule("pref 10 type goto 50", null).gotoTarget());
        assertTrue(rule("l3mdev", null).l3mdev());
        assertEquals(0x28, rule("dsfield AF11 table 5", Family.INET6).tos());
        assertEquals("eth0", rule("dev eth0 table 5", null).iif().name());
        assertEquals((1L << 16) | 2, rule("realm 1/2 table 5", null).realms());
        assertEquals(5, rule("sup_pl 5 table 5", null).suppressPrefixLength());
        assertEquals(0, rule("sup_group default table 5", null).suppressIfgroup());
    }

    @Test
    void routeShorthandFromTheDesignDocument() throws Exception {
        Route r = route("10.99.0.0/16 via 192.0.2.1 dev eth1 metric 50", null);
        assertEquals(Family.INET, r.family());
        assertEquals(TableId.of(102), r.table());
        assertEquals(Prefix.parse("10.99.0.0/16"), r.dst());
        assertEquals(IpAddress.parse("192.0.2.1"), r.via());
        assertEquals("eth1", r.dev().name());
        assertEquals(50, r.metric());
        assertEquals(245, r.protocol());
        assertEquals(Route.SCOPE_UNIVERSE, r.scope());
    }

    @Test
    void routeDefaultsFollowIpRouteAdd() throws Exception {
        assertEquals(Route.SCOPE_LINK, route("10.0.0.0/8 dev eth0", null).scope(), "no gateway: link");
        assertEquals(Route.SCOPE_HOST, route("local 10.0.0.1 dev eth0", null).scope());
        assertEquals(Route.SCOPE_LINK, route("broadcast 10.0.0.255 dev eth0", null).scope());
        assertEquals(Route.SCOPE_UNIVERSE, route("unreachable 10.0.0.0/8", null).scope());
        assertEquals(Prefix.all(Family.INET), route("default via 192.0.2.1", null).dst());
        Route v6 = route("default via fe80::1 dev eth0", null);
        assertEquals(Family.INET6, v6.family(), "family inferred from the gateway");
        assertEquals(1024, v6.metric());
        assertEquals(RouterPref.MEDIUM, v6.pref());
        assertEquals(RouteType.BLACKHOLE, route("to blackhole 10.0.0.0/8", null).type());
        assertEquals(RouteType.BLACKHOLE, route("blackhole to 10.0.0.0/8", null).type());
        assertEquals(Prefix.all(Family.INET6), route("unreachable default", Family.INET6).dst());
    }

    @Test
    void routeAttributes() throws Exception {
        Route r = route("10.0.0.0/8 tos 0x10 via inet6 fe80::1 dev eth0 onlink proto static scope global src 192.0.2.1 "
                + "priority 7 realms 1/2 mtu lock 1400 rtt 1.5s rto_min 30ms congctl lock bbr features ecn", null);
        assertEquals(0x10, r.tos());
        assertEquals(IpAddress.parse("fe80::1"), r.via());
        assertTrue(r.nexthops().get(0).onlink());
        assertEquals(4, r.protocol());
        assertEquals(7, r.metric());
        assertEquals((1L << 16) | 2, r.realms());
        assertEquals(MetricValue.number(1400, true), r.metrics().get(RouteMetric.MTU));
        assertEquals(MetricValue.number(1500, false), r.metrics().get(RouteMetric.RTT));
        assertEquals(MetricValue.number(30, true), r.metrics().get(RouteMetric.RTO_MIN), "iproute2 always locks rto_min");
        assertEquals(MetricValue.name("bbr", true), r.metrics().get(RouteMetric.CONGCTL));
        assertEquals(MetricValue.number(1, false), r.metrics().get(RouteMetric.FEATURES));
        Route mp = route("10.0.0.0/8 proto 245 nexthop via 192.0.2.1 dev eth0 weight 2 onlink nexthop dev eth1", null);
        assertEquals(2, mp.nexthops().size());
        assertEquals(2, mp.nexthops().get(0).weight());
        assertTrue(mp.nexthops().get(0).onlink());
        assertEquals(1, route("10.0.0.0/8 nexthop via 192.0.2.1 dev eth0 weight 5", null).nexthops().get(0).weight(),
                "one path has weight 1");
        assertEquals(RouterPref.HIGH, route("2001:db8::/32 from 2001:db8:1::/48 dev eth0 pref high", null).pref());
        assertEquals(7, route("10.0.0.0/8 nhid 7", null).nhid());
    }
}

package io.routesync.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.TableId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The kernel behaviours the simulation reproduces, one by one (each was checked with ip route get). */
class LookupTest {
    private static final IpAddress ME = IpAddress.parse("192.0.2.1");
    private static final IpAddress ME6 = IpAddress.parse("2001:db8::1");

    private static LookupResult sent(TestState s, String dst) {
        return Lookup.resolve(s.fib(), Query.sent(dst.contains(":") ? ME6 : ME, IpAddress.parse(dst)));
    }

    private static String gateway(LookupResult r) {
        return r.gateway() == null ? null : r.gateway().toString();
    }

    @Test
    void longestPrefixThenTosThenLowestMetric() {
        TestState s = TestState.host().add("rule 4 pref 100 lookup 100",
                "route 100 10.0.0.0/8 via 192.0.2.8 dev d0",
                "route 100 10.1.0.0/16 via 192.0.2.20 dev d0 metric 20",
                "route 100 10.1.0.0/16 via 192.0.2.10 dev d0 metric 10",
                "route 100 10.1.0.0/16 tos 0x10 via 192.0.2.16 dev d0 metric 30");
        assertEquals("192.0.2.8", gateway(sent(s, "10.9.9.9")));
        assertEquals("192.0.2.10", gateway(sent(s, "10.1.2.3")), "lowest metric among TOS 0 routes");
        Query tos = Query.sent(ME, IpAddress.parse("10.1.2.3")).withTos(0x10);
        assertEquals("192.0.2.16", gateway(Lookup.resolve(s.fib(), tos)), "a route with the packet's TOS comes first");
        assertEquals("192.0.2.16", gateway(Lookup.resolve(s.fib(), tos.withTos(0xb0))), "only the bits 0x1c count");
    }

    @Test
    void equalPrioritiesKeepListOrderAndNotInverts() {
        TestState s = TestState.host().add("rule 4 pref 100 lookup 100", "rule 4 pref 100 lookup 101",
                "route 100 10.0.0.0/8 via 192.0.2.100 dev d0", "route 101 10.0.0.0/8 via 192.0.2.101 dev d0");
        assertEquals(TableId.of(100), sent(s, "10.0.0.1").table());
        TestState n = TestState.host().add("rule 4 pref 50 not to 10.0.0.0/8 prohibit", "rule 4 pref 100 lookup 101",
                "route 101 0.0.0.0/0 via 192.0.2.101 dev d0");
        assertEquals(Verdict.PROHIBIT, sent(n, "172.16.0.1").verdict());
        assertEquals("192.0.2.101", gateway(sent(n, "10.0.0.1")));
    }

    @Test
    void gotoJumpsToTheFirstRuleOfItsTargetAndChecksItsSelectors() {
        TestState s = TestState.host().add("rule 4 pref 10 to 10.0.0.0/8 goto 300",
                "rule 4 pref 200 lookup 100",
                "rule 4 pref 300 to 10.1.0.0/16 lookup 101",
                "rule 4 pref 300 lookup 102",
                "rule 4 pref 20 to 172.16.0.0/12 goto 250",
                "route 100 0.0.0.0/0 via 192.0.2.100 dev d0", "route 101 0.0.0.0/0 via 192.0.2.101 dev d0",
                "route 102 0.0.0.0/0 via 192.0.2.102 dev d0");
        assertEquals("192.0.2.101", gateway(sent(s, "10.1.0.1")));
        assertEquals("192.0.2.102", gateway(sent(s, "10.2.0.1")), "the target does not match: on to the next rule");
        LookupResult unresolved = sent(s, "172.16.0.1");
        assertEquals("192.0.2.100", gateway(unresolved), "a goto to a priority nobody has is skipped");
        assertTrue(unresolved.steps().stream().anyMatch(x -> x.outcome() == Step.Outcome.GOTO_UNRESOLVED));
    }

    @Test
    void throwAndMissGoOnRejectRoutesAndRuleActionsStop() {
        TestState s = TestState.host().add("rule 4 pref 100 lookup 100", "rule 4 pref 200 to 10.9.0.0/16 unreachable",
                "route 100 throw 10.0.0.0/8", "route 100 unreachable 10.5.0.0/16", "route 100 blackhole 10.6.0.0/16",
                "route 100 prohibit 10.7.0.0/16", "route 254 10.0.0.0/8 via 192.0.2.254 dev d0");
        assertEquals("192.0.2.254", gateway(sent(s, "10.1.1.1")), "throw: back to the rules, main answers");
        assertEquals("No route to host", sent(s, "10.5.1.1").error());
        assertEquals("Invalid argument", sent(s, "10.6.1.1").error());
        assertEquals("Permission denied", sent(s, "10.7.1.1").error());
        LookupResult rule = sent(s, "10.9.1.1");
        assertEquals("Network is unreachable", rule.error(), "an unreachable rule: network unreachable");
        assertTrue(rule.byRule());
        assertEquals(Verdict.NO_ROUTE, sent(s, "172.16.0.1").verdict());
    }

    @Test
    void suppressPrefixLengthZeroIgnoresTheDefaultRouteOnly() {
        // the WireGuard recipe: use main for everything but its default route
        TestState s = TestState.host().add("rule 4 pref 100 lookup main suppress_prefixlength 0",
                "rule 4 pref 200 lookup 100", "route 254 0.0.0.0/0 via 192.0.2.254 dev d0",
                "route 254 10.0.0.0/8 via 192.0.2.10 dev d0", "route 100 0.0.0.0/0 dev wg0");
        assertEquals("192.0.2.10", gateway(sent(s, "10.1.1.1")));
        LookupResult r = sent(s, "8.8.8.8");
        assertEquals(Interface.of("wg0"), r.dev());
        assertEquals(Step.Outcome.SUPPRESSED, r.matchedSteps().get(1).outcome());
    }

    @Test
    void suppressIfgroupLooksAtTheRoutesDevice() {
        TestState s = TestState.host().add("rule 4 pref 100 lookup 100 suppress_ifgroup 1", "route 100 10.0.0.0/8 via 10.255.0.1 dev d2 onlink",
                "route 254 10.0.0.0/8 via 192.0.2.254 dev d0");
        Query q = Query.sent(ME, IpAddress.parse("10.1.1.1"));
        assertEquals("10.255.0.1", gateway(Lookup.resolve(s.fib(), q)), "d2 is in group 0 by default");
        Fib grouped = Fib.of(s.observed(), Map.of(Interface.of("d2"), 1));
        assertEquals("192.0.2.254", gateway(Lookup.resolve(grouped, q)));
    }

    @Test
    void selectorsFwmarkUidIifAndPorts() {
        TestState s = TestState.host().add("rule 4 pref 10 fwmark 0x10/0xf0 lookup 101",
                "rule 4 pref 20 uidrange 1000-1999 lookup 102", "rule 4 pref 30 iif lo ipproto tcp dport 443 prohibit",
                "route 101 0.0.0.0/0 via 192.0.2.101 dev d0", "route 102 0.0.0.0/0 via 192.0.2.102 dev d0",
                "route 254 0.0.0.0/0 via 192.0.2.254 dev d0");
        Query q = Query.sent(ME, IpAddress.parse("8.8.8.8"));
        assertEquals("192.0.2.101", gateway(Lookup.resolve(s.fib(), q.withMark(0x1f))), "only the masked bits count");
        assertEquals("192.0.2.254", gateway(Lookup.resolve(s.fib(), q.withMark(0x20))));
        assertEquals("192.0.2.102", gateway(Lookup.resolve(s.fib(), q.withUid(1500))));
        assertEquals(Verdict.PROHIBIT, Lookup.resolve(s.fib(), q.withFlow(6, 5555, 443)).verdict(), "iif lo: sent by this host");
        Query in = Query.forwarded(Interface.of("d0"), IpAddress.parse("172.16.0.1"), IpAddress.parse("8.8.8.8"));
        assertEquals("192.0.2.254", gateway(Lookup.resolve(s.fib(), in.withUid(1500).withFlow(6, 5555, 443))),
                "forwarded: uid 0 and iif d0");
    }

    @Test
    void multipathReportsEveryPathAndAnOutputInterfaceFiltersThem() {
        TestState s = TestState.host().add("rule 4 pref 100 lookup 100",
                "route 100 10.0.0.0/8 nexthop via 10.255.0.1 dev d1 onlink nexthop via 10.255.0.2 dev d2 onlink",
                "route 100 10.0.0.0/16 via 10.255.0.3 dev d1 onlink");
        LookupResult both = sent(s, "10.9.0.1");
        assertEquals(2, both.paths().size());
        assertNull(both.dev());
        Query viaD2 = Query.sent(ME, IpAddress.parse("10.0.0.1")).withOif(Interface.of("d2"));
        LookupResult r = Lookup.resolve(s.fib(), viaD2);
        assertEquals("10.255.0.2", gateway(r), "the /16 leaves by d1: the /8's d2 path is taken");
        LookupResult onLink = Lookup.resolve(s.fib(), viaD2.withTos(0).withOif(Interface.of("d9")));
        assertEquals(Verdict.UNICAST, onLink.verdict(), "no route by d9: the kernel assumes the link");
        assertEquals(Interface.of("d9"), onLink.dev());
        assertNull(onLink.table());
    }

    @Test
    void ownPacketsMustComeFromAnOwnAddressAndLocalAddressesAreDelivered() {
        TestState s = TestState.host().add("route 254 0.0.0.0/0 via 192.0.2.254 dev d0");
        LookupResult spoofed = Lookup.resolve(s.fib(), Query.sent(IpAddress.parse("172.16.0.1"), IpAddress.parse("8.8.8.8")));
        assertEquals(Verdict.BAD_SOURCE, spoofed.verdict());
        assertEquals("Network is unreachable", spoofed.error());
        LookupResult local = sent(s, "192.0.2.1");
        assertEquals(Verdict.LOCAL, local.verdict());
        assertEquals(Interface.of("lo"), local.dev());
        assertEquals(TableId.LOCAL, local.table());
        Query forwarded = Query.forwarded(Interface.of("d0"), IpAddress.parse("172.16.0.1"), IpAddress.parse("8.8.8.8"));
        assertEquals("192.0.2.254", gateway(Lookup.resolve(s.fib(), forwarded)), "a forwarded packet's source is not ours");
    }

    @Test
    void ipv6SourceRoutingShadowsARoutesDestinationButNotTheDefault() {
        TestState s = TestState.host().add("rule 6 pref 100 lookup 100",
                "route 100 2001:db8:10::/48 via 2001:db8::a dev d0",
                "route 100 2001:db8:10::/48 from 2001:db8:99::/48 via 2001:db8::b dev d0",
                "route 100 2001:db8::/32 via 2001:db8::c dev d0",
                "route 100 ::/0 via 2001:db8::d dev d0", "route 100 ::/0 from 2001:db8:98::/48 via 2001:db8::e dev d0");
        Query q = Query.sent(IpAddress.parse("2001:db8:99::1"), IpAddress.parse("2001:db8:10::1"));
        assertEquals("2001:db8::b", gateway(Lookup.resolve(s.fib(), q)));
        assertEquals("2001:db8::c", gateway(Lookup.resolve(s.fib(), q.withSrc(ME6))),
                "the /48 has a source subtree the source misses: its plain route is shadowed too");
        Query other = Query.sent(ME6, IpAddress.parse("2001:db9::1"));
        assertEquals("2001:db8::d", gateway(Lookup.resolve(s.fib(), other)), "::/0 is the table's root: never shadowed");
        assertEquals("2001:db8::e", gateway(Lookup.resolve(s.fib(), other.withSrc(IpAddress.parse("2001:db8:98::5")))));
    }

    @Test
    void ipv6RulesWithASourceNeedOneAndNotL3mdevLooksUpMain() {
        TestState s = TestState.host().add("rule 6 pref 100 from 2001:db8::/32 prohibit", "rule 6 pref 200 not l3mdev",
                "route 254 ::/0 via 2001:db8::fe dev d0");
        assertEquals(Verdict.PROHIBIT, sent(s, "2001:db9::1").verdict());
        LookupResult noSource = Lookup.resolve(s.fib(), Query.sent(null, IpAddress.parse("2001:db9::1")));
        assertEquals("2001:db8::fe", gateway(noSource));
        assertEquals(200, noSource.rule().priority().value(), "no VRF: table 0, which the kernel reads as main");
    }

    @Test
    void stepsListEveryRuleInOrder() {
        TestState s = TestState.host().add("rule 4 pref 100 to 172.16.0.0/12 lookup 100", "rule 4 pref 150 nop",
                "route 254 0.0.0.0/0 via 192.0.2.254 dev d0");
        LookupResult r = sent(s, "8.8.8.8");
        assertEquals(List.of("0 TABLE_MISS", "100 NO_MATCH", "150 NOP", "32766 DECIDED"),
                r.steps().stream().map(x -> x.rule().priority() + " " + x.outcome()).collect(Collectors.toList()));
    }
}

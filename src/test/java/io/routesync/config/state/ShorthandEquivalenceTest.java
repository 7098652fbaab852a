package io.routesync.config.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.model.DesiredState;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A structured entry and its iproute2 shorthand are the same entry, for every kind of key. */
class ShorthandEquivalenceTest {
    private static final String TABLES = "tables:\n  uplink2: 102\n";

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("{ priority: 1000, from: 192.0.2.10, table: uplink2 }", "priority 1000 from 192.0.2.10 table uplink2"),
                Arguments.of("{ priority: 1001, not: true, from: 10.0.0.0/8, to: 172.16.0.0/12, table: main }",
                        "priority 1001 not from 10.0.0.0/8 to 172.16.0.0/12 lookup main"),
                Arguments.of("{ priority: 1002, fwmark: 0x10/0xff, iif: eth0, oif: eth1, table: 102 }",
                        "pref 1002 fwmark 0x10/0xff iif eth0 oif eth1 table 102"),
                Arguments.of("{ priority: 1003, ipproto: tcp, sport: 1000-2000, dport: 443, uidrange: 1000-1999, table: uplink2 }",
                        "priority 1003 ipproto tcp sport 1000-2000 dport 443 uidrange 1000-1999 table uplink2"),
                Arguments.of("{ priority: 1004, dsfield: 0x10, table: main }", "priority 1004 tos 0x10 table main"),
                Arguments.of("{ priority: 1005, to: 203.0.113.0/24, action: unreachable }", "priority 1005 to 203.0.113.0/24 unreachable"),
                Arguments.of("{ priority: 1006, goto: 1050 }", "priority 1006 goto 1050"),
                Arguments.of("{ priority: 1007, action: nop }", "priority 1007 nop"),
                Arguments.of("{ priority: 1008, table: main, suppress_prefixlength: 0 }", "priority 1008 table main suppress_prefixlength 0"),
                Arguments.of("{ priority: 1009, table: uplink2, realms: 1/2 }", "priority 1009 table uplink2 realms 1/2"),
                Arguments.of("{ priority: 1010, l3mdev: true }", "priority 1010 l3mdev"),
                Arguments.of("{ priority: 1011, tun_id: 42, table: uplink2, protocol: static }",
                        "priority 1011 tun_id 42 table uplink2 protocol static"),
                Arguments.of("{ priority: 100, from: \"2001:db8:100::/48\", table: uplink2 }", "priority 100 from 2001:db8:100::/48 table uplink2"),
                // issue 16 item 6: iproute2's own words for a key, in the mapping form too
                Arguments.of("{ pref: 1012, lookup: uplink2 }", "priority 1012 table uplink2"),
                Arguments.of("{ preference: 1013, dev: eth0, proto: static, lookup: main }", "pref 1013 iif eth0 protocol static table main"),
                Arguments.of("{ order: 1014, realm: 3, table: uplink2, sup_pl: 0 }", "prio 1014 realms 3 lookup uplink2 suppress_prefixlength 0"),
                Arguments.of("{ prio: 1015, type: blackhole }", "pri 1015 black"),
                Arguments.of("{ priority: 1020, type: unreachable }", "pref 1020 type unr"),
                Arguments.of("{ priority: 1016, dsfield: 0x10, table: main }", "pr 1016 dsf 0x10 lookup main"),
                // item 7: no action is iproute2's lookup main
                Arguments.of("{ priority: 1017, dsfield: 0x10 }", "priority 1017 tos 0x10 table main"),
                // item 5: -6 / -family inet6 lead a pasted rule
                Arguments.of("{ family: inet6, priority: 1018, table: uplink2 }", "-6 priority 1018 table uplink2"),
                Arguments.of("{ family: inet6, priority: 1019, fwmark: 5, table: uplink2 }", "-family inet6 priority 1019 fwmark 5 table uplink2"));
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("{ to: default, via: 192.0.2.1, dev: eth1 }", "default via 192.0.2.1 dev eth1"),
                Arguments.of("{ to: 192.168.2.0/24, dev: eth1, src: 192.168.2.10, scope: link }",
                        "192.168.2.0/24 dev eth1 src 192.168.2.10 scope link"),
                Arguments.of("{ to: 10.13.0.0/16, type: unreachable }", "unreachable 10.13.0.0/16"),
                Arguments.of("{ to: 10.18.0.0/16, tos: 0x10, via: 192.0.2.1, dev: eth1, metric: 50, proto: static }",
                        "10.18.0.0/16 tos 0x10 via 192.0.2.1 dev eth1 metric 50 proto static"),
                Arguments.of("{ to: 10.19.0.0/16, via: 192.0.2.1, dev: eth1, mtu: { value: 1400, lock: true }, advmss: 1360, initcwnd: 10 }",
                        "10.19.0.0/16 via 192.0.2.1 dev eth1 mtu lock 1400 advmss 1360 initcwnd 10"),
                Arguments.of("{ to: 10.19.0.0/16, via: 192.0.2.1, dev: eth1, mtu: 1400 }", "10.19.0.0/16 via 192.0.2.1 dev eth1 mtu 1400"),
                Arguments.of("{ to: 10.20.0.0/16, nexthops: [ { via: 192.0.2.1, dev: eth1, weight: 1 }, { via: 198.51.100.1, dev: eth2, weight: 3 } ] }",
                        "10.20.0.0/16 nexthop via 192.0.2.1 dev eth1 weight 1 nexthop via 198.51.100.1 dev eth2 weight 3"),
                Arguments.of("{ to: 10.21.0.0/16, via: 203.0.113.1, dev: eth1, onlink: true }", "10.21.0.0/16 via 203.0.113.1 dev eth1 onlink"),
                Arguments.of("{ to: 10.22.0.1, type: local, dev: eth1 }", "local 10.22.0.1 dev eth1"),
                Arguments.of("{ to: \"2001:db8:12::/48\", via: \"2001:db8::fe\", dev: eth1, metric: 10, pref: high }",
                        "2001:db8:12::/48 via 2001:db8::fe dev eth1 metric 10 pref high"),
                Arguments.of("{ to: \"2001:db8:18::/48\", from: \"2001:db8:abcd::/48\", via: \"2001:db8::fe\", dev: eth1 }",
                        "2001:db8:18::/48 from 2001:db8:abcd::/48 via 2001:db8::fe dev eth1"),
                Arguments.of("{ to: 10.40.0.0/16, nhid: 1 }", "10.40.0.0/16 nhid 1"),
                // item 6: ip route add's own synonyms
                Arguments.of("{ to: 10.41.0.0/16, via: 192.0.2.1, oif: eth1, priority: 7, protocol: static, dsfield: 0x10, realm: 5 }",
                        "10.41.0.0/16 via 192.0.2.1 dev eth1 metric 7 proto static tos 0x10 realms 5"),
                Arguments.of("{ to: 10.42.0.0/16, via: 192.0.2.1, preference: 8, nexthop: [ { via: 192.0.2.1 } ] }".replace(", via: 192.0.2.1, preference", ", preference"),
                        "10.42.0.0/16 pri 8 nexthop via 192.0.2.1"),
                // item 5: -6 leads a pasted route; family: inet6 in the mapping
                Arguments.of("{ family: inet6, to: default, nhid: 91 }", "-6 default nhid 91"),
                Arguments.of("{ family: inet6, to: default, dev: eth1 }", "-family inet6 default dev eth1"),
                Arguments.of("{ family: inet, to: default, dev: eth1 }", "-4 default dev eth1"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rules")
    void ruleForms(String structured, String shorthand) throws Exception {
        DesiredState a = load("rules:\n  - " + structured + "\n");
        DesiredState b = load("rules:\n  - \"" + shorthand + "\"\n");
        assertEquals(1, a.rules().size());
        assertEquals(a.rules(), b.rules());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("routes")
    void routeForms(String structured, String shorthand) throws Exception {
        DesiredState a = load("routes:\n  uplink2:\n    - " + structured + "\n");
        DesiredState b = load("routes:\n  uplink2:\n    - \"" + shorthand + "\"\n");
        assertEquals(1, a.routes().size());
        assertEquals(a.routes(), b.routes());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rules")
    void aChangedValueIsAnotherRule(String structured, String shorthand) throws Exception {
        // guards the comparison above: the priority is really read from both forms
        DesiredState a = load("rules:\n  - " + structured + "\n");
        DesiredState b = load("rules:\n  - \"" + shorthand.replaceFirst("(priority|prio|pref|pri|pr) (\\d+)", "$1 99") + "\"\n");
        assertNotEquals(a.rules(), b.rules());
    }

    private static DesiredState load(String body) throws Exception {
        return StateLoader.load(List.of(new SourceFile("s.yml", TABLES + body)), Variables.none(), 245).state();
    }
}

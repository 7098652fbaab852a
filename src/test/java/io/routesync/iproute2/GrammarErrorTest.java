package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Family;
import io.routesync.model.TableId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input says what is wrong, where (the index of the offending word, -1 for the whole entry) and
 * what would be right. Each case names the word index and a part of the message a user must see.
 */
class GrammarErrorTest {
    private static final Names NAMES = Names.builtin().withTable("uplink2", TableId.of(102));

    static Stream<Arguments> badRules() {
        return Stream.of(
                Arguments.of(null, "pref 100 from 10.0.0.0/8 lookup 5 bogus", 6, "'bogus' is not a rule selector"),
                Arguments.of(null, "from 10.0.0.0/33 lookup 5", 1, "prefix length /33 is out of range"),
                Arguments.of(null, "from 10.0.0.300 lookup 5", 1, "'10.0.0.300' is not an IP address"),
                Arguments.of(null, "from 10.0.0.0/8 lookup nosuch", 3, "table 'nosuch' is unknown"),
                Arguments.of(null, "from 10.0.0.0/8 table 0", 3, "table id 0 is out of range"),
                Arguments.of(null, "table 4294967296", 1, "table id 4294967296 is out of range"),
                Arguments.of(null, "table 010", 1, "'010' is not a table number"),
                Arguments.of(null, "from 10.0.0.0/8 to 2001:db8::/32 lookup 5", 3, "cannot mix address families"),
                Arguments.of(Family.INET, "from 2001:db8::/32 lookup 5", 1, "is IPv6 but the rule is IPv4"),
                Arguments.of(Family.INET6, "to 10.0.0.0/8 lookup 5", 1, "is IPv4 but the rule is IPv6"),
                Arguments.of(null, "pref 100 from 10.0.0.0/8 unicast", 4, "is a route type; as a rule action"),
                Arguments.of(null, "lookup 5 goto 100", 2, "exactly one action"),
                Arguments.of(null, "l3mdev table 5", 1, "exactly one action"),
                Arguments.of(null, "pref 100 goto 50", -1, "must jump forward"),
                Arguments.of(null, "lookup 5 from 10.0.0.0/8 from 10.0.0.0/9", 4, "'from' is given twice"),
                Arguments.of(null, "pref 6 order 7 lookup 5", 2, "'pref' and 'order' both give the rule's priority"),
                Arguments.of(null, "dsfield 0x10 tos 0x08 lookup 5", 2, "'dsfield' and 'tos' both give the rule's tos"),
                Arguments.of(null, "fwmark zz lookup 5", 1, "fwmark 'zz' is not a mark"),
                Arguments.of(null, "fwmark 0 lookup 5", 1, "fwmark 0 matches every packet"),
                Arguments.of(null, "fwmark 0x0/0 lookup 5", 1, "matches every packet"),
                Arguments.of(null, "fwmark 0x1/0x100000000 lookup 5", 1, "is not a mark"),
                Arguments.of(null, "uidrange 5 lookup 5", 1, "uidrange '5' is not a uid range"),
                Arguments.of(null, "uidrange 9-5 lookup 5", 1, "is not a uid range"),
                Arguments.of(null, "uidrange 0-4294967295 lookup 5", 1, "the kernel's 'invalid uid'"),
                Arguments.of(null, "sport 70000 lookup 5", 1, "sport '70000' is not a port"),
                Arguments.of(null, "dport 20-10 lookup 5", 1, "dport '20-10' is not a port"),
                Arguments.of(null, "ipproto tcp dport 0 lookup 5", 3, "dport '0' is not a port"),
                Arguments.of(null, "ipproto tcp sport 0-10 lookup 5", 3, "sport '0-10' is not a port"),
                Arguments.of(null, "ipproto nosuch lookup 5", 1, "ipproto 'nosuch' is not an IP protocol"),
                Arguments.of(null, "ipproto ipproto-0 lookup 5", 1, "is not an IP protocol"),
                Arguments.of(null, "lookup 5 protocol nosuch", 3, "protocol 'nosuch' is unknown"),
                Arguments.of(null, "tos 0x03 lookup 5", 1, "sets ECN bits"),
                Arguments.of(Family.INET, "tos 0x28 lookup 5", 1, "refused by the kernel in an IPv4 rule"),
                Arguments.of(Family.INET6, "lookup 5 realms 1/2", 3, "realms exist only for IPv4 rules"),
                Arguments.of(null, "lookup", 0, "'lookup' needs a value"),
                Arguments.of(null, "iif eth0;reboot lookup 5", 1, "is not a valid interface name"),
                Arguments.of(null, "lookup 5 suppress_prefixlength 40", -1, "suppress_prefixlength 40 is out of range"),
                Arguments.of(null, "lookup 5 suppress_ifgroup nosuch", 3, "is not an interface group"),
                Arguments.of(null, "lookup 5 realms 1/2/3", 3, "is not a realm"),
                Arguments.of(null, "type frobnicate", 1, "'frobnicate' is not a rule type"),
                Arguments.of(null, "l3mdev suppress_prefixlength 0", 1, "only works with a table lookup"),
                Arguments.of(null, "suppress_ifgroup 3 goto 5", 0, "only works with a table lookup"),
                Arguments.of(null, "tun_id -1 lookup 5", 1, "tun_id '-1' is not a valid number"),
                Arguments.of(null, "", -1, "the rule is empty"));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("badRules")
    void badRuleSaysWhatAndWhere(Family family, String input, int token, String message) {
        SyntaxException e = assertThrows(SyntaxException.class,
                () -> RuleGrammar.parseAdd(input.isEmpty() ? java.util.List.of() : Fixtures.words(input), family, NAMES, 245));
        assertTrue(e.getMessage().contains(message), "message: " + e.getMessage());
        assertEquals(token, e.token(), "token index for: " + e.getMessage());
        assertFalse(e.expected().isBlank(), "an expected form for: " + e.getMessage());
    }

    @Test
    void unknownTableSaysToDeclareItOrUseANumber() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> RuleGrammar.parseAdd(Fixtures.words("table uplink3"), null, NAMES, 245));
        assertTrue(e.getMessage().contains("'uplink3' is unknown"), e.getMessage());
        assertTrue(e.expected().contains("tables:") && e.expected().contains("number"), e.expected());
    }

    static Stream<Arguments> badRoutes() {
        return Stream.of(
                Arguments.of(null, "10.0.0.0/8 via 192.0.2.1 dev eth0 table 5", 5, "takes no 'table'"),
                Arguments.of(null, "10.0.0.1/8 dev eth0", 0, "has host bits set"),
                Arguments.of(null, "10.0.0.0/33 dev eth0", 0, "prefix length /33 is out of range"),
                Arguments.of(null, "10.0.0.0/8 via 2001:db8::1 dev eth0", 2, "is IPv6 but the route is IPv4"),
                Arguments.of(Family.INET6, "10.0.0.0/8 dev eth0", 0, "is IPv4 but the route is IPv6"),
                Arguments.of(null, "2001:db8::/32 src 192.0.2.1 dev eth0", 2, "cannot mix address families"),
                Arguments.of(null, "2001:db8::/32 via inet 192.0.2.1 dev eth0", 1, "cannot use an IPv4 gateway"),
                Arguments.of(null, "10.0.0.0/8", -1, "needs a device or a gateway"),
                Arguments.of(null, "blackhole 10.0.0.0/8 dev eth0", 2, "takes no gateway or device"),
                Arguments.of(null, "10.0.0.0/8 nhid 5 dev eth0", 1, "takes its gateway and device from the nexthop object"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 mtu lock", 4, "'mtu lock' needs a value"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 rtt 100", 4, "is not a time with a unit"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 rtt 600000s", 4, "too long for the kernel"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 quickack 2", 4, "quickack '2' is not a valid number"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 features sack", 4, "is not a route feature"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 congctl Cubic!", 4, "is not a congestion control algorithm"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 frobnicate 3", 3, "'frobnicate' is not a route attribute"),
                Arguments.of(null, "10.0.0.0/8 nexthop via 192.0.2.1 dev eth0 metric 5", 6, "'metric' is not a nexthop attribute"),
                Arguments.of(null, "10.0.0.0/8 via 192.0.2.1 nexthop via 192.0.2.2 dev eth0", 3, "either one path"),
                Arguments.of(null, "10.0.0.0/8 nexthop via 192.0.2.1 weight 300", 5, "weight '300'"),
                Arguments.of(Family.INET6, "2001:db8::/32 dev eth0 realms 5", 4, "realms exist only for IPv4 routes"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 pref high", 4, "pref exists only for IPv6 routes"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 tos 0x01", 4, "sets ECN bits"),
                Arguments.of(null, "10.0.0.0/8 from 10.1.0.0/16 dev eth0", 2, "exists only for IPv6 routes"),
                Arguments.of(null, "dev eth0", -1, "has no destination"),
                Arguments.of(null, "10.0.0.0/8 dev eth0/1", 2, "is not a valid interface name"),
                Arguments.of(null, "10.0.0.0/8 dev $(reboot)", 2, "is not a valid interface name"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 proto nosuch", 4, "protocol 'nosuch' is unknown"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 scope nosuch", 4, "scope 'nosuch' is unknown"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 metric 4294967296", 4, "metric '4294967296' is not a valid number"),
                Arguments.of(null, "10.0.0.0/8 10.1.0.0/16 dev eth0", 1, "'10.1.0.0/16' is not a route attribute"),
                Arguments.of(null, "blackhole unreachable 10.0.0.0/8", 1, "the route type is given twice"),
                Arguments.of(null, "10.0.0.0/8 dev eth0 dev eth1", 3, "'dev' is given twice"));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("badRoutes")
    void badRouteSaysWhatAndWhere(Family family, String input, int token, String message) {
        SyntaxException e = assertThrows(SyntaxException.class,
                () -> RouteGrammar.parseAdd(Fixtures.words(input), family, TableId.of(100), NAMES, 245));
        assertTrue(e.getMessage().contains(message), "message: " + e.getMessage());
        assertEquals(token, e.token(), "token index for: " + e.getMessage());
        assertFalse(e.expected().isBlank(), "an expected form for: " + e.getMessage());
    }

    static Stream<Arguments> badRuleLines() {
        return Stream.of(
                Arguments.of("1000:\tfrom all lookup 5 dscp 3", 5, "'dscp' is not a rule selector"),
                Arguments.of("1000:\tfrom all lookup 5 map-to 10.0.0.1", 5, "'map-to'"),
                Arguments.of("abc:\tfrom all lookup 5", 0, "'abc:' is not a rule priority"),
                Arguments.of("from all lookup 5", 0, "starts with 'PRIORITY:'"),
                Arguments.of("1000:\tfrom all sport 0x50/0xfff0 lookup 5", 4, "is not a port"),
                Arguments.of("1000:\tfrom all goto none", 4, "goto 'none'"),
                Arguments.of("1000:\tfrom all", -1, "rule without action"),
                Arguments.of("1000:\tfrom all pref 5 lookup 5", 3, "'pref' is not a rule selector"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRuleLines")
    void ruleShowLineThatIsNotUnderstoodIsAnError(String line, int token, String message) {
        SyntaxException e = assertThrows(SyntaxException.class, () -> RuleGrammar.parseShow(line, Family.INET, NAMES));
        assertTrue(e.getMessage().contains(message), "message: " + e.getMessage());
        assertEquals(token, e.token(), "token index for: " + e.getMessage());
    }

    @Test
    void ruleOutputErrorNamesCommandLineNumberAndLine() {
        String output = "0:\tfrom all lookup local\n1000:\tfrom all lookup 5 frob\n32766:\tfrom all lookup main\n";
        OutputException e = assertThrows(OutputException.class,
                () -> RuleGrammar.parseShowOutput(output, Family.INET, NAMES, "ip -d -N rule show"));
        assertEquals("ip -d -N rule show", e.command());
        assertEquals(2, e.lineNumber());
        assertEquals("1000:\tfrom all lookup 5 frob", e.line());
        assertTrue(e.getMessage().contains("'frob'"), e.getMessage());
    }

    static Stream<Arguments> badRouteOutputs() {
        return Stream.of(
                Arguments.of("10.0.0.0/8 dev eth0 encap mpls 100 \n", 1, "'encap' is not a route attribute"),
                Arguments.of("default via 192.0.2.1 dev d0 \n10.0.0.0/8 \n\tnexthop via 192.0.2.1 dev eth0 weight 1 realms 5 \n", 3,
                        "'realms' is not a nexthop attribute"),
                Arguments.of("\tnexthop via 192.0.2.1 dev eth0 weight 1 \n", 1, "without a route line"),
                Arguments.of("default dev d0 \n10.0.0.300/8 dev eth0 \n", 2, "is not an IP address"),
                Arguments.of("2001:db8::/32 dev eth0 \n", 1, "is not IPv4"),
                Arguments.of("10.0.0.0/8 via fe80::1 dev eth0 \n", 1, "is not IPv4"),
                Arguments.of("10.0.0.0/8 dev eth0 metric \n", 1, "'metric' has no value"),
                Arguments.of("10.0.0.0/8 dev eth0 mtu lock x \n", 1, "mtu 'x' is not a number"),
                Arguments.of("10.0.0.0/8 dev eth0 rtt 12 \n", 1, "is not a time"),
                Arguments.of("10.0.0.1/8 dev eth0 \n", 1, "has host bits set"),
                Arguments.of("10.0.0.0/8 dev eth0 proto nosuch \n", 1, "proto 'nosuch' is unknown"),
                Arguments.of("10.0.0.0/8 dev eth0 pref low \n", 1, "pref exists only for IPv6 routes"),
                Arguments.of("xresolve 10.0.0.0/8 \n", 1, "'xresolve' is not an IP address"),
                Arguments.of("10.0.0.0/8 dev eth0\n\tcache \n", 2, "expected 'nexthop'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRouteOutputs")
    void routeOutputThatIsNotUnderstoodNamesTheLine(String output, int line, String message) {
        OutputException e = assertThrows(OutputException.class,
                () -> RouteGrammar.parseShow(output, Family.INET, TableId.of(100), NAMES, "ip -N route list table 100"));
        assertEquals("ip -N route list table 100", e.command());
        assertEquals(line, e.lineNumber(), e.getMessage());
        assertEquals(output.split("\n")[line - 1].strip(), e.line());
        assertTrue(e.getMessage().contains(message), "message: " + e.getMessage());
    }

    @Test
    void jsonWithAnUnknownKeyIsAnErrorNamingTheEntry() {
        String json = "[{\"priority\":0,\"src\":\"all\",\"table\":\"255\",\"protocol\":\"2\"},"
                + "{\"priority\":5,\"src\":\"all\",\"table\":\"5\",\"dscp\":\"3\"}]";
        OutputException e = assertThrows(OutputException.class, () -> RuleJsonReader.parse(json, Family.INET, NAMES, "ip -j rule show"));
        assertEquals(2, e.lineNumber());
        assertTrue(e.getMessage().contains("key 'dscp'"), e.getMessage());
        OutputException bad = assertThrows(OutputException.class,
                () -> RouteJsonReader.parse("[{\"dst\":", Family.INET, TableId.of(5), NAMES, "ip -j route list"));
        assertTrue(bad.getMessage().contains("not valid JSON"), bad.getMessage());
    }
}

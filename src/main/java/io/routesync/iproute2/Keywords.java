package io.routesync.iproute2;

import io.routesync.model.RouteMetric;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one table of iproute2's rule and route keywords: which word a written keyword stands for, the
 * keywords routesync refuses (and why), and the words its readers understand. The other lists follow
 * from it: metric keywords are spelled by {@link RouteMetric}, route type words are one list shared by
 * both tables, and the readers' "one of:" hints are {@link #RULE_WORDS} and {@link #ROUTE_WORDS}.
 *
 * <p>The tables are iproute2 6.1's keyword tests for {@code ip rule add} ({@code iprule_modify}) and
 * {@code ip route add} ({@code iproute_modify}), in the order it tries them. Some are exact
 * ({@code strcmp}), most take any abbreviation ({@code matches}: {@code pri} is {@code priority},
 * {@code black} is {@code blackhole}), and the first test that accepts a word decides, so {@code p} is
 * {@code preference} in a rule and {@code priority} (the metric) in a route, as iproute2 reads them.
 */
final class Keywords {
    /** {@code pattern}: the word iproute2 compares with; {@code canonical}: what routesync reads it as. */
    record Test(String pattern, boolean abbreviable, String canonical) {
        boolean accepts(String w) {
            return abbreviable ? !w.isEmpty() && pattern.startsWith(w) : pattern.equals(w);
        }
    }

    /** rtnl_rtntype_a2n: the route type words, which both tables try last (a rule takes them as its action number). */
    private static final List<Test> TYPES = List.of(
            exact("local"), exact("nat"), abbr("broadcast", "broadcast"), exact("brd", "broadcast"),
            abbr("anycast", "anycast"), abbr("multicast", "multicast"), abbr("prohibit", "prohibit"),
            abbr("unreachable", "unreachable"), abbr("blackhole", "blackhole"), abbr("xresolve", "xresolve"),
            abbr("unicast", "unicast"), exact("throw"));

    private static final List<Test> RULE = concat(List.of(
            exact("not"), exact("from"), exact("to"),
            abbr("preference", "priority"), abbr("order", "priority"), abbr("priority", "priority"),
            exact("tos"), abbr("dsfield", "tos"), exact("fwmark"), abbr("realms", "realms"), abbr("protocol", "protocol"),
            abbr("tun_id", "tun_id"), abbr("table", "table"), exact("lookup", "table"),
            abbr("suppress_prefixlength", "suppress_prefixlength"), exact("sup_pl", "suppress_prefixlength"),
            abbr("suppress_ifgroup", "suppress_ifgroup"), exact("sup_group", "suppress_ifgroup"),
            exact("dev", "iif"), exact("iif"), exact("oif"), exact("l3mdev"), exact("uidrange"), exact("nat"),
            abbr("map-to", "nat"), exact("ipproto"), exact("sport"), exact("dport"), exact("type"),
            abbr("help", "help"), abbr("goto", "goto"), abbr("nop", "nop")), TYPES);

    private static final List<Test> ROUTE = concat(List.of(
            exact("src"), exact("as"), exact("via"), exact("from"), exact("tos"), abbr("dsfield", "tos"),
            exact("expires"), abbr("metric", "metric"), abbr("priority", "metric"), exact("preference", "metric"),
            exact("scope"), exact(RouteMetric.MTU), exact(RouteMetric.HOPLIMIT), exact(RouteMetric.ADVMSS),
            abbr(RouteMetric.REORDERING), exact(RouteMetric.RTT), exact(RouteMetric.RTO_MIN), abbr(RouteMetric.WINDOW),
            abbr(RouteMetric.CWND), abbr(RouteMetric.INITCWND), abbr(RouteMetric.INITRWND), abbr(RouteMetric.FEATURES),
            abbr(RouteMetric.QUICKACK), abbr(RouteMetric.CONGCTL), abbr(RouteMetric.RTTVAR), abbr(RouteMetric.SSTHRESH),
            abbr("realms", "realms"), exact("onlink"), exact("nexthop"), exact("nhid"), abbr("protocol", "protocol"),
            abbr("table", "table"), abbr("vrf", "vrf"), exact("dev"), exact("oif", "dev"), abbr("pref", "pref"),
            exact("encap"), exact("ttl-propagate"), abbr(RouteMetric.FASTOPEN_NO_COOKIE), exact("to")), TYPES);

    /** Every word each table accepts, with what it stands for: the first test's answer, as {@link #first} would give. */
    private static final Map<String, String> RULE_ACCEPTED = accepted(RULE);
    private static final Map<String, String> ROUTE_ACCEPTED = accepted(ROUTE);

    /** The rule words routesync reads (after {@link #rule}), as the hint of an unknown word lists them. */
    static final List<String> RULE_WORDS = List.of("priority", "not", "from", "to", "tos", "fwmark", "iif", "oif",
            "uidrange", "ipproto", "sport", "dport", "l3mdev", "tun_id", "table", "goto", "nop", "blackhole", "unreachable",
            "prohibit", "suppress_prefixlength", "suppress_ifgroup", "realms", "protocol");

    /** The route attributes routesync reads after the destination, as the hint of an unknown word lists them. */
    static final List<String> ROUTE_WORDS = List.of("from", "tos", "via", "dev", "onlink", "nexthop", "nhid", "proto",
            "scope", "src", "metric", "realms", "pref", "mtu", "advmss", "window", "rtt", "rttvar", "rto_min", "ssthresh",
            "cwnd", "initcwnd", "initrwnd", "reordering", "hoplimit", "features", "quickack", "congctl", "fastopen_no_cookie");

    private Keywords() {
    }

    private static Test exact(String word) {
        return new Test(word, false, word);
    }

    private static Test exact(String word, String canonical) {
        return new Test(word, false, canonical);
    }

    private static Test abbr(String word, String canonical) {
        return new Test(word, true, canonical);
    }

    private static Test exact(RouteMetric m) {
        return exact(m.word());
    }

    private static Test abbr(RouteMetric m) {
        return abbr(m.word(), m.word());
    }

    private static List<Test> concat(List<Test> a, List<Test> b) {
        List<Test> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The word a rule keyword {@code w} stands for in iproute2 6.1, or null when iproute2 would not take it. */
    static String rule(String w) {
        return RULE_ACCEPTED.get(w);
    }

    /** The same for a route; destinations ({@code default}, prefixes) are not keywords and give null. */
    static String route(String w) {
        return ROUTE_ACCEPTED.get(w);
    }

    /** The first test of {@code tests} that accepts {@code w} decides, as in iproute2. */
    static String first(List<Test> tests, String w) {
        for (Test t : tests) {
            if (t.accepts(w)) return t.canonical();
        }
        return null;
    }

    /**
     * Every word some test of {@code tests} accepts (each exact word, every non-empty abbreviation of the
     * others), mapped to {@link #first}'s answer for it: one lookup per word instead of a walk through
     * the tests (a 100k-route state asks for several words of every route).
     */
    private static Map<String, String> accepted(List<Test> tests) {
        Map<String, String> out = new HashMap<>();
        for (Test t : tests) {
            int shortest = t.abbreviable() ? 1 : t.pattern().length();
            for (int n = shortest; n <= t.pattern().length(); n++) out.putIfAbsent(t.pattern().substring(0, n), t.canonical());
        }
        return Map.copyOf(out);
    }

    static List<Test> ruleTests() {
        return RULE;
    }

    static List<Test> routeTests() {
        return ROUTE;
    }

    /**
     * What rule word {@code words[at]} is read as: the word it stands for in iproute2 (an abbreviation, an
     * alias), the word itself when iproute2 would not take it either, or a clear refusal for a keyword
     * iproute2 takes that routesync cannot reproduce.
     */
    static String ruleWord(String w, int at) throws SyntaxException {
        String k = rule(w);
        if (k == null) return w;
        switch (k) {
            case "nat":
                throw new SyntaxException(at, "'" + w + "' (nat, map-to) is route NAT, which the kernel removed: it refuses such rules",
                        "an action: table NAME|ID, goto, nop, blackhole, unreachable, prohibit");
            case "help":
                throw new SyntaxException(at, "'" + w + "' makes ip print its usage; it is not part of a rule", "the rule without it");
            case "local": case "broadcast": case "anycast": case "multicast": case "xresolve": case "unicast": case "throw":
                throw new SyntaxException(at, "'" + w + "' is a route type; as a rule action iproute2 would send its number ("
                        + ruleActionOf(k) + "), which is not what the word says",
                        "a rule action: table NAME|ID, goto PRIORITY, nop, blackhole, unreachable, prohibit");
            default:
                return k;
        }
    }

    private static String ruleActionOf(String routeType) {
        switch (routeType) {
            case "unicast": return "1, a lookup in a fresh table the kernel allocates";
            case "local": return "2, a goto without a target";
            case "broadcast": return "3, nop";
            default: return "an action number the kernel reserves or refuses";
        }
    }

    /** The same for route word {@code words[at]} (not a destination: {@code default}, {@code any} are not keywords). */
    static String routeWord(List<String> words, int at) throws SyntaxException {
        String w = words.get(at);
        String k = route(w);
        if (k == null) return w;
        switch (k) {
            case "expires":
                throw new SyntaxException(at, "expires makes a temporary IPv6 route that the kernel deletes when the time runs out;"
                        + " desired state is permanent, and the remaining time is not something a plan could keep equal",
                        "the route without expires");
            case "vrf":
                throw new SyntaxException(at, "vrf NAME stands for the VRF device's table, and a route here takes its table from"
                        + " the key it is listed under", "list the route under the VRF's table number");
            case "encap": case "as": case "ttl-propagate":
                throw new SyntaxException(at, "'" + k + "' (lightweight tunnels, MPLS) is not managed by routesync: it reads"
                        + " and compares plain IPv4/IPv6 routes only", "the route without " + k + ", managed by other means");
            case "xresolve":
                throw new SyntaxException(at, "the kernel refuses xresolve routes", "unicast, local, broadcast, anycast, multicast,"
                        + " blackhole, unreachable, prohibit or throw");
            case "nat":
                throw new SyntaxException(at, "route NAT was removed from the kernel: it refuses nat routes with a gateway or device"
                        + " and keeps only a path-less 'nat PREFIX scope nowhere', which does nothing", "unicast, local, broadcast,"
                        + " anycast, multicast, blackhole, unreachable, prohibit or throw");
            case "table":
                throw new SyntaxException(at, "a route here takes no 'table': its table is the one it is listed under",
                        "the route without 'table " + (at + 1 < words.size() ? words.get(at + 1) : "T") + "', under the table's key in routes:");
            default:
                return k;
        }
    }
}

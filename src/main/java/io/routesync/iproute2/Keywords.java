package io.routesync.iproute2;

import java.util.List;

/**
 * iproute2 6.1's keyword tests for {@code ip rule add} ({@code iprule_modify}) and {@code ip route add}
 * ({@code iproute_modify}), in the order it tries them. Some are exact ({@code strcmp}), most take any
 * abbreviation ({@code matches}: {@code pri} is {@code priority}, {@code black} is {@code blackhole}),
 * and the first test that accepts a word decides, so {@code p} is {@code preference} in a rule and
 * {@code priority} (the metric) in a route, as iproute2 reads them. {@link #rule}/{@link #route} give the
 * word routesync's readers understand for a word at a keyword position.
 */
final class Keywords {
    /** {@code pattern}: the word iproute2 compares with; {@code canonical}: what routesync reads it as. */
    private record Test(String pattern, boolean abbreviable, String canonical) {
        boolean accepts(String w) {
            return abbreviable ? !w.isEmpty() && pattern.startsWith(w) : pattern.equals(w);
        }
    }

    private static final List<Test> RULE = List.of(
            exact("not"), exact("from"), exact("to"),
            abbr("preference", "priority"), abbr("order", "priority"), abbr("priority", "priority"),
            exact("tos"), abbr("dsfield", "tos"), exact("fwmark"), abbr("realms", "realms"), abbr("protocol", "protocol"),
            abbr("tun_id", "tun_id"), abbr("table", "table"), exact("lookup", "table"),
            abbr("suppress_prefixlength", "suppress_prefixlength"), exact("sup_pl", "suppress_prefixlength"),
            abbr("suppress_ifgroup", "suppress_ifgroup"), exact("sup_group", "suppress_ifgroup"),
            exact("dev", "iif"), exact("iif"), exact("oif"), exact("l3mdev"), exact("uidrange"), exact("nat"),
            abbr("map-to", "nat"), exact("ipproto"), exact("sport"), exact("dport"), exact("type"),
            abbr("help", "help"), abbr("goto", "goto"), abbr("nop", "nop"),
            // rtnl_rtntype_a2n: route type words, which a rule takes as its action number
            exact("local"), exact("nat"), abbr("broadcast", "broadcast"), exact("brd", "broadcast"),
            abbr("anycast", "anycast"), abbr("multicast", "multicast"), abbr("prohibit", "prohibit"),
            abbr("unreachable", "unreachable"), abbr("blackhole", "blackhole"), abbr("xresolve", "xresolve"),
            abbr("unicast", "unicast"), exact("throw"));

    private static final List<Test> ROUTE = List.of(
            exact("src"), exact("as"), exact("via"), exact("from"), exact("tos"), abbr("dsfield", "tos"),
            exact("expires"), abbr("metric", "metric"), abbr("priority", "metric"), exact("preference", "metric"),
            exact("scope"), exact("mtu"), exact("hoplimit"), exact("advmss"), abbr("reordering", "reordering"),
            exact("rtt"), exact("rto_min"), abbr("window", "window"), abbr("cwnd", "cwnd"), abbr("initcwnd", "initcwnd"),
            abbr("initrwnd", "initrwnd"), abbr("features", "features"), abbr("quickack", "quickack"),
            abbr("congctl", "congctl"), abbr("rttvar", "rttvar"), abbr("ssthresh", "ssthresh"), abbr("realms", "realms"),
            exact("onlink"), exact("nexthop"), exact("nhid"), abbr("protocol", "protocol"), abbr("table", "table"),
            abbr("vrf", "vrf"), exact("dev"), exact("oif", "dev"), abbr("pref", "pref"), exact("encap"),
            exact("ttl-propagate"), abbr("fastopen_no_cookie", "fastopen_no_cookie"), exact("to"),
            exact("local"), exact("nat"), abbr("broadcast", "broadcast"), exact("brd", "broadcast"),
            abbr("anycast", "anycast"), abbr("multicast", "multicast"), abbr("prohibit", "prohibit"),
            abbr("unreachable", "unreachable"), abbr("blackhole", "blackhole"), abbr("xresolve", "xresolve"),
            abbr("unicast", "unicast"), exact("throw"));

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

    /** The word a rule keyword {@code w} stands for in iproute2 6.1, or null when iproute2 would not take it. */
    static String rule(String w) {
        return first(RULE, w);
    }

    /** The same for a route; destinations ({@code default}, prefixes) are not keywords and give null. */
    static String route(String w) {
        return first(ROUTE, w);
    }

    private static String first(List<Test> tests, String w) {
        for (Test t : tests) {
            if (t.accepts(w)) return t.canonical();
        }
        return null;
    }
}

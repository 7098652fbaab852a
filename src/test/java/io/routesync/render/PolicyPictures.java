package io.routesync.render;

import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.lookup.Explanation;
import io.routesync.lookup.Query;
import io.routesync.lookup.TestState;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import io.routesync.model.IpAddress;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fixture pictures of the golden tests, built without a kernel: the seed host after apply (uplink2,
 * table 102, owned through its table and the protocol tag), plus a foreign fwmark rule with its own table,
 * the main table's default route and the kernel's default rules.
 */
final class PolicyPictures {
    static final Names NAMES = Names.builtin().withTable("uplink2", TableId.of(102)).withProtocol(Ownership.PROTOCOL_NAME, 245);
    static final Ownership OWNERSHIP = new Ownership(Set.of(TableId.of(102)), 245);

    private PolicyPictures() {
    }

    static TestState seed() {
        return TestState.host().add(
                "rule 4 pref 500 fwmark 0x1 lookup 200",
                "rule 4 pref 1000 from 192.168.2.10 lookup 102 protocol 245",
                "rule 4 pref 1001 to 192.168.2.10 lookup 102 protocol 245",
                "rule 4 pref 2000 to 198.51.100.0/24 blackhole",
                "route 255 local 192.168.2.10 dev eth1 scope host",
                "route 102 192.168.2.0/24 dev eth1 scope link src 192.168.2.10 proto 245",
                "route 102 default via 192.168.2.1 dev eth1 proto 245",
                "route 200 default via 10.0.0.1 dev vpn0",
                "route 254 default via 192.0.2.254 dev d0");
    }

    /** The routes of every table read, grouped per table (as the show command groups them). */
    static Map<TableId, List<Route>> byTable(Observed o) {
        Map<TableId, List<Route>> out = new LinkedHashMap<>();
        for (TableId t : new TreeSet<>(o.tablesRead())) out.put(t, new ArrayList<>());
        for (Route r : o.routes()) out.get(r.table()).add(r);
        return out;
    }

    static String show() {
        Observed o = seed().observed();
        return PolicyDot.show("netns seed", o.rules(), byTable(o), NAMES, PolicyDot.Marks.of(OWNERSHIP));
    }

    /** A plan that adds a rule and a route, deletes a rule and a route, and replaces a route. */
    static String plan() {
        Observed o = seed().observed();
        return PolicyDot.plan("netns seed", o.rules(), byTable(o), seedPlan(o), NAMES, PolicyDot.Marks.of(OWNERSHIP));
    }

    /**
     * A packet marked 0x2 from the first uplink's address: the main table's default route now; after the plan,
     * the added rule 1002 sends it to uplink2, whose default route the plan replaces.
     */
    static String explainWithPlan() {
        Observed o = seed().observed();
        HostPlan plan = seedPlan(o);
        Query q = Query.sent(IpAddress.parse("192.0.2.1"), IpAddress.parse("203.0.113.5")).withMark(2);
        Explanation e = Explanation.of(o, plan, q, Map.of());
        return PolicyDot.explain("netns seed", q + " (sent by this host)", o.rules(), byTable(o), plan, e.live(), e.desired(),
                NAMES, PolicyDot.Marks.of(OWNERSHIP));
    }

    private static HostPlan seedPlan(Observed o) {
        Rule gone = find(o.rules(), "pref 1001 ");
        Route old = findRoute(o.routes(), "default via 192.168.2.1");
        Route stray = findRoute(o.routes(), "default via 10.0.0.1");
        TestState added = TestState.bare().add("rule 4 pref 1002 fwmark 0x2 lookup 102 protocol 245",
                "route 102 10.9.0.0/16 via 192.168.2.1 dev eth1 proto 245",
                "route 102 default via 192.168.2.1 dev eth1 proto 245 mtu 1400");
        Observed a = added.observed();
        return new HostPlan(List.of(
                Change.replace(old, a.routes().get(1)),
                Change.add(a.routes().get(0)),
                Change.add(a.rules().get(0)),
                Change.delete(gone),
                Change.delete(stray)), "fixture");
    }

    /** A reply from the second uplink's address: rule 0 misses (local), rule 1000 sends it to uplink2. */
    static String explain() {
        Observed o = seed().observed();
        Query q = Query.sent(IpAddress.parse("192.168.2.10"), IpAddress.parse("203.0.113.5"));
        Explanation e = Explanation.of(o, null, q, Map.of());
        return PolicyDot.explain("netns seed", q + " (sent by this host)", o.rules(), byTable(o), e.live(), NAMES,
                PolicyDot.Marks.of(OWNERSHIP));
    }

    /** A packet the blackhole rule decides: the path ends at the rule, the result names the error. */
    static String explainBlackhole() {
        Observed o = seed().observed();
        Query q = Query.sent(null, IpAddress.parse("198.51.100.7"));
        Explanation e = Explanation.of(o, null, q, Map.of());
        return PolicyDot.explain("netns seed", q + " (sent by this host)", o.rules(), byTable(o), e.live(), NAMES,
                PolicyDot.Marks.of(OWNERSHIP));
    }

    private static Rule find(List<Rule> rules, String text) {
        return rules.stream().filter(r -> IpSyntax.ruleArgs(r, null).startsWith(text)).findFirst().orElseThrow();
    }

    private static Route findRoute(List<Route> routes, String text) {
        return routes.stream().filter(r -> IpSyntax.routeArgs(r, null, false).contains(text)).findFirst().orElseThrow();
    }
}

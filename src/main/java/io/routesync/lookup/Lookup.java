package io.routesync.lookup;

import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.RouteType;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes one packet through a {@link Fib} the way the kernel does.
 *
 * <p>The rules: fib_rules_lookup() walks them in list order; a rule whose selectors match acts: goto
 * jumps to the first rule with the target priority (and checks its selectors too), nop does nothing,
 * blackhole/unreachable/prohibit end the lookup, a lookup rule searches its table ({@link TableLookup}).
 * A table without a route for the packet, or whose route is a throw route, sends the walk on to the
 * next rule, as does a route the rule suppresses ({@code suppress_prefixlength N}: the route's prefix
 * is N bits or shorter; {@code suppress_ifgroup G}: its device is in group G). A reject route ends it.
 * Running out of rules is "no route".
 *
 * <p>Around the rules, IPv4 adds what ip_route_output_key_hash_rcu() and ip_route_input_slow() do: a
 * packet this host sends must come from one of its addresses (a {@code local} route in table local);
 * when it was bound to an output interface and no route serves it, the kernel assumes the destination
 * is on that link; a forwarded packet can only take a unicast route (or be delivered locally).
 * Simplifications, stated: forwarding is assumed enabled, reverse-path filtering off, an IPv6 output
 * interface only matters to {@code oif} selectors, VRF tables come only from the query.
 */
public final class Lookup {
    /** Goto rules only jump forward, so a walk ends; this bounds it on any input anyway. */
    private static final int MAX_STEPS = 1_000_000;

    private final Fib fib;
    private final Query query;
    private final List<Step> steps = new ArrayList<>();
    private String uncertainty;

    private Lookup(Fib fib, Query query) {
        this.fib = fib;
        this.query = query;
    }

    /** What the kernel would do with {@code query} in the state {@code fib}. */
    public static LookupResult resolve(Fib fib, Query query) {
        return new Lookup(fib, query).run();
    }

    private LookupResult run() {
        if (query.family() == Family.INET && !query.isForwarded() && query.src() != null && !isLocalAddress()) {
            return result(Verdict.BAD_SOURCE, false, null, null, null, List.of(), null,
                    query.src() + " is not an address of this host, so it cannot send from it");
        }
        LookupResult walked = walk();
        if (query.family() == Family.INET) return inetAfter(walked);
        return walked;
    }

    private LookupResult inetAfter(LookupResult r) {
        if (!query.isForwarded() && query.oif() != null && !r.delivers()) {
            return result(Verdict.UNICAST, false, null, null, null, List.of(), query.oif(),
                    "no route (" + describe(r) + "); bound to " + query.oif()
                            + ", the kernel assumes the destination is on that link");
        }
        if (query.isForwarded() && r.delivers() && r.verdict() != Verdict.UNICAST && r.verdict() != Verdict.LOCAL
                && r.verdict() != Verdict.BROADCAST) {
            return result(Verdict.MARTIAN, false, r.rule(), r.table(), r.route(), List.of(), null,
                    "a " + r.route().type().word() + " route cannot forward a packet");
        }
        return r;
    }

    private static String describe(LookupResult r) {
        return r.error() == null ? r.verdict().name().toLowerCase(java.util.Locale.ROOT) : r.error();
    }

    private LookupResult walk() {
        List<Rule> rules = fib.rules(query.family());
        int i = 0;
        for (int guard = 0; i < rules.size() && guard < MAX_STEPS; guard++) {
            Rule rule = rules.get(i);
            if (!RuleMatch.matches(rule, query)) {
                steps.add(Step.of(rule, Step.Outcome.NO_MATCH));
                i++;
                continue;
            }
            switch (rule.action()) {
                case GOTO:
                    int target = firstWithPriority(rules, rule.gotoTarget().value());
                    steps.add(Step.of(rule, target < 0 ? Step.Outcome.GOTO_UNRESOLVED : Step.Outcome.GOTO));
                    i = target < 0 ? i + 1 : target;
                    continue;
                case NOP:
                    steps.add(Step.of(rule, Step.Outcome.NOP));
                    i++;
                    continue;
                case BLACKHOLE:
                    return decidedByRule(rule, Verdict.BLACKHOLE);
                case UNREACHABLE:
                    return decidedByRule(rule, Verdict.UNREACHABLE);
                case PROHIBIT:
                    return decidedByRule(rule, Verdict.PROHIBIT);
                case TABLE:
                    LookupResult found = lookUp(rule);
                    if (found != null) return found;
                    i++;
                    continue;
                default:
                    throw new AssertionError(rule.action());
            }
        }
        return result(Verdict.NO_ROUTE, false, null, null, null, List.of(), null, null);
    }

    /** The kernel resolves a goto to the first rule in list order with the target priority. */
    private static int firstWithPriority(List<Rule> rules, long priority) {
        for (int k = 0; k < rules.size(); k++) {
            if (rules.get(k).priority().value() == priority) return k;
        }
        return -1;
    }

    private LookupResult decidedByRule(Rule rule, Verdict verdict) {
        steps.add(Step.of(rule, Step.Outcome.DECIDED));
        return result(verdict, true, rule, null, null, List.of(), null, null);
    }

    /** The rule's table lookup: a result that ends the walk, or null to go on with the next rule. */
    private LookupResult lookUp(Rule rule) {
        TableId table = table(rule);
        TableLookup.Hit hit = TableLookup.find(fib.routes(query.family(), table), query);
        if (hit == null) {
            steps.add(new Step(rule, Step.Outcome.TABLE_MISS, table, null));
            return null;
        }
        Route route = hit.route();
        if (route.type() == RouteType.THROW) {
            steps.add(new Step(rule, Step.Outcome.THROW, table, route));
            return null;
        }
        Verdict verdict = Verdict.of(route.type());
        // only a route the packet can use is checked against suppress_*: reject routes are final
        if (verdict.delivers() && suppressed(rule, route)) {
            steps.add(new Step(rule, Step.Outcome.SUPPRESSED, table, route));
            return null;
        }
        steps.add(new Step(rule, Step.Outcome.DECIDED, table, route));
        String note = fib.knows(table) ? null : "table " + table + " was not read: its routes are unknown";
        return result(verdict, false, rule, table, route, hit.paths(), outputDevice(route, hit.paths()), note);
    }

    /**
     * The table a lookup rule searches. An l3mdev rule uses the VRF's table when the packet has one;
     * otherwise (a "not l3mdev" rule that matched) its table is 0, which the kernel reads as main.
     */
    private TableId table(Rule rule) {
        if (rule.l3mdev()) return query.l3mdevTable() != null ? query.l3mdevTable() : TableId.MAIN;
        return rule.table();
    }

    private boolean suppressed(Rule rule, Route route) {
        if (route.dst().length() <= rule.suppressPrefixLength()) return true;
        if (rule.suppressIfgroup() == -1) return false;
        Interface dev = groupDevice(route);
        boolean suppressed = dev != null && fib.group(dev) == rule.suppressIfgroup();
        // IPv4 looks at the first path; IPv6 at the path its flow hash picked, which cannot be known here
        if (route.family() == Family.INET6 && route.isMultipath()) {
            for (NextHop h : route.nexthops()) {
                if (h.dev() != null && (fib.group(h.dev()) == rule.suppressIfgroup()) != suppressed) {
                    uncertainty = "rule " + rule.priority() + " suppresses group " + rule.suppressIfgroup() + ", and only some"
                            + " paths of " + route.dst() + " in table " + route.table() + " are in it: the kernel checks the path"
                            + " its flow hash picks (taken here: the first)";
                }
            }
        }
        return suppressed;
    }

    /** The device whose group suppress_ifgroup looks at: the first path's; IPv6 local delivery is on lo. */
    private Interface groupDevice(Route route) {
        if (route.family() == Family.INET6 && (route.type() == RouteType.LOCAL || route.type() == RouteType.ANYCAST)) {
            return Query.LOOPBACK;
        }
        return route.nexthops().isEmpty() ? null : route.nexthops().get(0).dev();
    }

    private static Interface outputDevice(Route route, List<NextHop> paths) {
        if (route.type() == RouteType.LOCAL) return Query.LOOPBACK;
        return paths.size() == 1 ? paths.get(0).dev() : null;
    }

    /**
     * Whether the query's source is one of this host's addresses: __ip_dev_find() falls back to a
     * lookup in table local, so a {@code local} route there (every address has one) decides. When
     * table local was not read, the source is taken as given.
     */
    private boolean isLocalAddress() {
        if (!fib.knows(TableId.LOCAL)) return true;
        TableLookup.Hit hit = TableLookup.find(fib.routes(Family.INET, TableId.LOCAL), Query.sent(null, query.src()));
        return hit != null && hit.route().type() == RouteType.LOCAL;
    }

    private LookupResult result(Verdict verdict, boolean byRule, Rule rule, TableId table, Route route,
            List<NextHop> paths, Interface dev, String note) {
        return new LookupResult(query, verdict, byRule, rule, table, route, paths, dev, steps, note, uncertainty);
    }
}

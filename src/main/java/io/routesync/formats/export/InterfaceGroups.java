package io.routesync.formats.export;

import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state's routes and rules sorted out per interface ({@link Anchors}), each list in the state's
 * order, and the entries the format refuses ({@link Limits}) or that have no interface.
 */
final class InterfaceGroups {
    /** What a format cannot express of one entry: a reason per missing feature, none when it can. */
    interface Limits {
        List<String> route(Route route);

        List<String> rule(Rule rule);
    }

    final Map<Interface, List<Route>> routes = new TreeMap<>();
    final Map<Interface, List<Rule>> rules = new TreeMap<>();
    final List<Refusal> refused = new ArrayList<>();

    static InterfaceGroups of(ExportInput in, String format, Limits limits) {
        InterfaceGroups g = new InterfaceGroups();
        Anchors anchors = new Anchors(in.state(), in.fallback(), in.names());
        for (Rule rule : in.state().rules()) {
            List<String> reasons = new ArrayList<>(limits.rule(rule));
            Interface at = anchors.of(rule);
            if (at == null) reasons.add(anchors.why(rule, format));
            if (reasons.isEmpty()) g.rules.computeIfAbsent(at, i -> new ArrayList<>()).add(rule);
            else g.refused.add(new Refusal(describe(rule, in.names()), reasons));
        }
        for (Route route : in.state().routes()) {
            List<String> reasons = new ArrayList<>(limits.route(route));
            Interface at = anchors.of(route);
            if (at == null) reasons.add(anchors.why(route, format));
            if (reasons.isEmpty()) g.routes.computeIfAbsent(at, i -> new ArrayList<>()).add(route);
            else g.refused.add(new Refusal(describe(route, in.names()), reasons));
        }
        return g;
    }

    /** Every interface with a route or a rule, sorted by name. */
    TreeSet<Interface> interfaces() {
        TreeSet<Interface> all = new TreeSet<>(routes.keySet());
        all.addAll(rules.keySet());
        return all;
    }

    List<Route> routes(Interface at) {
        return routes.getOrDefault(at, List.of());
    }

    List<Rule> rules(Interface at) {
        return rules.getOrDefault(at, List.of());
    }

    /** The entry as the {@code ip} command that adds it, with names where the state has them. */
    static String describe(Rule rule, Names names) {
        return (rule.family() == Family.INET6 ? "ip -6 rule add " : "ip rule add ") + IpSyntax.ruleArgs(rule, names);
    }

    static String describe(Route route, Names names) {
        return (route.family() == Family.INET6 ? "ip -6 route add " : "ip route add ") + IpSyntax.routeArgs(route, names, true);
    }
}

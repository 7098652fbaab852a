package io.routesync.render;

import static io.routesync.render.DotStyle.OWNED_FILL;
import static io.routesync.render.DotStyle.diffEdge;
import static io.routesync.render.DotStyle.prefix;
import static io.routesync.render.DotStyle.style;

import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.lookup.LookupResult;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import io.routesync.render.DotStyle.Diff;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One {@link PolicyDot} picture: the live policy, a plan's changes over it, then the nodes and edges laid out
 * (rules in kernel order, tables, routes, next hops) and the packets' paths drawn; one instance per picture.
 */
final class PolicyDrawing {
    /** Local-table routes (one local and broadcast route per address) are summed up unless on a path or changed. */
    private static final TableId LOCAL = TableId.LOCAL;

    /** One path to draw: its colour, the suffix of its result node's id, the caption of its result. */
    record Highlight(LookupResult result, String colour, String suffix, String caption) {
    }

    private record RuleItem(Rule rule, String mark, Diff diff) {
    }

    private record RouteItem(Route route, String mark, Diff diff, Route previous) {
    }

    private final String title;
    private final Names names;
    private final PolicyDot.Marks marks;
    private final List<RuleItem> rules = new ArrayList<>();
    private final Map<TableId, List<RouteItem>> tables = new TreeMap<>();
    /** The tables whose routes were read: any other table drawn (a rule looks it up) says so. */
    private final Set<TableId> read = new TreeSet<>();

    PolicyDrawing(String title, Names names, PolicyDot.Marks marks) {
        this.title = title;
        this.names = names;
        this.marks = marks;
    }

    PolicyDrawing live(List<Rule> live, Map<TableId, List<Route>> routes) {
        for (Rule r : live) rules.add(new RuleItem(r, marks.rule(r), Diff.NONE));
        read.addAll(routes.keySet());
        routes.forEach((t, list) -> {
            List<RouteItem> items = tables.computeIfAbsent(t, k -> new ArrayList<>());
            for (Route r : list) items.add(new RouteItem(r, marks.route(r), Diff.NONE, null));
        });
        return this;
    }

    void change(Change c) {
        if (c.entry() instanceof Rule r) {
            if (c.action() == Action.ADD) {
                rules.add(new RuleItem(r, marks.rule(r), Diff.ADD));
            } else {
                int at = indexOf(r);
                if (at >= 0) rules.set(at, new RuleItem(rules.get(at).rule(), rules.get(at).mark(), Diff.DELETE));
                else rules.add(new RuleItem(r, marks.rule(r), Diff.DELETE));
            }
        } else if (c.entry() instanceof Route r) {
            List<RouteItem> items = tables.computeIfAbsent(r.table(), k -> new ArrayList<>());
            Route old = c.action() == Action.REPLACE ? (Route) c.previous() : c.action() == Action.DELETE ? r : null;
            int at = -1;
            for (int i = 0; old != null && i < items.size(); i++) {
                if (items.get(i).route().equals(old)) at = i;
            }
            RouteItem item = c.action() == Action.ADD ? new RouteItem(r, marks.route(r), Diff.ADD, null)
                    : c.action() == Action.DELETE ? new RouteItem(r, marks.route(r), Diff.DELETE, null)
                    : new RouteItem(r, marks.route(r), Diff.REPLACE, old);
            if (at >= 0) items.set(at, item);
            else items.add(item);
        }
        // table name changes are drawn through the names: the table nodes carry the desired names
    }

    private int indexOf(Rule r) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).rule().identity().equals(r.identity())) return i;
        }
        return -1;
    }

    String render(List<Highlight> paths) {
        DotGraph g = new DotGraph();
        // rules: kernel order (family, then priority; equal priorities keep their list order)
        List<RuleItem> ordered = new ArrayList<>(rules);
        ordered.sort(Comparator.comparing((RuleItem i) -> i.rule().family())
                .thenComparing(i -> i.rule().priority() == null ? Long.MAX_VALUE : i.rule().priority().value()));
        Map<Rule, String> ruleIds = new LinkedHashMap<>();
        List<String> column = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            RuleItem item = ordered.get(i);
            String id = "rule" + i;
            ruleIds.putIfAbsent(item.rule(), id);
            column.add(id);
            g.node(id, style(item.mark(), item.diff()), prefix(item.diff()) + ruleText(item.rule()), "(" + item.mark() + ")");
        }
        // every table a rule looks up or that was read, with its routes in key order
        Map<TableId, String> tableIds = new TreeMap<>();
        for (RuleItem item : ordered) {
            if (item.rule().action() == RuleAction.TABLE && item.rule().table() != null) tables.computeIfAbsent(item.rule().table(), k -> new ArrayList<>());
        }
        for (TableId t : tables.keySet()) tableIds.put(t, "table" + t.id());
        // which routes are drawn: the local table's own routes are summed up unless changed or on the path
        List<Route> chosen = paths.stream().map(h -> h.result().route()).filter(Objects::nonNull).toList();
        Map<TableId, List<RouteItem>> drawn = new TreeMap<>();
        Map<TableId, Integer> hidden = new TreeMap<>();
        Map<IpAddress, String> gateways = new TreeMap<>();
        Map<Interface, String> devices = new TreeMap<>();
        for (Map.Entry<TableId, List<RouteItem>> e : tables.entrySet()) {
            List<RouteItem> items = new ArrayList<>();
            for (RouteItem item : e.getValue()) {
                if (e.getKey().equals(LOCAL) && item.diff() == Diff.NONE && !chosen.contains(item.route())) {
                    hidden.merge(e.getKey(), 1, Integer::sum);
                    continue;
                }
                items.add(item);
                for (NextHop h : item.route().nexthops()) {
                    if (h.via() != null) gateways.put(h.via(), "");
                    if (h.dev() != null) devices.put(h.dev(), "");
                }
            }
            items.sort(Comparator.comparing((RouteItem i) -> i.route().key())
                    .thenComparing(i -> IpSyntax.routeArgs(i.route(), names, false)));
            drawn.put(e.getKey(), items);
        }
        // gateway and device ids are positions in address and name order, independent of route order
        int n = 0;
        for (Map.Entry<IpAddress, String> e : gateways.entrySet()) e.setValue("gw" + n++);
        n = 0;
        for (Map.Entry<Interface, String> e : devices.entrySet()) e.setValue("dev" + n++);
        Map<Route, String> routeIds = new LinkedHashMap<>();
        for (Map.Entry<TableId, List<RouteItem>> e : drawn.entrySet()) {
            TableId t = e.getKey();
            String tid = tableIds.get(t);
            String name = names.tableName(t);
            g.node(tid, "shape=tab, style=filled, fillcolor=\"" + (marks.ownsTable(t) ? OWNED_FILL : "#ffffff") + "\"",
                    "table " + name + (name.equals(Long.toString(t.id())) ? "" : " (" + t.id() + ")"),
                    marks.ownsTable(t) ? "(owned)" : "", read.contains(t) ? "" : "(routes not read)");
            List<RouteItem> items = e.getValue();
            for (int i = 0; i < items.size(); i++) {
                RouteItem item = items.get(i);
                Route r = item.route();
                String rid = tid + "_" + i;
                routeIds.putIfAbsent(r, rid);
                List<String> label = new ArrayList<>(List.of(prefix(item.diff()) + IpSyntax.routeArgs(r, names, false)));
                if (item.previous() != null) label.add("was: " + IpSyntax.routeArgs(item.previous(), names, false));
                label.add("(" + item.mark() + ")");
                g.node(rid, style(item.mark(), item.diff()), label.toArray(new String[0]));
                g.edge(tid, rid, diffEdge(item.diff()));
                for (NextHop h : r.nexthops()) {
                    if (h.via() != null) {
                        g.edge(rid, gateways.get(h.via()), diffEdge(item.diff()));
                        if (h.dev() != null) g.edge(gateways.get(h.via()), devices.get(h.dev()), "");
                    } else {
                        g.edge(rid, devices.get(h.dev()), diffEdge(item.diff()));
                    }
                }
            }
            int more = hidden.getOrDefault(t, 0);
            if (more > 0) {
                g.node(tid + "_more", "style=\"rounded,dotted\", fontcolor=\"#666666\"",
                        more + " local and broadcast route" + (more == 1 ? "" : "s") + " not drawn");
                g.edge(tid, tid + "_more", "style=dotted");
            }
        }
        gateways.forEach((a, id) -> g.node(id, "shape=ellipse", "via " + a));
        devices.forEach((d, id) -> g.node(id, "shape=ellipse, style=filled, fillcolor=\"#fff4d6\"", "dev " + d.name()));
        // rule actions: lookup a table, goto a rule; the others end the lookup there
        for (int i = 0; i < ordered.size(); i++) {
            Rule r = ordered.get(i).rule();
            String edge = diffEdge(ordered.get(i).diff());
            if (r.action() == RuleAction.TABLE && r.table() != null) {
                g.edge(column.get(i), tableIds.get(r.table()), edge);
            } else if (r.action() == RuleAction.GOTO) {
                String target = gotoTarget(ordered, column, r);
                if (target != null) g.edge(column.get(i), target, DotGraph.join(edge, "label=\"goto\", constraint=false"));
            }
        }
        for (Highlight h : paths) PacketPath.draw(g, h, ruleIds, tableIds, routeIds, gateways, devices);
        return g.print(title, column);
    }

    private static String gotoTarget(List<RuleItem> ordered, List<String> column, Rule from) {
        for (int i = 0; i < ordered.size(); i++) {
            Rule r = ordered.get(i).rule();
            if (r.family() == from.family() && r.priority() != null && r.priority().equals(from.gotoTarget())) return column.get(i);
        }
        return null;
    }

    private String ruleText(Rule r) {
        String args = IpSyntax.ruleArgs(r, names);
        // "pref 100 from ..." reads as ip rule show prints it: "100: from ..."
        if (args.startsWith("pref ")) {
            int space = args.indexOf(' ', 5);
            args = space < 0 ? args.substring(5) + ":" : args.substring(5, space) + ":" + args.substring(space);
        }
        return (r.family() == Family.INET6 ? "[IPv6] " : "") + args;
    }
}

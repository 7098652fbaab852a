package io.routesync.render;

import io.routesync.lookup.LookupResult;
import io.routesync.lookup.Step;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import io.routesync.iproute2.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import io.routesync.iproute2.IpSyntax;

/**
 * A Graphviz DOT picture of one host's policy routing: the rules in priority order, the tables they look
 * up, the routes of those tables and the gateways and interfaces the routes lead to. Entries are styled by
 * ownership (owned, foreign, kernel); a plan's adds, deletes and replaces are coloured; an explained
 * packet's path is highlighted. A pure view: the same input gives the same bytes (node ids are positions
 * in sorted order), and every label is a quoted DOT string with all data escaped ({@link #quote}), never an
 * HTML label, because rule and route text comes from hosts.
 */
public final class PolicyDot {
    /** How {@code show} marks entries: "owned", "foreign" or "kernel". */
    public interface Marks {
        String rule(Rule rule);

        String route(Route route);

        boolean ownsTable(TableId table);

        /** The marks {@code routesync show} prints: the kernel's default rules, else what {@code ownership} may delete. */
        static Marks of(Ownership ownership) {
            return new Marks() {
                @Override
                public String rule(Rule rule) {
                    if (rule.isDefaultRule()) return "kernel";
                    return ownership.owns(rule) ? "owned" : "foreign";
                }

                @Override
                public String route(Route route) {
                    return ownership.owns(route) ? "owned" : "foreign";
                }

                @Override
                public boolean ownsTable(TableId table) {
                    return ownership.ownsTable(table);
                }
            };
        }
    }

    /** What a plan does to an entry drawn. */
    enum Diff { NONE, ADD, DELETE, REPLACE }

    /** Local-table routes (one local and broadcast route per address) are summed up unless on a path or changed. */
    private static final TableId LOCAL = TableId.LOCAL;

    private static final String OWNED_FILL = "#dbe9f6";
    private static final String KERNEL_FILL = "#eeeeee";
    private static final String ADD = "#1b7f2a";
    private static final String DELETE = "#c62828";
    private static final String REPLACE = "#d35400";
    private static final String PATH = "#1f4fd6";
    private static final String AFTER = "#8e24aa";

    private record RuleItem(Rule rule, String mark, Diff diff) {
    }

    private record RouteItem(Route route, String mark, Diff diff, Route previous) {
    }

    private PolicyDot() {
    }

    /** The live policy, as {@code routesync show --format dot} draws it. */
    public static String show(String host, List<Rule> rules, Map<TableId, List<Route>> routes, Names names, Marks marks) {
        return new Drawing("Policy routing of " + host, names, marks).live(rules, routes).render(List.of());
    }

    /**
     * The live policy with a plan's changes drawn over it: added entries green ({@code +}), deleted ones red
     * and dashed ({@code -}), replaced routes orange ({@code ~}, with the route they replace).
     */
    public static String plan(String host, List<Rule> rules, Map<TableId, List<Route>> routes, HostPlan plan, Names names, Marks marks) {
        Drawing d = new Drawing("Plan for " + host + ": " + plan.count(Action.ADD) + " to add, " + plan.count(Action.REPLACE)
                + " to replace, " + plan.count(Action.DELETE) + " to delete", names, marks).live(rules, routes);
        for (Change c : plan.changes()) d.change(c);
        return d.render(List.of());
    }

    /** The live policy with the path of one packet highlighted: the rules that matched, the table, route and next hops. */
    public static String explain(String host, String packet, List<Rule> rules, Map<TableId, List<Route>> routes, LookupResult result,
            Names names, Marks marks) {
        return new Drawing("Packet " + packet + " on " + host, names, marks).live(rules, routes)
                .render(List.of(new Highlight(result, PATH, "", "")));
    }

    /**
     * The packet's path now (blue) and after the plan is applied (purple) over the plan's picture: where the
     * desired state sends it differently, the two paths part.
     */
    public static String explain(String host, String packet, List<Rule> rules, Map<TableId, List<Route>> routes, HostPlan plan,
            LookupResult now, LookupResult after, Names names, Marks marks) {
        Drawing d = new Drawing("Packet " + packet + " on " + host + ": now (blue) and after apply (purple)", names, marks)
                .live(rules, routes);
        for (Change c : plan.changes()) d.change(c);
        return d.render(List.of(new Highlight(now, PATH, "", "now: "), new Highlight(after, AFTER, "_after", "after apply: ")));
    }

    /** One path to draw: its colour, the suffix of its result node's id, the caption of its result. */
    private record Highlight(LookupResult result, String colour, String suffix, String caption) {
    }

    /** Builds the node and edge lists, then prints them; one instance per picture. */
    private static final class Drawing {
        private final String title;
        private final Names names;
        private final Marks marks;
        private final List<RuleItem> rules = new ArrayList<>();
        private final Map<TableId, List<RouteItem>> tables = new TreeMap<>();
        /** The tables whose routes were read: any other table drawn (a rule looks it up) says so. */
        private final java.util.Set<TableId> read = new java.util.TreeSet<>();

        Drawing(String title, Names names, Marks marks) {
            this.title = title;
            this.names = names;
            this.marks = marks;
        }

        Drawing live(List<Rule> live, Map<TableId, List<Route>> routes) {
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
            Graph g = new Graph();
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
                    if (target != null) g.edge(column.get(i), target, join(edge, "label=\"goto\", constraint=false"));
                }
            }
            for (Highlight h : paths) highlight(g, h, ruleIds, tableIds, routeIds, gateways, devices);
            return g.print(title, column);
        }

        private static String gotoTarget(List<RuleItem> ordered, List<String> column, Rule from) {
            for (int i = 0; i < ordered.size(); i++) {
                Rule r = ordered.get(i).rule();
                if (r.family() == from.family() && r.priority() != null && r.priority().equals(from.gotoTarget())) return column.get(i);
            }
            return null;
        }

        /** The packet's way: a packet node, every rule that matched (with why the lookup went on), then the result. */
        private void highlight(Graph g, Highlight h, Map<Rule, String> ruleIds, Map<TableId, String> tableIds,
                Map<Route, String> routeIds, Map<IpAddress, String> gateways, Map<Interface, String> devices) {
            LookupResult path = h.result();
            String c = h.colour();
            if (!g.has("packet")) {
                g.node("packet", "shape=cds, style=filled, fillcolor=\"#dfe7ff\", color=\"" + c + "\", penwidth=2", "packet",
                        path.query().toString());
            }
            String last = "packet";
            String why = "";
            for (Step s : path.matchedSteps()) {
                String rid = ruleIds.get(s.rule());
                if (rid == null) continue;
                g.pathNode(rid, c);
                g.pathEdge(last, rid, c, "constraint=false" + (why.isEmpty() ? "" : ", label=" + quote(why)));
                last = rid;
                why = outcome(s.outcome());
                if (s.table() != null && tableIds.containsKey(s.table())) {
                    g.pathNode(tableIds.get(s.table()), c);
                    g.pathEdge(rid, tableIds.get(s.table()), c, s.outcome() == Step.Outcome.DECIDED ? "" : "style=dashed");
                }
            }
            String end = last;
            Route r = path.route();
            if (r != null && routeIds.containsKey(r)) {
                String rid = routeIds.get(r);
                g.pathNode(rid, c);
                g.pathEdge(tableIds.get(r.table()), rid, c, "");
                end = rid;
                for (NextHop hop : path.paths()) {
                    String to = hop.via() != null ? gateways.get(hop.via()) : devices.get(hop.dev());
                    if (to == null) continue;
                    g.pathNode(to, c);
                    g.pathEdge(rid, to, c, "");
                    end = to;
                    if (hop.via() != null && hop.dev() != null && devices.containsKey(hop.dev())) {
                        g.pathNode(devices.get(hop.dev()), c);
                        g.pathEdge(to, devices.get(hop.dev()), c, "");
                        end = devices.get(hop.dev());
                    }
                }
            }
            String verdict = path.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            List<String> label = new ArrayList<>(List.of(h.caption() + "result: " + verdict));
            if (path.error() != null) label.add(path.error());
            else if (path.dev() != null) label.add("out of " + path.dev().name());
            if (path.uncertainty() != null) label.add(path.uncertainty());
            String result = "result" + h.suffix();
            g.node(result, "shape=doubleoctagon, color=\"" + c + "\", penwidth=2", label.toArray(new String[0]));
            g.pathEdge(end, result, c, "");
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

    private static String outcome(Step.Outcome o) {
        switch (o) {
            case GOTO: return "goto";
            case GOTO_UNRESOLVED: return "goto: no such rule";
            case NOP: return "nop";
            case TABLE_MISS: return "no route in table";
            case THROW: return "throw";
            case SUPPRESSED: return "suppressed";
            default: return "";
        }
    }

    private static String prefix(Diff d) {
        switch (d) {
            case ADD: return "+ ";
            case DELETE: return "- ";
            case REPLACE: return "~ ";
            default: return "";
        }
    }

    private static String style(String mark, Diff diff) {
        String base;
        switch (mark) {
            case "owned": base = "style=\"rounded,filled\", fillcolor=\"" + OWNED_FILL + "\""; break;
            case "kernel": base = "style=\"rounded,filled\", fillcolor=\"" + KERNEL_FILL + "\", fontcolor=\"#555555\""; break;
            default: base = "style=\"rounded,dashed\"";
        }
        switch (diff) {
            case ADD: return "style=\"rounded,filled,bold\", fillcolor=\"#e3f5e1\", color=\"" + ADD + "\", fontcolor=\"" + ADD + "\", penwidth=2";
            case DELETE: return "style=\"rounded,dashed,bold\", color=\"" + DELETE + "\", fontcolor=\"" + DELETE + "\", penwidth=2";
            case REPLACE: return "style=\"rounded,filled,bold\", fillcolor=\"#fdebd0\", color=\"" + REPLACE + "\", fontcolor=\"" + REPLACE + "\", penwidth=2";
            default: return base;
        }
    }

    private static String diffEdge(Diff d) {
        switch (d) {
            case ADD: return "color=\"" + ADD + "\"";
            case DELETE: return "color=\"" + DELETE + "\", style=dashed";
            case REPLACE: return "color=\"" + REPLACE + "\"";
            default: return "";
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + ", " + b;
    }

    /**
     * A DOT quoted string showing {@code text} literally: quotes and backslashes escaped (so no {@code \N},
     * {@code \l} escape reaches Graphviz), {@code &} and {@code <}, {@code >} as entities (Graphviz decodes
     * entities in plain labels too), control, line-separator and bidi characters as visible {@code \xNN}.
     */
    static String quote(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '&': b.append("&amp;"); break;
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                default:
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || (c >= 0x200b && c <= 0x200f)
                            || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0xfeff) {
                        b.append("\\\\x").append(String.format("%02x", c));
                    } else {
                        b.appendCodePoint(c);
                    }
            }
        });
        return b.append('"').toString();
    }

    /** Lines joined with DOT's centred line break, each line quoted. */
    static String label(String... lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            if (l.isEmpty()) continue;
            String q = quote(l);
            if (b.length() > 0) b.append("\\n");
            b.append(q, 1, q.length() - 1);
        }
        return "\"" + b + "\"";
    }

    /** Nodes and edges in the order they were added; a later attribute list for the same edge or node wins. */
    private static final class Graph {
        private final Map<String, String[]> nodeLabels = new LinkedHashMap<>();
        private final Map<String, String> nodeAttrs = new LinkedHashMap<>();
        private final Map<List<String>, String> edges = new LinkedHashMap<>();

        void node(String id, String attrs, String... label) {
            nodeLabels.put(id, label);
            nodeAttrs.put(id, attrs);
        }

        /** The colours of the paths through a node or an edge, in the order the paths were drawn. */
        private final Map<Object, List<String>> pathColours = new LinkedHashMap<>();

        boolean has(String id) {
            return nodeLabels.containsKey(id);
        }

        /** A node on a path: drawn in the first path's colour (a later path through it keeps that one). */
        void pathNode(String id, String colour) {
            List<String> c = pathColours.computeIfAbsent(id, k -> new ArrayList<>());
            if (c.isEmpty()) nodeAttrs.merge(id, "color=\"" + colour + "\", penwidth=3", PolicyDot::join);
            if (!c.contains(colour)) c.add(colour);
        }

        void edge(String from, String to, String attrs) {
            edges.putIfAbsent(List.of(from, to), attrs);
        }

        /** An edge on a path (added if the picture has none): drawn in every path's colour, side by side. */
        void pathEdge(String from, String to, String colour, String attrs) {
            List<String> key = List.of(from, to);
            edges.putIfAbsent(key, "");
            if (!attrs.isEmpty() && !edges.get(key).contains(attrs)) edges.merge(key, attrs, PolicyDot::join);
            List<String> c = pathColours.computeIfAbsent(key, k -> new ArrayList<>());
            if (!c.contains(colour)) c.add(colour);
        }

        String print(String title, List<String> ruleColumn) {
            StringBuilder out = new StringBuilder(4096);
            out.append("digraph policy {\n");
            out.append("  graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", fontsize=14, nodesep=0.25, ranksep=0.6, label=")
                    .append(quote(title)).append("];\n");
            out.append("  node [shape=box, fontname=\"Helvetica\", fontsize=10];\n");
            out.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
            // the rules form one column, top to bottom in evaluation order, under a heading: a rank of their own
            // (a plain subgraph; dot does not keep the order of a ranked column inside a cluster)
            List<String> column = new ArrayList<>(List.of("rules"));
            column.addAll(ruleColumn);
            out.append("  subgraph rules_column {\n    rank=same;\n");
            out.append("    rules [shape=plaintext, fontsize=11, label=\"rules, tried top to bottom\"];\n");
            for (String id : ruleColumn) nodeLine(out, "    ", id);
            out.append("  }\n");
            java.util.Set<String> inColumn = new java.util.HashSet<>(ruleColumn);
            for (String id : nodeLabels.keySet()) {
                if (!inColumn.contains(id)) nodeLine(out, "  ", id);
            }
            for (int i = 1; i < column.size(); i++) {
                out.append("  ").append(column.get(i - 1)).append(" -> ").append(column.get(i)).append(" [style=invis];\n");
            }
            edges.forEach((k, given) -> {
                List<String> colours = pathColours.get(k);
                String attrs = colours == null ? given
                        : join(given, "color=\"" + String.join(":", colours) + "\", penwidth=" + (colours.size() == 1 ? 3 : 2));
                out.append("  ").append(k.get(0)).append(" -> ").append(k.get(1));
                if (!attrs.isEmpty()) out.append(" [").append(attrs).append(']');
                out.append(";\n");
            });
            out.append("}\n");
            return out.toString();
        }

        private void nodeLine(StringBuilder out, String indent, String id) {
            out.append(indent).append(id).append(" [label=").append(label(nodeLabels.get(id)));
            String attrs = nodeAttrs.get(id);
            if (attrs != null && !attrs.isEmpty()) out.append(", ").append(attrs);
            out.append("];\n");
        }
    }
}

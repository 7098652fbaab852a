package io.routesync.render;

import io.routesync.iproute2.Names;
import io.routesync.lookup.LookupResult;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.List;
import java.util.Map;

/**
 * A Graphviz DOT picture of one host's policy routing: the rules in priority order, the tables they look
 * up, the routes of those tables and the gateways and interfaces the routes lead to. Entries are styled by
 * ownership (owned, foreign, kernel); a plan's adds, deletes and replaces are coloured; an explained
 * packet's path is highlighted. A pure view: the same input gives the same bytes (node ids are positions
 * in sorted order), and every label is a quoted DOT string with all data escaped ({@link DotGraph#quote}), never an
 * HTML label, because rule and route text comes from hosts. The view of {@code show}, {@code plan} and
 * {@code explain} in the dot format: {@link PolicyDrawing} lays out, {@link PacketPath} draws a packet's way,
 * {@link DotStyle} colours, {@link DotGraph} prints.
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

    private PolicyDot() {
    }

    /** The live policy, as {@code routesync show --format dot} draws it. */
    public static String show(String host, List<Rule> rules, Map<TableId, List<Route>> routes, Names names, Marks marks) {
        return new PolicyDrawing("Policy routing of " + host, names, marks).live(rules, routes).render(List.of());
    }

    /**
     * The live policy with a plan's changes drawn over it: added entries green ({@code +}), deleted ones red
     * and dashed ({@code -}), replaced routes orange ({@code ~}, with the route they replace).
     */
    public static String plan(String host, List<Rule> rules, Map<TableId, List<Route>> routes, HostPlan plan, Names names, Marks marks) {
        PolicyDrawing d = new PolicyDrawing("Plan for " + host + ": " + Summary.counts(plan), names, marks).live(rules, routes);
        for (Change c : plan.changes()) d.change(c);
        return d.render(List.of());
    }

    /** The live policy with the path of one packet highlighted: the rules that matched, the table, route and next hops. */
    public static String explain(String host, String packet, List<Rule> rules, Map<TableId, List<Route>> routes, LookupResult result,
            Names names, Marks marks) {
        return new PolicyDrawing("Packet " + packet + " on " + host, names, marks).live(rules, routes)
                .render(List.of(new PolicyDrawing.Highlight(result, DotStyle.PATH, "", "")));
    }

    /**
     * The packet's path now (blue) and after the plan is applied (purple) over the plan's picture: where the
     * desired state sends it differently, the two paths part.
     */
    public static String explain(String host, String packet, List<Rule> rules, Map<TableId, List<Route>> routes, HostPlan plan,
            LookupResult now, LookupResult after, Names names, Marks marks) {
        PolicyDrawing d = new PolicyDrawing("Packet " + packet + " on " + host + ": now (blue) and after apply (purple)", names, marks)
                .live(rules, routes);
        for (Change c : plan.changes()) d.change(c);
        return d.render(List.of(new PolicyDrawing.Highlight(now, DotStyle.PATH, "", "now: "), new PolicyDrawing.Highlight(after, DotStyle.AFTER, "_after", "after apply: ")));
    }
}

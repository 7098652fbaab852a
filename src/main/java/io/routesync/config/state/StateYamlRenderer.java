package io.routesync.config.state;

import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.SyntaxException;
import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes rules and routes as a desired-state YAML document (for {@code import}) or as the annotated
 * live state (for {@code show}): each entry as the iproute2 string that follows {@code ip rule add} /
 * {@code ip route add}, parsed back by the same grammar. The one exception is an IPv6 rule without an
 * address, whose family a string cannot carry: it is written as a mapping with {@code family: inet6}.
 */
public final class StateYamlRenderer {
    private static final Set<String> FLAGS = Set.of("not", "l3mdev");
    private static final Set<String> ACTIONS = Set.of("nop", "blackhole", "unreachable", "prohibit");

    /** A remark after an entry ({@code # owned}), or null. */
    public interface Remarks {
        String rule(Rule rule);

        String route(Route route);

        String table(TableId table);
    }

    private StateYamlRenderer() {
    }

    /**
     * @param header     comment lines for the top (without {@code #})
     * @param tableNames the tables to declare under {@code tables:} (name to id), in order
     * @param routes     per table (in order), its routes
     * @param remarks    what to put after each entry, or null for none
     */
    public static String render(List<String> header, Map<String, TableId> tableNames, List<Rule> rules,
            Map<TableId, List<Route>> routes, Names names, Remarks remarks) {
        return render(header, tableNames, rules, routes, names, remarks, -1);
    }

    /**
     * {@link #render(List, Map, List, Map, Names, Remarks)}, writing entries whose protocol is {@code
     * defaultProtocol} without {@code proto}/{@code protocol}: what a state file's entry without one gets
     * (the host's tag), so the file says "routesync's" rather than a fixed number; -1 writes every protocol.
     */
    public static String render(List<String> header, Map<String, TableId> tableNames, List<Rule> rules,
            Map<TableId, List<Route>> routes, Names names, Remarks remarks, int defaultProtocol) {
        return render(header, tableNames, rules, routes, names, remarks, defaultProtocol, true);
    }

    /**
     * {@link #render(List, Map, List, Map, Names, Remarks, int)} without parsing each route back first
     * ({@code checkRoutes} false): for a text that is read back as a whole anyway (the kept state), where
     * a route the grammar refuses fails that read instead of becoming a comment.
     */
    static String render(List<String> header, Map<String, TableId> tableNames, List<Rule> rules,
            Map<TableId, List<Route>> routes, Names names, Remarks remarks, int defaultProtocol, boolean checkRoutes) {
        StringBuilder out = new StringBuilder();
        for (String h : header) out.append(h.isEmpty() ? "#" : "# " + h).append('\n');
        if (!tableNames.isEmpty()) {
            out.append("tables:\n");
            tableNames.forEach((name, id) -> line(out, "  " + name + ": " + id.id(), remarks == null ? null : remarks.table(id)));
        }
        out.append(rules.isEmpty() ? "rules: []\n" : "rules:\n");
        for (Rule r : rules) {
            Rule written = r.protocol() == defaultProtocol ? r.withProtocol(-1) : r;
            line(out, "  - " + rule(written, names), remarks == null ? null : remarks.rule(r));
        }
        out.append(routes.isEmpty() ? "routes: {}\n" : "routes:\n");
        routes.forEach((table, list) -> {
            String key = names.tableName(table);
            line(out, "  " + (key.equals(Long.toString(table.id())) ? quote(key) : key) + ":",
                    remarks == null ? null : remarks.table(table));
            if (list.isEmpty()) out.append("    []\n");
            for (Route r : list) {
                String args = routeArgs(r, names);
                String refused = checkRoutes ? refusal(r, args, names) : null;
                if (refused != null) {
                    // a listed route the state grammar refuses: a comment, so the file still loads and says why
                    out.append("    # not importable: ").append(quote(args)).append(" (").append(refused).append(")\n");
                    continue;
                }
                if (r.protocol() == defaultProtocol) args = args.replaceFirst("(^| )proto \\S+", "");
                line(out, "    - " + quote(args), remarks == null ? null : remarks.route(r));
            }
        });
        return out.toString();
    }

    /**
     * The route's string. An IPv6 default route is written {@code ::/0}, not {@code default}: without an
     * IPv6 address elsewhere in it ({@code default dev eth1}, {@code default nhid 5}) the string would
     * read back as IPv4.
     */
    static String routeArgs(Route r, Names names) {
        String args = IpSyntax.routeArgs(r, names, false);
        if (r.family() != Family.INET6 || !r.dst().isAll()) return args;
        // the destination is the first "default" word: after the type word, if any, before all values
        return args.replaceFirst("(^|(?<= ))default(?= |$)", "::/0");
    }

    /** Why the state grammar would refuse {@code args} as route {@code r}, or null when it reads back. */
    private static String refusal(Route r, String args, Names names) {
        try {
            RouteGrammar.parseAdd(java.util.Arrays.asList(args.split(" ")), r.family(), r.table(), names, r.protocol());
            return null;
        } catch (SyntaxException e) {
            return e.getMessage();
        }
    }

    private static String rule(Rule r, Names names) {
        String args = IpSyntax.ruleArgs(r, names);
        if (r.family() == Family.INET || r.from() != null || r.to() != null) return quote(args);
        return structured(args);
    }

    /** The rule's iproute2 words as a YAML flow mapping of the same words, plus {@code family: inet6}. */
    private static String structured(String args) {
        String[] words = args.split(" ");
        List<String> fields = new ArrayList<>();
        fields.add("family: inet6");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (FLAGS.contains(w)) fields.add(w + ": true");
            else if (ACTIONS.contains(w)) fields.add("action: " + w);
            else if (w.equals("pref")) fields.add("priority: " + words[++i]);
            else if (w.equals("lookup")) fields.add("table: " + quote(words[++i]));
            else fields.add(w + ": " + quote(words[++i]));
        }
        return "{ " + String.join(", ", fields) + " }";
    }

    private static void line(StringBuilder out, String text, String remark) {
        out.append(text);
        if (remark != null) out.append("  # ").append(remark);
        out.append('\n');
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

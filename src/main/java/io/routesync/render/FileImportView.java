package io.routesync.render;

import io.routesync.config.Diagnostic;
import io.routesync.config.state.StateYamlRenderer;
import io.routesync.formats.Imported;
import io.routesync.iproute2.Names;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code routesync import --from}'s YAML: the imported rules and routes as a desired-state file, each
 * entry with the {@code file:line} it came from, what was not imported listed in the header. Named
 * tables (from rt_tables, not main/local/default) are declared, so owned; entries whose protocol is the
 * tag are written without one.
 */
public final class FileImportView {
    /** Every character YAML 1.1 reads as a line break. */
    private static final String LINE_BREAKS = "[\\r\\n\\u0085\\u2028\\u2029]";

    private FileImportView() {
    }

    /** @param files the names of the files read, as the user gave them */
    public static String render(String format, List<String> files, Imported imported, int protocolTag) {
        Names names = imported.names();
        Map<Object, String> from = new IdentityHashMap<>();
        List<Rule> rules = new ArrayList<>();
        for (Imported.Sourced<Rule> r : imported.rules()) {
            rules.add(r.entry());
            from.put(r.entry(), "from " + place(r));
        }
        Map<TableId, List<Route>> routes = new LinkedHashMap<>();
        for (Imported.Sourced<Route> r : imported.routes()) {
            routes.computeIfAbsent(r.entry().table(), t -> new ArrayList<>()).add(r.entry());
            from.put(r.entry(), "from " + place(r));
        }
        Set<TableId> used = new LinkedHashSet<>();
        for (Rule r : rules) if (r.table() != null) used.add(r.table());
        used.addAll(routes.keySet());
        Map<String, TableId> declared = new LinkedHashMap<>();
        for (TableId id : used) {
            String name = names.tableName(id);
            if (!id.isKernelTable() && !name.equals(Long.toString(id.id()))) declared.put(name, id);
        }
        List<String> header = new ArrayList<>();
        header.add("Imported by routesync from " + format + ": " + oneLine(String.join(", ", files)) + ".");
        header.add("Each entry says where it came from. Entries without proto/protocol get routesync's tag when applied;");
        header.add("tables under 'tables:' are owned: routesync deletes routes in them that this file does not list.");
        if (!imported.problems().isEmpty()) {
            header.add("");
            header.add("Not imported (" + imported.problems().size() + "): write what routing these make by hand, if any.");
            for (Diagnostic d : imported.problems()) {
                header.add("  " + oneLine(d.pos() + ": " + (d.isError() ? "" : "(note) ") + d.message()));
            }
        }
        StateYamlRenderer.Remarks remarks = new StateYamlRenderer.Remarks() {
            @Override
            public String rule(Rule rule) {
                return from.get(rule);
            }

            @Override
            public String route(Route route) {
                return from.get(route);
            }

            @Override
            public String table(TableId table) {
                return null;
            }
        };
        return StateYamlRenderer.render(header, declared, rules, routes, names, remarks, protocolTag);
    }

    private static String place(Imported.Sourced<?> s) {
        return oneLine(s.at().line() == 0 ? s.at().file() : s.at().file() + ":" + s.at().line());
    }

    /**
     * Text for a YAML comment: every character YAML 1.1 takes for a line break (a quoted netplan value,
     * a file name may hold one) becomes a space, so nothing read can end the comment and become YAML.
     */
    public static String oneLine(String text) {
        return text.replaceAll(LINE_BREAKS, " ");
    }
}

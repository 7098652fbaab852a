package io.routesync.render;

import io.routesync.iproute2.Names;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.routesync.config.state.StateYamlRenderer;

/** {@code routesync show}'s YAML: the live rules and routes, each marked owned, foreign or kernel, as the picture marks them. */
public final class ShowYamlView {
    private ShowYamlView() {
    }

    /**
     * @param namesFile the table name file routesync writes on the host
     * @param managed   the table names routesync declared on the host, shown under {@code tables:}
     */
    public static String render(String host, String namesFile, List<TableName> managed, List<Rule> rules,
            Map<TableId, List<Route>> routes, Names names, Ownership ownership) {
        Map<String, TableId> declared = new LinkedHashMap<>();
        for (TableName n : managed) declared.put(n.name(), n.id());
        List<String> header = List.of("Live policy routing of " + host + ", as read by routesync.",
                "owned: routesync deletes it when it is not desired (it carries the tag, or its table is owned)",
                "foreign: routesync never deletes it; kernel: a default rule, never deleted",
                "tables: the names in " + namesFile);
        return StateYamlRenderer.render(header, declared, rules, routes, names, new Remarks(PolicyDot.Marks.of(ownership)));
    }

    /** The YAML's marks: the same owned/foreign/kernel as the picture's. */
    private record Remarks(PolicyDot.Marks marks) implements StateYamlRenderer.Remarks {
        @Override
        public String rule(Rule rule) {
            return marks.rule(rule);
        }

        @Override
        public String route(Route route) {
            return marks.route(route);
        }

        @Override
        public String table(TableId table) {
            return "table " + table.id() + (marks.ownsTable(table) ? ", owned" : "");
        }
    }
}

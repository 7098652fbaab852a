package io.routesync.render;

import io.routesync.iproute2.Names;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.routesync.config.state.StateYamlRenderer;

/**
 * {@code routesync import}'s YAML: a desired-state file of the host's rules and the routes of the tables
 * they look up. Tables with a name are declared (so owned); tables without one are named in the header.
 */
public final class ImportYamlView {
    private ImportYamlView() {
    }

    /** @param routes per table the rules look up, in table order, its routes */
    public static String render(String host, List<Rule> rules, Map<TableId, List<Route>> routes, Names names) {
        Map<String, TableId> declared = new LinkedHashMap<>();
        List<TableId> unnamed = new ArrayList<>();
        for (TableId id : routes.keySet()) {
            String name = names.tableName(id);
            if (name.equals(Long.toString(id.id()))) unnamed.add(id);
            else declared.put(name, id);
        }
        List<String> header = new ArrayList<>(List.of(
                "Imported by routesync from " + host + ": its non-default rules and the routes of the tables they look up.",
                "Tables under 'tables:' are owned: routesync deletes routes in them that this file does not list.",
                "Every entry keeps its protocol, so applying this file elsewhere reproduces the same 'ip' output."));
        if (!unnamed.isEmpty()) {
            header.add("Tables " + unnamed + " have no name, so they are not owned (their routes are only added or");
            header.add("replaced); declare a name under 'tables:' to let routesync own them.");
        }
        return StateYamlRenderer.render(header, declared, rules, routes, names, null);
    }
}

package io.routesync.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was read from a host: every rule of both families, the routes of the tables that were listed,
 * the names in this target's own routesync name file ({@code rt_tables.d/routesync.conf}, or
 * {@code routesync-netns-NAME.conf} for a namespace), the names bound elsewhere (other rt_tables
 * files, other rt_protos files), which routesync must not contradict, and the names in the routesync
 * files of the other targets sharing the iproute2 directory, by file: they must not contradict them
 * either, but routesync never relies on them (each target writes every name it needs).
 */
public record Observed(
        List<Rule> rules,
        List<Route> routes,
        Set<TableId> tablesRead,
        List<TableName> managedTableNames,
        List<TableName> otherTableNames,
        Map<Integer, String> otherProtocolNames,
        Map<String, List<TableName>> siblingTableNames) {

    /** An observed state with no other routesync target's names. */
    public Observed(List<Rule> rules, List<Route> routes, Set<TableId> tablesRead, List<TableName> managedTableNames,
            List<TableName> otherTableNames, Map<Integer, String> otherProtocolNames) {
        this(rules, routes, tablesRead, managedTableNames, otherTableNames, otherProtocolNames, Map.of());
    }

    public Observed {
        siblingTableNames = Map.copyOf(siblingTableNames);
        rules = List.copyOf(rules);
        routes = List.copyOf(routes);
        tablesRead = Set.copyOf(tablesRead);
        managedTableNames = List.copyOf(managedTableNames);
        otherTableNames = List.copyOf(otherTableNames);
        otherProtocolNames = Map.copyOf(otherProtocolNames);
    }
}

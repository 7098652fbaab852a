package io.routesync.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was read from a host: every rule of both families, the routes of the tables that were listed,
 * the names in routesync's own {@code rt_tables.d/routesync.conf}, and the names bound elsewhere
 * (other rt_tables files, other rt_protos files), which routesync must not contradict.
 */
public record Observed(
        List<Rule> rules,
        List<Route> routes,
        Set<TableId> tablesRead,
        List<TableName> managedTableNames,
        List<TableName> otherTableNames,
        Map<Integer, String> otherProtocolNames) {

    public Observed {
        rules = List.copyOf(rules);
        routes = List.copyOf(routes);
        tablesRead = Set.copyOf(tablesRead);
        managedTableNames = List.copyOf(managedTableNames);
        otherTableNames = List.copyOf(otherTableNames);
        otherProtocolNames = Map.copyOf(otherProtocolNames);
    }
}

package io.routesync.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one host should look like: the table names routesync registers, the tables it owns, and the
 * rules and routes (both families) it keeps in place.
 */
public record DesiredState(List<TableName> tableNames, Set<TableId> ownedTables, List<Rule> rules, List<Route> routes) {
    public DesiredState {
        tableNames = List.copyOf(tableNames);
        ownedTables = Set.copyOf(ownedTables);
        rules = List.copyOf(rules);
        routes = List.copyOf(routes);
    }

    public static DesiredState empty() {
        return new DesiredState(List.of(), Set.of(), List.of(), List.of());
    }

    /** The tables whose routes must be read from the host: owned ones and those desired routes live in, sorted. */
    public Set<TableId> tablesToRead() {
        TreeSet<TableId> tables = new TreeSet<>(ownedTables);
        // routes come table by table: one tree lookup per run of a table, not one per route
        TableId last = null;
        for (Route r : routes) {
            if (r.table() != last) {
                last = r.table();
                tables.add(last);
            }
        }
        return tables;
    }
}

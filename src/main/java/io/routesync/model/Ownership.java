package io.routesync.model;

import java.util.Set;

/**
 * What routesync may delete on a host: every route in an owned table, any route or rule carrying its
 * protocol tag, and rules that look up an owned table. Never the kernel's default rules.
 */
public record Ownership(Set<TableId> ownedTables, int protocolTag) {
    public static final int DEFAULT_PROTOCOL_TAG = 245;
    public static final String PROTOCOL_NAME = "routesync";

    public Ownership {
        ownedTables = Set.copyOf(ownedTables);
        if (protocolTag < 1 || protocolTag > 255) {
            throw new InvalidValueException("protocol tag " + protocolTag + " is out of range", "a number from 1 to 255");
        }
    }

    public boolean ownsTable(TableId table) {
        return ownedTables.contains(table);
    }

    /** Whether routesync may delete this observed route when it is not desired. */
    public boolean owns(Route route) {
        return ownsTable(route.table()) || route.protocol() == protocolTag;
    }

    /** Whether routesync may delete this observed rule when it is not desired. */
    public boolean owns(Rule rule) {
        if (rule.isDefaultRule()) return false;
        return rule.protocol() == protocolTag || (rule.table() != null && ownsTable(rule.table()));
    }
}

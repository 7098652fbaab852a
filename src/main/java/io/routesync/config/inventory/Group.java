package io.routesync.config.inventory;

import io.routesync.config.SourcePos;
import java.util.List;

/**
 * One inventory group: where it was first declared, its depth below 'all' (its longest path, which
 * orders group variables), its parent and child groups, and every host in it or in its descendants,
 * in inventory order.
 */
public record Group(String name, SourcePos definedAt, int depth, List<String> parents, List<String> children, List<String> hosts) {
    public Group {
        parents = List.copyOf(parents);
        children = List.copyOf(children);
        hosts = List.copyOf(hosts);
    }
}

package io.routesync.config.inventory;

import io.routesync.config.SourcePos;
import java.util.List;

/**
 * One inventory group: where it was first declared, its depth below 'all' (its longest path, which
 * orders group variables), its parent and child groups, the hosts declared in it directly
 * ({@code ownHosts}, as ansible-inventory lists them), and every host in it or in its descendants in
 * Ansible's order ({@code hosts}: its own hosts first, then its children's, level by level), the order
 * subscripts like {@code group[0]} count in.
 */
public record Group(String name, SourcePos definedAt, int depth, List<String> parents, List<String> children,
                    List<String> ownHosts, List<String> hosts) {
    public Group {
        parents = List.copyOf(parents);
        children = List.copyOf(children);
        ownHosts = List.copyOf(ownHosts);
        hosts = List.copyOf(hosts);
    }
}

package io.routesync.config.inventory;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an inventory file declares, before group_vars/, host_vars/ and precedence: groups with their
 * members and inline variables, and hosts in the order they first appear. The YAML and INI parsers
 * both fill one of these, so everything after parsing is the same for both formats.
 */
final class InventoryTree {
    static final String ALL = "all";
    static final String UNGROUPED = "ungrouped";

    static final class GroupDef {
        final String name;
        final SourcePos pos;
        final List<String> parents = new ArrayList<>();
        final List<String> children = new ArrayList<>();
        final List<String> hosts = new ArrayList<>();
        final Map<String, Variable> vars = new LinkedHashMap<>();
        int depth;

        GroupDef(String name, SourcePos pos) {
            this.name = name;
            this.pos = pos;
        }
    }

    static final class HostDef {
        final String name;
        final SourcePos pos;
        final int index;
        final List<String> groups = new ArrayList<>();
        final Map<String, Variable> vars = new LinkedHashMap<>();

        HostDef(String name, SourcePos pos, int index) {
            this.name = name;
            this.pos = pos;
            this.index = index;
        }
    }

    final String file;
    final Map<String, GroupDef> groups = new LinkedHashMap<>();
    final Map<String, HostDef> hosts = new LinkedHashMap<>();
    final List<Diagnostic> problems = new ArrayList<>();

    InventoryTree(String file) {
        this.file = file;
        group(ALL, SourcePos.file(file));
        group(UNGROUPED, SourcePos.file(file));
    }

    GroupDef group(String name, SourcePos pos) {
        return groups.computeIfAbsent(name, n -> new GroupDef(n, pos));
    }

    HostDef host(String name, SourcePos pos) {
        return hosts.computeIfAbsent(name, n -> new HostDef(n, pos, hosts.size()));
    }

    void addHost(GroupDef group, HostDef host) {
        if (!group.hosts.contains(host.name)) group.hosts.add(host.name);
        if (!host.groups.contains(group.name)) host.groups.add(group.name);
    }

    /** Makes {@code child} a member group of {@code parent}, refusing 'all' and anything that would loop. */
    void addChild(GroupDef parent, GroupDef child, SourcePos at) {
        if (child.name.equals(ALL)) {
            error(at, "'all' cannot be a child group", "every group is already inside 'all'; remove this entry");
        } else if (child == parent || isAncestor(child.name, parent.name)) {
            error(at, "group '" + child.name + "' cannot be a child of '" + parent.name + "': that makes a loop",
                    "a group must not contain itself, directly or through other groups");
        } else if (!parent.children.contains(child.name)) {
            parent.children.add(child.name);
            child.parents.add(parent.name);
        }
    }

    /** Whether {@code ancestor} contains {@code group}, directly or through other groups. */
    boolean isAncestor(String ancestor, String group) {
        for (String parent : groups.get(group).parents) {
            if (parent.equals(ancestor) || isAncestor(ancestor, parent)) return true;
        }
        return false;
    }

    void error(SourcePos pos, String message, String fix) {
        problems.add(Diagnostic.error(pos, message, fix));
    }

    /**
     * Ansible's reconciliation after parsing: parentless groups go under 'all', hosts in no group but
     * 'all' go to 'ungrouped' (and leave it once they are in another group), and each group's depth
     * is its longest distance from 'all', which orders group variables.
     */
    void finish() {
        GroupDef all = groups.get(ALL);
        GroupDef ungrouped = groups.get(UNGROUPED);
        for (GroupDef g : groups.values()) {
            if (g != all && g.parents.isEmpty()) {
                all.children.add(g.name);
                g.parents.add(ALL);
            }
        }
        for (HostDef h : hosts.values()) {
            boolean elsewhere = h.groups.stream().anyMatch(g -> !g.equals(ALL) && !g.equals(UNGROUPED));
            if (elsewhere && h.groups.contains(UNGROUPED)) {
                h.groups.remove(UNGROUPED);
                ungrouped.hosts.remove(h.name);
            } else if (!elsewhere) {
                addHost(ungrouped, h);
            }
        }
        Map<String, Integer> depths = new HashMap<>();
        for (GroupDef g : groups.values()) g.depth = depth(g, depths);
    }

    private int depth(GroupDef g, Map<String, Integer> memo) {
        if (g.name.equals(ALL)) return 0;
        Integer known = memo.get(g.name);
        if (known != null) return known;
        int d = 0;
        for (String parent : g.parents) d = Math.max(d, depth(groups.get(parent), memo) + 1);
        memo.put(g.name, d);
        return d;
    }
}

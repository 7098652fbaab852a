package io.routesync.config.inventory;

import io.routesync.config.Diagnostic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges a host's variables in Ansible's order (ansible-core's VariableManager with the default
 * VARIABLE_PRECEDENCE, and the documented "Variable precedence" list), lowest first, later winning:
 * <ol>
 *   <li>inventory-file vars of {@code all};</li>
 *   <li>inventory-file vars of the host's other groups (every ancestor of its groups);</li>
 *   <li>{@code group_vars/all};</li>
 *   <li>{@code group_vars/GROUP} of the host's other groups;</li>
 *   <li>inventory-file vars of the host;</li>
 *   <li>{@code host_vars/HOST}.</li>
 * </ol>
 * Within 2 and 4 groups merge by depth (a child over its parent), then {@code ansible_group_priority}
 * (default 1, higher wins), then name (alphabetically later wins), Ansible's sort_groups. So a
 * group_vars file beats any group's inline vars, even a deeper group's: that is Ansible's rule too.
 */
final class Precedence {
    static final String PRIORITY = "ansible_group_priority";

    private final InventoryTree tree;
    private final Map<String, List<Variable>> groupFiles;
    private final Map<String, Integer> priorities = new HashMap<>();

    Precedence(InventoryTree tree, Map<String, List<Variable>> groupFiles, List<Diagnostic> problems) {
        this.tree = tree;
        this.groupFiles = groupFiles;
        // Like Ansible, the priority is a property of the group set in the inventory file, not a variable.
        for (InventoryTree.GroupDef g : tree.groups.values()) {
            Variable p = g.vars.remove(PRIORITY);
            if (p == null) continue;
            String text = p.text().orElse("");
            // ASCII digits only: Java (and Python) would also take Arabic-Indic or full-width digits
            if (text.strip().matches("-?[0-9]{1,9}")) {
                priorities.put(g.name, Integer.parseInt(text.strip()));
            } else {
                problems.add(Diagnostic.error(p.definedAt(), PRIORITY + " of group '" + g.name + "' must be a whole number, found '" + text + "'",
                        "write a number like 10 (higher wins over other groups at the same depth; default 1)"));
            }
        }
    }

    /** The host's groups other than 'all', with every ancestor, in merge order (the last one wins). */
    List<InventoryTree.GroupDef> groupsOf(InventoryTree.HostDef host) {
        Set<String> names = new LinkedHashSet<>();
        for (String g : host.groups) addWithAncestors(g, names);
        names.remove(InventoryTree.ALL);
        List<InventoryTree.GroupDef> groups = new ArrayList<>();
        for (String n : names) groups.add(tree.groups.get(n));
        groups.sort(Comparator.<InventoryTree.GroupDef>comparingInt(g -> g.depth)
                .thenComparingInt(g -> priorities.getOrDefault(g.name, 1))
                .thenComparing(g -> g.name));
        return groups;
    }

    /** Every variable the host sees, each as its winning definition. */
    Map<String, Variable> forHost(InventoryTree.HostDef host, List<Variable> hostFiles) {
        List<InventoryTree.GroupDef> groups = groupsOf(host);
        Map<String, Variable> merged = new LinkedHashMap<>();
        putAll(merged, tree.groups.get(InventoryTree.ALL).vars.values());
        for (InventoryTree.GroupDef g : groups) putAll(merged, g.vars.values());
        putAll(merged, groupFiles.getOrDefault(InventoryTree.ALL, List.of()));
        for (InventoryTree.GroupDef g : groups) putAll(merged, groupFiles.getOrDefault(g.name, List.of()));
        putAll(merged, host.vars.values());
        putAll(merged, hostFiles);
        return merged;
    }

    private void addWithAncestors(String group, Set<String> into) {
        if (!into.add(group)) return;
        for (String parent : tree.groups.get(group).parents) addWithAncestors(parent, into);
    }

    private static void putAll(Map<String, Variable> merged, Iterable<Variable> layer) {
        for (Variable v : layer) merged.put(v.name(), v);
    }
}

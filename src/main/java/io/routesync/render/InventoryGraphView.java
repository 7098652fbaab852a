package io.routesync.render;

import io.routesync.config.inventory.Group;
import io.routesync.config.inventory.Inventory;

/** {@code routesync inventory --graph}: the tree of groups and hosts, drawn as {@code ansible-inventory --graph} draws it. */
public final class InventoryGraphView {
    private InventoryGraphView() {
    }

    /** The tree below group {@code root} (which the inventory has), children first then hosts, each sorted by name. */
    public static String render(Inventory inventory, String root) {
        StringBuilder out = new StringBuilder();
        graph(inventory, inventory.groups().get(root), 0, out);
        return out.toString();
    }

    private static void graph(Inventory inventory, Group g, int depth, StringBuilder out) {
        out.append(indent(depth)).append('@').append(g.name()).append(":\n");
        for (String c : g.children().stream().sorted().toList()) graph(inventory, inventory.groups().get(c), depth + 1, out);
        for (String h : g.ownHosts().stream().sorted().toList()) out.append(indent(depth + 1)).append(h).append('\n');
    }

    private static String indent(int depth) {
        if (depth == 0) return "";
        return "  " + "|  ".repeat(depth - 1) + "|--";
    }
}

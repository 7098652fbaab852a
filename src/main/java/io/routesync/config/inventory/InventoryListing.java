package io.routesync.config.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What routesync read from an inventory, shaped like {@code ansible-inventory}'s output so the two can
 * be compared: {@code --list} (every group with its own hosts and children, and {@code _meta.hostvars}),
 * {@code --host} (one host's variables) and {@code --graph}. Like ansible-inventory, variables are
 * shown as written, untemplated; values stay text (routesync does not type YAML scalars), an inline
 * vaulted value shows as {@code {"__ansible_vault": ...}}.
 */
public final class InventoryListing {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private InventoryListing() {
    }

    public static ObjectNode list(Inventory inventory) {
        ObjectNode out = JSON.objectNode();
        ObjectNode hostvars = out.putObject("_meta").putObject("hostvars");
        for (Host h : inventory.hosts()) hostvars.set(h.name(), host(h));
        for (Group g : inventory.groups().values()) {
            ObjectNode group = JSON.objectNode();
            if (!g.ownHosts().isEmpty()) group.set("hosts", strings(g.ownHosts()));
            if (!g.children().isEmpty()) group.set("children", strings(g.children()));
            if (!group.isEmpty()) out.set(g.name(), group);
        }
        return out;
    }

    /** One host's variables as written (after precedence), by name. */
    public static ObjectNode host(Host host) {
        ObjectNode vars = JSON.objectNode();
        for (Map.Entry<String, Variable> e : host.variables().entrySet()) vars.set(e.getKey(), json(e.getValue().value()));
        return vars;
    }

    /** The tree of groups, children first then hosts, each sorted by name, as ansible-inventory --graph draws it. */
    public static List<String> graph(Inventory inventory, String root) {
        List<String> lines = new ArrayList<>();
        graph(inventory, inventory.groups().get(root), 0, lines);
        return lines;
    }

    private static void graph(Inventory inventory, Group g, int depth, List<String> lines) {
        lines.add(indent(depth) + "@" + g.name() + ":");
        for (String c : g.children().stream().sorted().toList()) graph(inventory, inventory.groups().get(c), depth + 1, lines);
        for (String h : g.ownHosts().stream().sorted().toList()) lines.add(indent(depth + 1) + h);
    }

    private static String indent(int depth) {
        if (depth == 0) return "";
        return "  " + "|  ".repeat(depth - 1) + "|--";
    }

    static JsonNode json(YamlNode node) {
        if (node instanceof YamlNode.Scalar) {
            YamlNode.Scalar s = (YamlNode.Scalar) node;
            if (TemplateResolver.VAULT.equals(s.tag())) return JSON.objectNode().put("__ansible_vault", s.text());
            return s.isNull() ? JSON.nullNode() : JSON.textNode(s.text());
        }
        if (node instanceof YamlNode.Sequence) {
            ArrayNode a = JSON.arrayNode();
            for (YamlNode item : ((YamlNode.Sequence) node).items()) a.add(json(item));
            return a;
        }
        ObjectNode o = JSON.objectNode();
        for (YamlNode.Field f : ((YamlNode.Mapping) node).fields()) o.set(f.key(), json(f.value()));
        return o;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JSON.arrayNode();
        values.forEach(a::add);
        return a;
    }
}

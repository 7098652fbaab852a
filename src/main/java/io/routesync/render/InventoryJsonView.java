package io.routesync.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.config.inventory.Group;
import io.routesync.config.inventory.Host;
import io.routesync.config.inventory.Inventory;
import io.routesync.config.inventory.Variable;
import io.routesync.config.yaml.YamlNode;
import java.util.List;
import java.util.Map;

/**
 * {@code routesync inventory --list} and {@code --host}: what routesync read from an inventory, shaped like
 * {@code ansible-inventory}'s JSON so the two can be compared: {@code --list} (every group with its own hosts
 * and children, and {@code _meta.hostvars}), {@code --host} (one host's variables). Like ansible-inventory, variables are
 * shown as written, untemplated; values stay text (routesync does not type YAML scalars), an inline
 * vaulted value shows as {@code {"__ansible_vault": ...}}.
 */
public final class InventoryJsonView {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InventoryJsonView() {
    }

    /** {@code --list}, one document (without its line break). */
    public static String list(Inventory inventory) {
        return write(listing(inventory));
    }

    /** {@code --host}, one document (without its line break). */
    public static String host(Host host) {
        return write(variables(host));
    }

    private static ObjectNode listing(Inventory inventory) {
        ObjectNode out = JSON.objectNode();
        ObjectNode hostvars = out.putObject("_meta").putObject("hostvars");
        for (Host h : inventory.hosts()) hostvars.set(h.name(), variables(h));
        for (Group g : inventory.groups().values()) {
            ObjectNode group = JSON.objectNode();
            if (!g.ownHosts().isEmpty()) group.set("hosts", strings(g.ownHosts()));
            if (!g.children().isEmpty()) group.set("children", strings(g.children()));
            if (!group.isEmpty()) out.set(g.name(), group);
        }
        return out;
    }

    /** One host's variables as written (after precedence), by name. */
    private static ObjectNode variables(Host host) {
        ObjectNode vars = JSON.objectNode();
        for (Map.Entry<String, Variable> e : host.variables().entrySet()) vars.set(e.getKey(), json(e.getValue().value()));
        return vars;
    }

    /** A variable's value as ansible-inventory shows it. */
    public static JsonNode json(YamlNode node) {
        if (node instanceof YamlNode.Scalar) {
            YamlNode.Scalar s = (YamlNode.Scalar) node;
            if (Variable.VAULT.equals(s.tag())) return JSON.objectNode().put("__ansible_vault", s.text());
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

    private static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

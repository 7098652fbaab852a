package io.routesync.config.inventory;

import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;
import java.util.Optional;

/**
 * One inventory variable: its value as a YAML tree (scalars keep their text, lists and mappings stay
 * lists and mappings, every node with its position) and where the definition that won was written, so
 * a later error about the value can say which file set it.
 */
public record Variable(String name, YamlNode value, SourcePos definedAt) {
    /** The YAML tag of an inline vaulted value: shown as written, never decrypted. */
    public static final String VAULT = "!vault";

    /** Whether the value is nothing: YAML null, or an empty value ({@code name:} with nothing after it). */
    public boolean isEmpty() {
        return empty(value);
    }

    // YamlReader gives an empty text, not null, for "name:" with nothing after it; both mean "nothing".
    static boolean empty(YamlNode node) {
        return node instanceof YamlNode.Scalar && (((YamlNode.Scalar) node).isNull() || ((YamlNode.Scalar) node).text().isEmpty());
    }

    /** The text of a single value; empty for YAML null, a list or a mapping. */
    public Optional<String> text() {
        if (value instanceof YamlNode.Scalar) return Optional.ofNullable(((YamlNode.Scalar) value).text());
        return Optional.empty();
    }
}

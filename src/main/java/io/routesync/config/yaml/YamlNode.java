package io.routesync.config.yaml;

import io.routesync.config.SourcePos;
import java.util.List;

/**
 * A YAML document as a tree that remembers where every node came from, so every diagnostic can name
 * {@code file:line:column}. Scalars keep their text as written; callers decide what it means.
 */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    SourcePos pos();

    /** A short word for messages: "a mapping", "a list", "a value". */
    String kind();

    /** One key of a mapping, with the key's own position. */
    record Field(String key, SourcePos keyPos, YamlNode value) {
    }

    /** A mapping in document order; keys are unique (the reader rejects duplicates). */
    record Mapping(SourcePos pos, List<Field> fields) implements YamlNode {
        public Mapping {
            fields = List.copyOf(fields);
        }

        public Field field(String key) {
            for (Field f : fields) {
                if (f.key().equals(key)) return f;
            }
            return null;
        }

        public YamlNode get(String key) {
            Field f = field(key);
            return f == null ? null : f.value();
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Sequence(SourcePos pos, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /**
     * A scalar as written; {@code text} is null for YAML null ({@code ~}, {@code null} or nothing).
     * {@code tag} is its local tag as written ({@code !vault}, {@code !unsafe}), or null: Ansible's
     * tags change what a value means, so readers of inventories must see them.
     */
    record Scalar(SourcePos pos, String text, String tag) implements YamlNode {
        public Scalar(SourcePos pos, String text) {
            this(pos, text, null);
        }

        public boolean isNull() {
            return text == null;
        }

        @Override
        public String kind() {
            return "a value";
        }
    }
}

package io.routesync.config.state;

import io.routesync.config.Nearest;
import io.routesync.config.yaml.YamlNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys one kind of mapping accepts. Keys are strict: an unknown one is an error that names the
 * nearest valid key, or the right key for a known mix-up (iproute2's {@code pref} for {@code priority}).
 */
final class KeySet {
    private final String what;
    private final List<String> keys;
    private final Map<String, String> fixes = new HashMap<>();
    private final Map<String, String> synonyms = new HashMap<>();

    /** {@code what} names the mapping in messages: "a rule", "an uplink". */
    KeySet(String what, List<String> keys) {
        this.what = what;
        this.keys = List.copyOf(keys);
    }

    List<String> keys() {
        return keys;
    }

    /**
     * Another word iproute2 itself accepts for {@code key} ({@code pref} for {@code priority}): taken as
     * {@code key} ({@link #canonical}).
     */
    KeySet synonym(String word, String key) {
        synonyms.put(word, key);
        return this;
    }

    /** The key {@code word} stands for: itself, or the key it is a synonym of. */
    String canonical(String word) {
        return synonyms.getOrDefault(word, word);
    }

    /** A word people write for {@code key} that is not iproute2's (other tools' words): an error naming the key. */
    KeySet alias(String word, String key) {
        fixes.put(word, "did you mean '" + key + "'?");
        return this;
    }

    /** A key that is wrong here for a reason worth explaining. */
    KeySet explain(String word, String fix) {
        fixes.put(word, fix);
        return this;
    }

    /** Reports every unknown key of {@code mapping}; true when there was none. */
    boolean check(YamlNode.Mapping mapping, Problems problems) {
        boolean ok = true;
        for (YamlNode.Field f : mapping.fields()) {
            if (keys.contains(f.key()) || synonyms.containsKey(f.key())) continue;
            ok = false;
            String fix = fixes.get(f.key());
            if (fix == null) {
                String near = Nearest.word(f.key(), keys);
                fix = near != null ? "did you mean '" + near + "'?" : "valid keys: " + String.join(", ", keys);
            }
            problems.error(f.keyPos(), "unknown key '" + f.key() + "' in " + what, fix);
        }
        return ok;
    }
}

package io.routesync.config.state;

import io.routesync.config.yaml.YamlNode;
import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a state file's {@code rules:} list. Each item is a mapping whose keys are iproute2's own words,
 * or a string with exactly what follows {@code ip rule add}; both become the same words for the grammar.
 */
final class RuleSection {
    static final KeySet KEYS = new KeySet("a rule", List.of("priority", "not", "from", "to", "tos", "dsfield",
            "fwmark", "iif", "oif", "uidrange", "ipproto", "sport", "dport", "l3mdev", "tun_id", "table", "goto",
            "action", "suppress_prefixlength", "suppress_ifgroup", "realms", "family", "protocol"))
            // every word ip rule add takes for a keyword (iprule_modify in iproute2 6.1), as the string form does
            .synonym("pref", "priority").synonym("preference", "priority").synonym("order", "priority").synonym("prio", "priority")
            .synonym("lookup", "table").synonym("proto", "protocol").synonym("dev", "iif").synonym("realm", "realms")
            .synonym("sup_pl", "suppress_prefixlength").synonym("sup_group", "suppress_ifgroup").synonym("type", "action")
            .alias("src", "from").alias("dst", "to").alias("mark", "fwmark");

    private static final Set<String> ACTION_KEYS = Set.of("table", "goto", "action");
    private static final List<String> ACTION_WORDS = List.of("nop", "blackhole", "unreachable", "prohibit");

    private final NodeReader reader;
    private final EntryParser parser;

    RuleSection(NodeReader reader, EntryParser parser) {
        this.reader = reader;
        this.parser = parser;
    }

    /** The rules of one {@code rules:} node, each with its place; entries with errors are left out. */
    List<Placed<Rule>> read(YamlNode node) {
        List<Placed<Rule>> out = new ArrayList<>();
        List<YamlNode> items = reader.list(node, "rules", "one rule per item");
        if (items == null) return out;
        for (YamlNode item : items) {
            Rule rule = readOne(item);
            if (rule != null) out.add(new Placed<>(rule, item.pos()));
        }
        return out;
    }

    private Rule readOne(YamlNode item) {
        if (item instanceof YamlNode.Mapping) return structured((YamlNode.Mapping) item);
        if (item instanceof YamlNode.Scalar && !NodeReader.isEmpty(item)) {
            List<Token> words = reader.words((YamlNode.Scalar) item);
            if (words == null) return null;
            if (words.isEmpty()) {
                reader.error(item.pos(), "this rule is an empty string", "write what follows 'ip rule add', or remove the item");
                return null;
            }
            FamilyOption.Split split = FamilyOption.split(words, reader, "rule");
            if (split == null) return null;
            return parser.rule(split.words(), split.family(), split.words().get(0).pos());
        }
        reader.error(item.pos(), "a rule must be a mapping or an iproute2 string, not " + NodeReader.kind(item),
                "{ priority: 1000, from: 192.0.2.10, table: uplink2 } or \"priority 1000 from 192.0.2.10 table uplink2\"");
        return null;
    }

    private Rule structured(YamlNode.Mapping m) {
        int errorsBefore = reader.problems().errorCount();
        KEYS.check(m, reader.problems());
        List<Token> tokens = new ArrayList<>();
        Family family = null;
        String actionKey = null;
        String tosKey = null;
        // the keys as written, by their canonical name: 'pref' and 'order' are one key, and a
        // message must name what the user wrote, not the canonical word for it
        Map<String, String> written = new HashMap<>();
        for (YamlNode.Field f : m.fields()) {
            String key = KEYS.canonical(f.key());
            if (!KEYS.keys().contains(key)) continue;
            if (ACTION_KEYS.contains(key)) {
                if (actionKey != null) {
                    reader.error(f.keyPos(), "a rule has exactly one action, but '" + actionKey + "' and '" + f.key()
                            + "' are both given", "keep one of table, goto and action");
                    continue;
                }
                actionKey = f.key();
            }
            String before = written.putIfAbsent(key, f.key());
            if (before != null) {
                reader.error(f.keyPos(), "'" + before + "' and '" + f.key() + "' both give the rule's " + key, "keep one of them");
                continue;
            }
            if (key.equals("tos") || key.equals("dsfield")) {
                if (tosKey != null) {
                    reader.error(f.keyPos(), "'" + tosKey + "' and '" + key + "' are the same selector", "keep one of them");
                    continue;
                }
                tosKey = key;
            }
            switch (key) {
                case "not":
                case "l3mdev": {
                    Boolean on = reader.bool(f);
                    if (Boolean.TRUE.equals(on)) tokens.add(new Token(key, f.keyPos()));
                    break;
                }
                case "family":
                    family = family(f);
                    break;
                case "action":
                    action(f, tokens);
                    break;
                default:
                    keyAndValue(f, key.equals("dsfield") ? "tos" : key, tokens);
            }
        }
        // no action: iproute2's default, lookup main (the grammar says so in a warning)
        if (reader.problems().errorCount() > errorsBefore) return null;
        return parser.rule(tokens, family, m.pos());
    }

    private Family family(YamlNode.Field f) {
        Token t = reader.word(f);
        if (t == null) return null;
        try {
            return Family.ofKeyword(t.text());
        } catch (InvalidValueException e) {
            reader.error(t.pos(), e.getMessage(), e.expected());
            return null;
        }
    }

    private void action(YamlNode.Field f, List<Token> tokens) {
        Token t = reader.word(f);
        if (t == null) return;
        if (!ACTION_WORDS.contains(t.text())) {
            reader.error(t.pos(), "'action' is one of nop, blackhole, unreachable, prohibit, not '" + t.text() + "'",
                    "for a lookup write table: NAME|ID, to jump write goto: PRIORITY");
            return;
        }
        tokens.add(t);
    }

    private void keyAndValue(YamlNode.Field f, String keyword, List<Token> tokens) {
        Token value = reader.word(f);
        if (value == null) return;
        tokens.add(new Token(keyword, f.keyPos()));
        tokens.add(value);
    }
}

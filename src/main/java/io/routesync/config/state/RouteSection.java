package io.routesync.config.state;

import io.routesync.config.yaml.YamlNode;
import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.RouteType;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a state file's {@code routes:} mapping (table -> list). Each item is a mapping with iproute2's
 * own words as keys, or a string with exactly what follows {@code ip route add}, without {@code table}.
 */
final class RouteSection {
    static final KeySet KEYS = routeKeys();
    static final KeySet NEXTHOP_KEYS = new KeySet("a next hop", List.of("via", "dev", "weight", "onlink"))
            .alias("gateway", "via").alias("gw", "via").alias("device", "dev");
    static final KeySet LOCKED_KEYS = new KeySet("a route metric", List.of("value", "lock"));

    private final NodeReader reader;
    private final EntryParser parser;
    private final TableRefs tables;

    RouteSection(NodeReader reader, EntryParser parser, TableRefs tables) {
        this.reader = reader;
        this.parser = parser;
        this.tables = tables;
    }

    private static KeySet routeKeys() {
        List<String> keys = new ArrayList<>(List.of("to", "type", "via", "dev", "src", "scope", "metric", "tos",
                "onlink", "from", "nexthops"));
        Arrays.stream(RouteMetric.values()).map(RouteMetric::word).forEach(keys::add);
        keys.addAll(List.of("pref", "proto", "realms", "nhid", "family"));
        return new KeySet("a route", keys)
                // every word ip route add takes for a keyword (iproute_modify in iproute2 6.1), as the string form does
                .synonym("oif", "dev").synonym("protocol", "proto").synonym("priority", "metric").synonym("preference", "metric")
                .synonym("realm", "realms").synonym("dsfield", "tos").synonym("nexthop", "nexthops")
                .alias("dst", "to").alias("destination", "to").alias("prefix", "to")
                .alias("gateway", "via").alias("gw", "via").alias("device", "dev").alias("prefsrc", "src")
                .explain("table", "a route's table is the key its list sits under (routes: TABLE:); move the route there")
                .explain("weight", "weight belongs to each entry of 'nexthops'");
    }

    /** The routes of one {@code routes:} node, each with its place; entries with errors are left out. */
    List<Placed<Route>> read(YamlNode node) {
        List<Placed<Route>> out = new ArrayList<>();
        if (NodeReader.isEmpty(node)) return out;
        YamlNode.Mapping byTable = reader.mapping(node, "routes", "table: list of routes",
                "one line 'TABLE:' per table under 'routes:', each followed by its list of routes");
        if (byTable == null) return out;
        for (YamlNode.Field f : byTable.fields()) {
            TableId table = tables.resolve(f.key(), f.keyPos());
            List<YamlNode> items = reader.list(f.value(), f.key(), "the routes of table " + f.key());
            if (table == null || items == null) continue;
            for (YamlNode item : items) {
                Route route = readOne(item, table);
                if (route != null) out.add(new Placed<>(route, item.pos()));
            }
        }
        return out;
    }

    private Route readOne(YamlNode item, TableId table) {
        if (item instanceof YamlNode.Mapping) return structured((YamlNode.Mapping) item, table);
        if (item instanceof YamlNode.Scalar && !NodeReader.isEmpty(item)) {
            // the common line, read without cutting it into words; anything else, or anything wrong, the full way
            Route quick = parser.shorthand(((YamlNode.Scalar) item).text(), table);
            if (quick != null) return quick;
            List<Token> words = reader.words((YamlNode.Scalar) item);
            if (words == null) return null;
            if (words.isEmpty()) {
                reader.error(item.pos(), "this route is an empty string", "write what follows 'ip route add', or remove the item");
                return null;
            }
            for (Token t : words) {
                if (t.text().equals("table")) {
                    reader.error(t.pos(), "a route's table is the key its list sits under, not part of the string",
                            "remove 'table ...' and list the route under routes: TABLE:");
                    return null;
                }
            }
            FamilyOption.Split split = FamilyOption.split(words, reader, "route");
            if (split == null) return null;
            return parser.route(split.words(), split.family(), table, split.words().get(0).pos());
        }
        reader.error(item.pos(), "a route must be a mapping or an iproute2 string, not " + NodeReader.kind(item),
                "{ to: 10.99.0.0/16, via: 192.0.2.1, dev: eth1 } or \"10.99.0.0/16 via 192.0.2.1 dev eth1\"");
        return null;
    }

    private Route structured(YamlNode.Mapping m, TableId table) {
        int errorsBefore = reader.problems().errorCount();
        KEYS.check(m, reader.problems());
        List<Token> head = new ArrayList<>();
        List<Token> tail = new ArrayList<>();
        Token type = null;
        Token dst = null;
        Family family = null;
        for (YamlNode.Field f : m.fields()) {
            String key = KEYS.canonical(f.key());
            if (!KEYS.keys().contains(key)) continue;
            switch (key) {
                case "family": {
                    Token t = reader.word(f);
                    if (t == null) break;
                    try {
                        family = Family.ofKeyword(t.text());
                    } catch (InvalidValueException e) {
                        reader.error(t.pos(), e.getMessage(), e.expected());
                    }
                    break;
                }
                case "to":
                    dst = reader.word(f);
                    break;
                case "type":
                    type = type(f);
                    break;
                case "onlink": {
                    if (Boolean.TRUE.equals(reader.bool(f))) tail.add(new Token(key, f.keyPos()));
                    break;
                }
                case "nexthops":
                    nexthops(f, tail);
                    break;
                default:
                    if (RouteMetric.lookup(key) != null) {
                        metric(f, tail);
                    } else {
                        keyAndValue(f, key, tail);
                    }
            }
        }
        if (m.field("to") == null) {
            reader.error(m.pos(), "this route has no destination", "add to: PREFIX (or to: default)");
        }
        if (reader.problems().errorCount() > errorsBefore) return null;
        // iproute2 reads [TYPE] PREFIX first; the rest may come in any order
        if (type != null) head.add(type);
        head.add(dst);
        head.addAll(tail);
        return parser.route(head, family, table, m.pos());
    }

    private Token type(YamlNode.Field f) {
        Token t = reader.word(f);
        if (t == null) return null;
        if (RouteType.lookup(t.text()) == null || !Character.isLetter(t.text().charAt(0))) {
            List<String> words = new ArrayList<>();
            for (RouteType rt : RouteType.values()) words.add(rt.word());
            reader.error(t.pos(), "'" + t.text() + "' is not a route type", "one of " + String.join(", ", words));
            return null;
        }
        return t;
    }

    private void nexthops(YamlNode.Field f, List<Token> tokens) {
        List<YamlNode> items = reader.list(f.value(), "nexthops", "one next hop per item: via, dev, weight, onlink");
        if (items == null) return;
        if (items.isEmpty()) {
            reader.error(f.keyPos(), "'nexthops' is empty", "list at least one next hop, or use via/dev on the route itself");
            return;
        }
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.Mapping)) {
                reader.error(item.pos(), "a next hop must be a mapping, not " + NodeReader.kind(item),
                        "{ via: 192.0.2.1, dev: eth1, weight: 2 }");
                continue;
            }
            YamlNode.Mapping hop = (YamlNode.Mapping) item;
            NEXTHOP_KEYS.check(hop, reader.problems());
            tokens.add(new Token("nexthop", hop.pos()));
            for (YamlNode.Field h : hop.fields()) {
                if (!NEXTHOP_KEYS.keys().contains(h.key())) continue;
                if (h.key().equals("onlink")) {
                    if (Boolean.TRUE.equals(reader.bool(h))) tokens.add(new Token("onlink", h.keyPos()));
                } else {
                    keyAndValue(h, h.key(), tokens);
                }
            }
        }
    }

    /** {@code mtu: 1400} or {@code mtu: {value: 1400, lock: true}} -> {@code mtu [lock] 1400}. */
    private void metric(YamlNode.Field f, List<Token> tokens) {
        if (!(f.value() instanceof YamlNode.Mapping)) {
            keyAndValue(f, f.key(), tokens);
            return;
        }
        YamlNode.Mapping m = (YamlNode.Mapping) f.value();
        LOCKED_KEYS.check(m, reader.problems());
        YamlNode.Field value = m.field("value");
        YamlNode.Field lock = m.field("lock");
        if (value == null) {
            reader.error(m.pos(), "'" + f.key() + "' has no value", f.key() + ": { value: N, lock: true }");
            return;
        }
        Token v = reader.word(value);
        Boolean locked = lock == null ? Boolean.FALSE : reader.bool(lock);
        if (v == null || locked == null) return;
        tokens.add(new Token(f.key(), f.keyPos()));
        if (locked) tokens.add(new Token("lock", lock.keyPos()));
        tokens.add(v);
    }

    private void keyAndValue(YamlNode.Field f, String keyword, List<Token> tokens) {
        Token value = reader.word(f);
        if (value == null) return;
        tokens.add(new Token(keyword, f.keyPos()));
        tokens.add(value);
    }
}

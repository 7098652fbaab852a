package io.routesync.config.state;

import io.routesync.config.yaml.YamlNode;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.Flow;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code expect:}: a list of flows, each a mapping of {@link Flow}'s selectors (the ones
 * {@code explain} takes) and what must happen to it ({@code via}, {@code dev}, {@code table},
 * {@code type}, {@code unchanged}). Values take variables like every other value; each mistake is
 * reported at its place. A route probe's flow ({@code probes:}) is read here too: one parser.
 */
final class ExpectSection {
    private static final List<String> OUTCOME = List.of("via", "dev", "table", "type", "unchanged");

    static final KeySet KEYS = new KeySet("an expectation", keys())
            .alias("src", "from").alias("dst", "to").alias("mark", "fwmark").alias("gateway", "via").alias("gw", "via")
            .alias("device", "dev").alias("lookup", "table").alias("dsfield", "tos");

    private final NodeReader reader;
    private final TableRefs tables;

    ExpectSection(NodeReader reader, TableRefs tables) {
        this.reader = reader;
        this.tables = tables;
    }

    /** The keys of a route probe's flow (the mapping under {@code route:}): the selectors alone. */
    static final KeySet FLOW_KEYS = new KeySet("a route probe's flow", Flow.SELECTORS)
            .alias("src", "from").alias("dst", "to").alias("mark", "fwmark").alias("dsfield", "tos")
            .explain("via", "what the kernel must answer goes beside 'route', not in it: { route: { to: ... }, via: ... }")
            .explain("dev", "what the kernel must answer goes beside 'route', not in it: { route: { to: ... }, dev: ... }");

    private static List<String> keys() {
        List<String> k = new ArrayList<>(Flow.SELECTORS);
        k.addAll(OUTCOME);
        return k;
    }

    List<Expectation> read(YamlNode node) {
        List<Expectation> out = new ArrayList<>();
        List<YamlNode> items = reader.list(node, "expect", "one flow per item");
        if (items == null) return out;
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.Mapping)) {
                reader.error(item.pos(), "an expectation must be a mapping, not " + NodeReader.kind(item),
                        "{ from: 192.168.2.10, to: 203.0.113.5, via: 192.168.2.1, dev: eth1 }");
                continue;
            }
            Expectation e = readOne((YamlNode.Mapping) item);
            if (e != null) out.add(e);
        }
        return out;
    }

    private Expectation readOne(YamlNode.Mapping m) {
        int errorsBefore = reader.problems().errorCount();
        if (!KEYS.check(m, reader.problems())) return null;
        return expectation(m, m, "expectation", errorsBefore);
    }

    /**
     * A route probe ({@code - { route: { from: ..., to: ... }, via: ..., dev: ... }} under {@code probes:}):
     * the flow is the mapping under {@code route}, read as an {@code expect:} entry's selectors; what
     * the kernel must answer is the probe's own via/dev/table/type. Null after an error (reported).
     */
    Expectation route(YamlNode.Field route, YamlNode.Mapping probe) {
        int errorsBefore = reader.problems().errorCount();
        if (!(route.value() instanceof YamlNode.Mapping)) {
            reader.error(route.value().pos(), "'route' takes the flow to look up as a mapping, not " + NodeReader.kind(route.value()),
                    "route: { from: 192.168.2.10, to: 203.0.113.5 } (the selectors of expect: and explain)");
            return null;
        }
        YamlNode.Mapping flow = (YamlNode.Mapping) route.value();
        if (!FLOW_KEYS.check(flow, reader.problems())) return null;
        return expectation(flow, probe, "route probe", errorsBefore);
    }

    /** The flow's selectors from {@code flowKeys}, what must happen to it from {@code outcomeKeys} (the same mapping in expect:). */
    private Expectation expectation(YamlNode.Mapping flowKeys, YamlNode.Mapping m, String what, int errorsBefore) {
        Flow.Builder flow = new Flow.Builder();
        for (String key : Flow.SELECTORS) {
            Token t = token(flowKeys, key);
            if (t == null) continue;
            try {
                flow.set(key, t.text());
            } catch (InvalidValueException e) {
                reader.error(t.pos(), e.getMessage(), e.expected());
            }
        }
        IpAddress via = null;
        Interface dev = null;
        TableId table = null;
        String type = null;
        Token t = token(m, "via");
        if (t != null) via = value(t, () -> IpAddress.parse(t.text()));
        Token d = token(m, "dev");
        if (d != null) dev = value(d, () -> Interface.of(d.text()));
        Token tableToken = token(m, "table");
        if (tableToken != null) table = tables.resolve(tableToken.text(), tableToken.pos());
        Token typeToken = token(m, "type");
        if (typeToken != null) {
            type = typeToken.text();
            if (!Expectation.TYPES.contains(type)) {
                reader.error(typeToken.pos(), "type '" + type + "' is not an outcome routesync can check", "one of: " + String.join(", ", Expectation.TYPES));
            }
        }
        YamlNode.Field u = m.field("unchanged");
        Boolean unchanged = u == null ? Boolean.FALSE : reader.bool(u);
        if (reader.problems().errorCount() > errorsBefore) return null;
        if (via == null && dev == null && table == null && type == null && !unchanged) {
            reader.error(m.pos(), "this " + what + " says nothing about where the flow must go",
                    "add via, dev, table or type (blackhole, unreachable, ...)" + (what.equals("expectation") ? ", or 'unchanged: true'" : ""));
            return null;
        }
        boolean refusal = type != null && Expectation.TYPES.indexOf(type) >= 4;
        if (refusal && (via != null || dev != null || table != null)) {
            reader.error(typeToken.pos(), "a flow that is refused (" + type + ") has no via, dev or table", "keep the type, or the via/dev/table");
            return null;
        }
        Flow f;
        try {
            f = flow.build();
        } catch (InvalidValueException e) {
            reader.error(flowKeys.pos(), "this " + what + "'s flow: " + e.getMessage(), e.expected());
            return null;
        }
        if (via != null && via.family() != f.to().family()) {
            reader.error(t.pos(), "via " + via + " and destination " + f.to() + " are of different families", "a gateway of the flow's family");
            return null;
        }
        return new Expectation(m.pos().toString(), f, via, dev, table, tableToken == null ? null : tableToken.text(), type, unchanged);
    }

    private Token token(YamlNode.Mapping m, String key) {
        YamlNode.Field f = m.field(key);
        return f == null ? null : reader.word(f);
    }

    private <T> T value(Token t, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            reader.error(t.pos(), e.getMessage(), e.expected());
            return null;
        }
    }
}

package io.routesync.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.iproute2.Names;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.Flow;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.TableId;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An expectation in a plan file, as {@code apply PLAN} checks it against the kernel after the batch:
 * where it was declared, the flow in the selector words of {@code expect:} (read back through {@link
 * Flow.Builder#set}, the one parser), and the outcome that must hold ({@code type}, {@code via},
 * {@code dev}, {@code table} as a number). An {@code unchanged: true} flow is saved as the answer the
 * live host gave when the plan was made, so the file holds only concrete outcomes:
 * {@code {"place": "edge.yml:12:5", "flow": {"from": "192.168.2.10", "to": "203.0.113.5"},
 * "type": "unicast", "via": "192.168.2.1", "dev": "eth1", "table": 102}}.
 */
final class ExpectJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The keys of a saved expectation: anything else is refused, not ignored. */
    private static final Set<String> KEYS = Set.of("place", "flow", "type", "via", "dev", "table");
    /** The types a saved outcome may name: expect:'s, and anycast, which an unchanged flow's live answer can be. */
    private static final List<String> TYPES = Stream.concat(Expectation.TYPES.stream(), Stream.of("anycast")).toList();

    private ExpectJson() {
    }

    static ObjectNode write(Expectation e) {
        if (!e.hasOutcome()) throw new IllegalArgumentException("a saved expectation names its outcome: " + e.place());
        ObjectNode n = NODES.objectNode();
        n.put("place", e.place());
        ObjectNode flow = n.putObject("flow");
        e.flow().selectors().forEach(flow::put);
        if (e.type() != null) n.put("type", e.type());
        if (e.via() != null) n.put("via", e.via().toString());
        if (e.dev() != null) n.put("dev", e.dev().name());
        if (e.table() != null) n.put("table", e.table().id());
        return n;
    }

    /** @param names the saved host's table names, to show a table by its name in messages */
    static Expectation read(JsonNode n, String where, Names names) throws PlanFileException {
        if (!n.isObject()) throw new PlanFileException(where + ": not an expectation object");
        for (Iterator<String> keys = n.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key)) throw new PlanFileException(where + ": unknown key '" + key + "'");
        }
        String place = EntryJson.text(n, "place", where);
        try {
            Flow flow = flow(n.get("flow"), where + ".flow");
            String type = n.has("type") ? EntryJson.text(n, "type", where) : null;
            if (type != null && !TYPES.contains(type)) {
                throw new PlanFileException(where + ": unknown type '" + type + "' (" + String.join(", ", TYPES) + ")");
            }
            IpAddress via = n.has("via") ? IpAddress.parse(EntryJson.text(n, "via", where)) : null;
            Interface dev = n.has("dev") ? Interface.of(EntryJson.text(n, "dev", where)) : null;
            TableId table = n.has("table") ? TableId.of(EntryJson.number(n, "table", where)) : null;
            Expectation e = new Expectation(place, flow, via, dev, table, table == null ? null : names.tableName(table), type, false);
            if (!e.hasOutcome()) throw new PlanFileException(where + ": an expectation names at least one of type, via, dev, table");
            return e;
        } catch (IllegalArgumentException e) { // InvalidValueException too
            throw new PlanFileException(where + ": not a valid expectation: " + e.getMessage(), e);
        }
    }

    private static Flow flow(JsonNode n, String where) throws PlanFileException {
        if (n == null || !n.isObject()) throw new PlanFileException(where + ": missing or not an object");
        Flow.Builder b = new Flow.Builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!Flow.SELECTORS.contains(f.getKey())) {
                throw new PlanFileException(where + ": unknown selector '" + f.getKey() + "' (" + String.join(", ", Flow.SELECTORS) + ")");
            }
            if (!f.getValue().isTextual()) throw new PlanFileException(where + ": '" + f.getKey() + "' is not a string");
            b.set(f.getKey(), f.getValue().asText());
        }
        return b.build();
    }
}

package io.routesync.saved;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.iproute2.SyntaxException;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Entry;
import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.Arrays;
import java.util.List;

/**
 * Rules, routes, table names and changes as JSON objects. Rules and routes are kept in routesync's
 * numeric {@code ip ... add} syntax ({@link IpSyntax} with no names), which its grammar reads back to
 * the identical entry, so a reader sees the exact commands and nothing is lost.
 */
final class EntryJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EntryJson() {
    }

    static ObjectNode entry(Entry e) {
        ObjectNode n = NODES.objectNode();
        if (e instanceof Rule) {
            Rule r = (Rule) e;
            n.put("kind", "rule");
            n.put("family", r.family().keyword());
            n.put("rule", IpSyntax.ruleArgs(r, null));
        } else if (e instanceof Route) {
            Route r = (Route) e;
            n.put("kind", "route");
            n.put("family", r.family().keyword());
            n.put("table", r.table().id());
            n.put("route", IpSyntax.routeArgs(r, null, false));
        } else if (e instanceof TableName) {
            TableName t = (TableName) e;
            n.put("kind", "table_name");
            n.put("id", t.id().id());
            n.put("name", t.name());
        } else {
            throw new AssertionError("unknown entry kind " + e.getClass());
        }
        return n;
    }

    static ObjectNode change(Change c) {
        ObjectNode n = NODES.objectNode();
        n.put("action", c.action().word());
        n.setAll(entry(c.entry()));
        if (c.previous() != null) n.set("previous", entry(c.previous()));
        return n;
    }

    static Entry readEntry(JsonNode n, String where) throws PlanFileException {
        String kind = text(n, "kind", where);
        try {
            switch (kind) {
                case "rule":
                    return RuleGrammar.parseAdd(words(text(n, "rule", where)), family(n, where), Names.builtin(), -1);
                case "route":
                    TableId table = TableId.of(number(n, "table", where));
                    // the text always carries proto; the default is never used
                    return RouteGrammar.parseAdd(words(text(n, "route", where)), family(n, where), table, Names.builtin(), 0);
                case "table_name":
                    return new TableName(text(n, "name", where), TableId.of(number(n, "id", where)));
                default:
                    throw new PlanFileException(where + ": unknown entry kind '" + kind + "'");
            }
        } catch (SyntaxException | InvalidValueException e) {
            throw new PlanFileException(where + ": " + e.getMessage(), e);
        }
    }

    static Change readChange(JsonNode n, String where) throws PlanFileException {
        String word = text(n, "action", where);
        Action action = null;
        for (Action a : Action.values()) {
            if (a.word().equals(word)) action = a;
        }
        if (action == null) throw new PlanFileException(where + ": unknown action '" + word + "'");
        Entry entry = readEntry(n, where);
        Entry previous = n.has("previous") ? readEntry(n.get("previous"), where + ".previous") : null;
        try {
            return new Change(action, entry, previous);
        } catch (IllegalArgumentException e) {
            throw new PlanFileException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<String> words(String text) {
        return Arrays.asList(text.strip().split(" +"));
    }

    private static Family family(JsonNode n, String where) throws PlanFileException {
        try {
            return Family.ofKeyword(text(n, "family", where));
        } catch (InvalidValueException e) {
            throw new PlanFileException(where + ": " + e.getMessage(), e);
        }
    }

    static String text(JsonNode n, String key, String where) throws PlanFileException {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) throw new PlanFileException(where + ": '" + key + "' is missing or not a string");
        return v.asText();
    }

    static long number(JsonNode n, String key, String where) throws PlanFileException {
        JsonNode v = n.get(key);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new PlanFileException(where + ": '" + key + "' is missing or not a whole number");
        }
        return v.asLong();
    }
}

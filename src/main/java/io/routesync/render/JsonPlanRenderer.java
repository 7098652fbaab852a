package io.routesync.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.iproute2.ChangeSyntax;
import io.routesync.iproute2.Names;
import io.routesync.lookup.ExpectationRun;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableName;
import java.util.List;

/**
 * The machine view of plans: one versioned JSON document for every host, built from the same
 * {@link HostPlan} data as the human view. {@code format_version} changes when a field changes meaning.
 */
public final class JsonPlanRenderer {
    public static final String FORMAT_VERSION = "1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonPlanRenderer() {
    }

    /**
     * One host's plan, with the names to show tables and protocols with, and its {@code expect:} flows
     * on the live host and under the plan ({@code expectations}: none leaves the key out).
     */
    public record HostEntry(String host, HostPlan plan, Names names, List<ExpectationRun.Compared> expectations) {
        public HostEntry {
            expectations = List.copyOf(expectations);
        }

        /** A host without expectations. */
        public HostEntry(String host, HostPlan plan, Names names) {
            this(host, plan, names, List.of());
        }
    }

    public static String render(List<HostEntry> hosts) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        ArrayNode array = root.putArray("hosts");
        for (HostEntry h : hosts) array.add(host(h));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode host(HostEntry h) {
        ObjectNode node = JSON.createObjectNode();
        node.put("host", h.host());
        node.put("fingerprint", h.plan().fingerprint());
        ArrayNode changes = node.putArray("changes");
        for (Change c : h.plan().changes()) changes.add(change(c, h.names(), h.plan().namesFile()));
        ObjectNode summary = node.putObject("summary");
        summary.put("add", h.plan().count(Action.ADD));
        summary.put("change", h.plan().count(Action.REPLACE));
        summary.put("delete", h.plan().count(Action.DELETE));
        // only with expect: flows, so a document without them reads as it always has
        if (!h.expectations().isEmpty()) node.set("expectations", ExpectationJson.planned(h.expectations()));
        return node;
    }

    private static ObjectNode change(Change c, Names names, String namesFile) {
        ObjectNode node = JSON.createObjectNode();
        node.put("action", c.action().word());
        Family family = ChangeSyntax.family(c);
        if (c.entry() instanceof Rule) {
            Rule r = (Rule) c.entry();
            node.put("kind", "rule");
            node.put("family", family.keyword());
            if (r.priority() != null) node.put("priority", r.priority().value());
            if (r.table() != null) node.put("table", r.table().id());
        } else if (c.entry() instanceof Route) {
            Route r = (Route) c.entry();
            node.put("kind", "route");
            node.put("family", family.keyword());
            node.put("table", r.table().id());
            node.put("to", r.dst().isAll() ? "default" : r.dst().toString());
        } else if (c.entry() instanceof TableName) {
            TableName t = (TableName) c.entry();
            node.put("kind", "table_name");
            node.put("name", t.name());
            node.put("table", t.id().id());
        } else {
            throw new AssertionError(c.entry());
        }
        node.put("command", ChangeSyntax.command(c, names, namesFile));
        String previous = ChangeSyntax.previous(c, names);
        if (previous != null) node.put("previous", previous);
        return node;
    }
}

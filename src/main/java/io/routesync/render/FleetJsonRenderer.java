package io.routesync.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.model.HostPlan;
import io.routesync.iproute2.Names;
import java.util.List;
import java.util.Locale;

/**
 * One JSON document for a whole fleet run: every selected host in inventory order with its status,
 * its plan (the same fields as a single-host {@code plan --json}), how its apply ended, and its error;
 * then the recap counts. Same {@code format_version} as {@link JsonPlanRenderer}: the fields only add.
 */
public final class FleetJsonRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One host. {@code plan} is null when the host could not be planned; {@code outcome} (an apply's
     * ending, like {@code applied}), {@code confirm} (with --confirm, like {@code confirmed}), {@code
     * error}, {@code record} and {@code commit} (the git commit the state came from) are null when
     * they do not apply. {@code warnings} are what reading the host warned about (always a list).
     */
    public record HostEntry(String host, RecapRenderer.Kind kind, HostPlan plan, Names names, String outcome, String confirm,
                            String error, String record, String commit, List<String> warnings) {
        public HostEntry {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    private FleetJsonRenderer() {
    }

    /** @param command {@code plan} or {@code apply}: decides whether CHANGED reads "changes_pending" or "changed" */
    public static String render(String command, List<HostEntry> hosts) {
        boolean pending = command.equals("plan");
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", JsonPlanRenderer.FORMAT_VERSION);
        root.put("command", command);
        ArrayNode array = root.putArray("hosts");
        int[] counts = new int[RecapRenderer.Kind.values().length];
        for (HostEntry h : hosts) {
            counts[h.kind().ordinal()]++;
            ObjectNode node = array.addObject();
            node.put("host", h.host());
            node.put("status", status(h.kind(), pending));
            if (h.outcome() != null) node.put("outcome", h.outcome());
            if (h.confirm() != null) node.put("confirm", h.confirm());
            if (h.error() != null) node.put("error", h.error());
            if (h.record() != null) node.put("record", h.record());
            if (h.commit() != null) node.put("commit", h.commit());
            ArrayNode warnings = node.putArray("warnings");
            h.warnings().forEach(warnings::add);
            if (h.plan() != null) {
                ObjectNode plan = JsonPlanRenderer.host(new JsonPlanRenderer.HostEntry(h.host(), h.plan(), h.names()));
                plan.remove("host");
                node.setAll(plan);
            }
        }
        ObjectNode recap = root.putObject("recap");
        for (RecapRenderer.Kind k : RecapRenderer.Kind.values()) recap.put(status(k, pending), counts[k.ordinal()]);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String status(RecapRenderer.Kind kind, boolean pending) {
        if (kind == RecapRenderer.Kind.CHANGED && pending) return "changes_pending";
        return kind.name().toLowerCase(Locale.ROOT);
    }
}

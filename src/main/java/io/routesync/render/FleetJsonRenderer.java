package io.routesync.render;


import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.model.HostPlan;
import io.routesync.run.HostRun.Status;
import io.routesync.run.HostRun;
import io.routesync.run.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * One JSON document for a whole fleet run: every selected host in inventory order with its status,
 * its plan (the same fields as a single-host {@code plan --json}), how its apply ended, and its error;
 * then the recap counts. Same {@code format_version} as {@link JsonPlanRenderer}: the fields only add.
 */
public final class FleetJsonRenderer {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FleetJsonRenderer() {
    }

    /** @param command {@code plan} or {@code apply}: decides whether CHANGED reads "changes_pending" or "changed" */
    public static String render(String command, List<HostRun> runs) {
        return render(command, new RunResult(runs));
    }

    /**
     * The run's document; a staged rollout (--serial) adds each host's {@code batch} (and
     * {@code batch_ran}), a {@code rollout} object and the recap's {@code untouched} count.
     */
    public static String render(String command, RunResult result) {
        List<HostRun> runs = result.hosts();
        boolean pending = command.equals("plan");
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", JsonPlanRenderer.FORMAT_VERSION);
        root.put("command", command);
        ArrayNode array = root.putArray("hosts");
        int[] counts = new int[Status.values().length];
        for (HostRun r : runs) {
            counts[r.status().ordinal()]++;
            host(array.addObject(), r, pending);
        }
        ObjectNode recap = root.putObject("recap");
        for (Status k : Status.values()) {
            if (k != Status.UNTOUCHED || result.rollout() != null) recap.put(status(k, pending), counts[k.ordinal()]);
        }
        if (result.rollout() != null) {
            ObjectNode rollout = root.putObject("rollout");
            rollout.put("serial", result.rollout().serialText());
            rollout.put("max_fail", result.rollout().maxFail().toString());
            rollout.put("batches", result.batches());
            rollout.put("batches_ran", result.batchesRan());
            rollout.put("stopped", counts[Status.UNTOUCHED.ordinal()] > 0);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One host: its status; how its apply ended ({@code outcome}, like {@code applied}) and with --confirm
     * whether it was confirmed; its error, record and the git commit its state came from, when they
     * apply; what reading it warned about (always a list); and its plan (the applied one after an
     * apply), with the same fields as a single-host {@code plan --json}, when it was planned; its
     * {@code expect:} flows ({@link ExpectationJson}: simulated for plan, the kernel's answers for apply).
     */
    private static void host(ObjectNode node, HostRun r, boolean pending) {
        node.put("host", r.name());
        node.put("status", status(r.status(), pending));
        if (r.batch() != null) {
            node.put("batch", r.batch().number());
            node.put("batch_ran", r.batch().ran());
        }
        if (r.report() != null) node.put("outcome", r.report().outcome().name().toLowerCase(Locale.ROOT));
        if (r.confirm() != null) node.put("confirm", r.confirm().outcome().name().toLowerCase(Locale.ROOT));
        String error = r.failure() != null ? r.failure().detail() : r.reason();
        if (error != null) node.put("error", error);
        if (r.report() != null && r.report().record() != null) node.put("record", r.report().record());
        if (r.spec().inputs().commit() != null) node.put("commit", r.spec().inputs().commit());
        ArrayNode warnings = node.putArray("warnings");
        r.warnings().forEach(warnings::add);
        HostPlan plan = r.report() != null && r.report().applied() != null ? r.report().applied() : r.plan();
        if (plan != null) {
            ObjectNode fields = JsonPlanRenderer.host(new JsonPlanRenderer.HostEntry(r.name(), plan, r.spec().loaded().names(),
                    pending ? r.expectations() : List.of()));
            fields.remove("host");
            node.setAll(fields);
        }
        // apply: the kernel's answers after the batch verified (none when it was not asked)
        if (!pending && r.report() != null && !r.report().expectations().isEmpty()) {
            node.set("expectations", ExpectationJson.kernel(r.report().expectations()));
        }
    }

    static String status(Status kind, boolean pending) {
        if (kind == Status.CHANGED && pending) return "changes_pending";
        return kind.name().toLowerCase(Locale.ROOT);
    }
}

package io.routesync.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.iproute2.ChangeSyntax;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import java.time.Instant;

/**
 * The small JSON record an apply leaves on the host ({@code STATE_DIR/records/*.json} and
 * {@code last.json}): when, from which inputs (digest, git commit when known), the fingerprint of the
 * state it was planned from, and the changes.
 */
public final class ApplyRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the desired state came from: a digest of the inputs and, when known, the git commit. */
    public record Inputs(String digest, String commit, String version) {
    }

    private ApplyRecord() {
    }

    public static String json(Instant time, String host, Inputs inputs, HostPlan plan, String kind) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", "1");
        root.put("kind", kind);
        root.put("time", time.toString());
        root.put("host", host);
        root.put("routesync_version", inputs.version());
        if (inputs.digest() != null) root.put("inputs_digest", inputs.digest());
        if (inputs.commit() != null) root.put("commit", inputs.commit());
        root.put("fingerprint", plan.fingerprint());
        ObjectNode counts = root.putObject("counts");
        counts.put("add", plan.count(Action.ADD));
        counts.put("change", plan.count(Action.REPLACE));
        counts.put("delete", plan.count(Action.DELETE));
        // one change a line: a record of 100k changes on one 12 MB line took the host's awk (mawk, which
        // splits apply.sh's input) over a second; JSON readers see the same document
        String head = root.toString();
        StringBuilder out = new StringBuilder(head.length() + 80 * plan.changes().size() + 16);
        out.append(head, 0, head.length() - 1).append(",\"changes\":[");
        String sep = "\n";
        for (Change c : plan.changes()) {
            ObjectNode n = JSON.createObjectNode();
            n.put("action", c.action().word());
            n.put("command", ChangeSyntax.command(c, null, plan.namesFile()));
            out.append(sep).append(n);
            sep = ",\n";
        }
        return out.append(plan.changes().isEmpty() ? "]}\n" : "\n]}\n").toString();
    }
}

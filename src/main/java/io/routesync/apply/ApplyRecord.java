package io.routesync.apply;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.iproute2.ChangeSyntax;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Deferred;
import io.routesync.model.HostPlan;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The small JSON record an apply leaves on the host ({@code STATE_DIR/records/*.json} and
 * {@code last.json}): when, from which inputs (digest, git commit when known), the fingerprint of the
 * state it was planned from, and the changes.
 */
public final class ApplyRecord {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter LINES = JSON.writer(new OneChangeALine());

    /**
     * Where the desired state came from: a digest of the inputs and, when known, the git commit. A
     * value as the record it was; its digest (a SHA-256 of every state file) may be computed when first
     * asked for, since only apply records and saved plans read it.
     */
    public static final class Inputs {
        private final Deferred<String> digest;
        private final String commit;
        private final String version;

        public Inputs(String digest, String commit, String version) {
            this(Deferred.of(digest), commit, version);
        }

        private Inputs(Deferred<String> digest, String commit, String version) {
            this.digest = digest;
            this.commit = commit;
            this.version = version;
        }

        /** Inputs whose digest {@code digest} gives when first asked for (it must read only immutable values). */
        public static Inputs deferred(Supplier<String> digest, String commit, String version) {
            return new Inputs(Deferred.computed(digest), commit, version);
        }

        public String digest() {
            return digest.get();
        }

        public String commit() {
            return commit;
        }

        public String version() {
            return version;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) return true;
            if (!(o instanceof Inputs)) return false;
            Inputs i = (Inputs) o;
            return Objects.equals(digest(), i.digest()) && Objects.equals(commit, i.commit) && Objects.equals(version, i.version);
        }

        @Override
        public int hashCode() {
            return (31 * Objects.hashCode(digest()) + Objects.hashCode(commit)) * 31 + Objects.hashCode(version);
        }

        @Override
        public String toString() {
            return "Inputs[digest=" + digest() + ", commit=" + commit + ", version=" + version + "]";
        }
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
        ArrayNode changes = root.putArray("changes");
        for (Change c : plan.changes()) {
            ObjectNode n = changes.addObject();
            n.put("action", c.action().word());
            n.put("command", ChangeSyntax.command(c, null, plan.namesFile()));
        }
        try {
            return LINES.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    /**
     * Compact, but one change a line: a record of 100k changes on one 12 MB line took the host's awk
     * (mawk, which splits apply.sh's input into parts) over a second. JSON readers see the same document.
     */
    private static final class OneChangeALine extends MinimalPrettyPrinter {
        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(values == 0 ? "]" : "\n]");
        }
    }
}

package io.routesync.apply;

import io.routesync.iproute2.ChangeSyntax;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Deferred;
import io.routesync.model.HostPlan;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The small JSON record an apply leaves on the host ({@code STATE_DIR/records/*.json} and
 * {@code last.json}): when, from which inputs (digest, git commit when known), the fingerprint of the
 * state it was planned from, and the changes.
 */
public final class ApplyRecord {
    /**
     * Where the desired state came from: a digest of the inputs and, when known, the git commit. A
     * value as the record it was; its digest (a SHA-256 of every state file) may be computed when first
     * asked for, since only apply records and saved plans read it.
     */
    public static final class Inputs {
        private final Deferred<String> digest;
        private final String commit;
        private final String version;
        /** Whether the desired state was loaded from these inputs in this run (not so a saved plan's: it names them). */
        private final boolean loaded;

        public Inputs(String digest, String commit, String version) {
            this(Deferred.of(digest), commit, version, false);
        }

        private Inputs(Deferred<String> digest, String commit, String version, boolean loaded) {
            this.digest = digest;
            this.commit = commit;
            this.version = version;
            this.loaded = loaded;
        }

        /**
         * The inputs the desired state was just loaded from, whose digest {@code digest} gives when first asked for
         * (it must read only immutable values): it covers everything the load read, so the kept copy can be keyed by it.
         */
        public static Inputs loaded(Supplier<String> digest, String commit, String version) {
            return new Inputs(Deferred.computed(digest), commit, version, true);
        }

        /** Whether the desired state was loaded from these inputs in this run: then its kept copy has a key. */
        public boolean wereLoaded() {
            return loaded;
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

    /**
     * The record's JSON: compact, but one change a line (a record of 100k changes on one 12 MB line took
     * the host's awk, mawk, which splits apply.sh's input into parts, over a second). Written by hand, with
     * Jackson's escapes (ApplyRecordTest compares): Jackson's start-up alone took an apply about 0.1 s.
     */
    public static String json(Instant time, String host, Inputs inputs, HostPlan plan, String kind) {
        StringBuilder j = new StringBuilder(256 + 112 * plan.changes().size());
        j.append("{\"format_version\":\"1\",\"kind\":");
        string(j, kind).append(",\"time\":");
        string(j, time.toString()).append(",\"host\":");
        string(j, host).append(",\"routesync_version\":");
        string(j, inputs.version());
        if (inputs.digest() != null) string(j.append(",\"inputs_digest\":"), inputs.digest());
        if (inputs.commit() != null) string(j.append(",\"commit\":"), inputs.commit());
        string(j.append(",\"fingerprint\":"), plan.fingerprint());
        j.append(",\"counts\":{\"add\":").append(plan.count(Action.ADD)).append(",\"change\":").append(plan.count(Action.REPLACE))
                .append(",\"delete\":").append(plan.count(Action.DELETE)).append("},\"changes\":[");
        boolean first = true;
        for (Change c : plan.changes()) {
            j.append(first ? "\n" : ",\n");
            first = false;
            string(j.append("{\"action\":"), c.action().word()).append(",\"command\":");
            string(j, ChangeSyntax.command(c, null, plan.namesFile())).append('}');
        }
        return j.append(first ? "]}\n" : "\n]}\n").toString();
    }

    /** {@code s} as a JSON string (null: null), escaped as Jackson escapes it: quote, backslash, control characters. */
    static StringBuilder string(StringBuilder j, String s) {
        if (s == null) return j.append("null");
        j.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                j.append('\\').append(c);
            } else if (c >= 0x20) {
                j.append(c);
            } else {
                switch (c) {
                    case '\b' -> j.append("\\b");
                    case '\t' -> j.append("\\t");
                    case '\n' -> j.append("\\n");
                    case '\f' -> j.append("\\f");
                    case '\r' -> j.append("\\r");
                    default -> j.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
                }
            }
        }
        return j.append('"');
    }

    private static final String HEX = "0123456789ABCDEF";
}

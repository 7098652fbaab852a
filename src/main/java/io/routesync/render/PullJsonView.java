package io.routesync.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.iproute2.ChangeSyntax;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import io.routesync.run.pull.PullResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The JSON document {@code pull --report FILE} writes for monitoring: when, which commit and host,
 * what differed (drift) and what was changed, how long it took, and how it ended, with the exit code.
 * Written for every run, failed ones included (then with the error and whatever was known); the
 * command writes it to the file.
 */
public final class PullJsonView {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PullJsonView() {
    }

    /** The report of a run that got to a result. */
    public static String of(PullResult r, String repo, String ref, Instant started, Duration took, int exitCode) {
        ObjectNode root = head(repo, ref, started, took, exitCode);
        root.put("result", result(r.outcome()));
        root.put("host", r.host());
        root.put("target", r.target());
        root.put("commit", r.commit().id());
        root.put("new_commit", r.newCommit());
        if (r.plan() != null) root.put("drift_found", !r.plan().isEmpty());
        else root.putNull("drift_found");
        boolean applied = r.outcome() == PullResult.Outcome.APPLIED;
        changes(root, applied && r.report() != null ? r.report().applied() : null);
        if (r.outcome() == PullResult.Outcome.FAILED && r.report() != null) {
            ArrayNode attempted = root.putArray("attempted");
            for (Change c : r.report().applied().changes()) attempted.add(ChangeSyntax.command(c, null, r.report().applied().namesFile()));
        }
        if (r.signature() != null) {
            ObjectNode s = root.putObject("signature");
            s.put("trusted", r.signature().trusted());
            if (r.signature().format() != null) s.put("format", r.signature().format());
            if (r.signature().signer() != null) s.put("signer", r.signature().signer());
            if (r.signature().fingerprint() != null) s.put("key", r.signature().fingerprint());
            if (r.signature().reason() != null) s.put("reason", r.signature().reason());
        }
        if (r.rewind() != null) {
            ObjectNode w = root.putObject("rewind");
            w.put("last_commit", r.rewind().from());
            w.put("last_commit_in_repository", r.rewind().known());
            w.put("allowed", r.rewind().allowed());
            if (!r.rewind().allowed()) root.put("reason", "commit " + r.commit().describe() + " " + r.rewind().describe());
        }
        if (r.report() != null && !r.report().succeeded()) root.put("apply_outcome", r.report().outcome().name().toLowerCase());
        warnings(root, r.warnings());
        return root.toString() + "\n";
    }

    /** The report of a run that stopped with an error before it had a result. */
    public static String ofError(String message, String repo, String ref, Instant started, Duration took, int exitCode, List<String> warnings) {
        ObjectNode root = head(repo, ref, started, took, exitCode);
        root.put("result", exitCode == 75 ? "locked" : "error");
        root.put("error", message);
        warnings(root, warnings);
        return root.toString() + "\n";
    }

    private static ObjectNode head(String repo, String ref, Instant started, Duration took, int exitCode) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", "1");
        root.put("time", started.toString());
        root.put("repo", repo);
        root.put("ref", ref);
        root.put("duration_ms", took.toMillis());
        root.put("exit_code", exitCode);
        return root;
    }

    private static void changes(ObjectNode root, HostPlan applied) {
        ObjectNode changes = root.putObject("changes");
        changes.put("add", applied == null ? 0 : applied.count(Action.ADD));
        changes.put("change", applied == null ? 0 : applied.count(Action.REPLACE));
        changes.put("delete", applied == null ? 0 : applied.count(Action.DELETE));
        ArrayNode commands = changes.putArray("commands");
        if (applied == null) return;
        for (Change c : applied.changes()) commands.add(ChangeSyntax.command(c, null, applied.namesFile()));
    }

    private static void warnings(ObjectNode root, List<String> warnings) {
        ArrayNode a = root.putArray("warnings");
        warnings.forEach(a::add);
    }

    private static String result(PullResult.Outcome outcome) {
        switch (outcome) {
            case NO_CHANGES:
                return "no_changes";
            case APPLIED:
                return "applied";
            case SKIPPED_UNCHANGED:
                return "skipped";
            case REFUSED_UNSIGNED:
            case REFUSED_REWIND:
                return "refused";
            case FAILED:
                return "failed";
            default:
                throw new AssertionError(outcome);
        }
    }
}

package io.routesync.run.pull;

import io.routesync.apply.ApplyReport;
import io.routesync.git.RepoCommit;
import io.routesync.git.SignatureCheck;
import io.routesync.iproute2.Names;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import java.util.List;

/**
 * How a pull run ended. {@code plan} is what differed when the host was read (empty: no drift),
 * {@code report} the apply's report when there was one, {@code newCommit} whether the commit differs
 * from the one the last successful pull left the host at, {@code desired} the host's desired state at
 * the commit (null when it was not read: skipped or refused).
 */
public record PullResult(
        Outcome outcome,
        String host,
        String target,
        RepoCommit commit,
        boolean newCommit,
        HostPlan plan,
        Names names,
        ApplyReport report,
        SignatureCheck signature,
        Rewind rewind,
        List<String> warnings,
        DesiredState desired) {

    public enum Outcome {
        /** The host already matched the commit; nothing was run. */
        NO_CHANGES,
        /** The host differed; the changes were applied and verified. */
        APPLIED,
        /** --only-if-changed and the commit is the one last applied: not even read. */
        SKIPPED_UNCHANGED,
        /** --require-signed and the commit is not signed by an allowed key: nothing applied. */
        REFUSED_UNSIGNED,
        /** The commit does not descend from the one last applied (and no --allow-rewind): nothing applied. */
        REFUSED_REWIND,
        /** The apply or its verification failed (see {@code report}: rolled back, or not). */
        FAILED
    }

    /**
     * The commit does not descend from {@code from}, the one the last successful pull left the host at
     * ({@code known} false: that commit is not in the repository, so descent cannot be shown);
     * {@code allowed} when --allow-rewind let it through.
     */
    public record Rewind(String from, boolean known, boolean allowed) {
        /** Words that follow "commit X ": why it counts as going back. */
        public String describe() {
            String last = "commit " + from.substring(0, Math.min(12, from.length())) + ", the one last applied";
            return known ? "does not descend from " + last + " (the ref was moved back or its history rewritten, as by a force-push)"
                    : "cannot be shown to descend from " + last + ", which is not in the repository (its history was rewritten,"
                    + " or this is another repository)";
        }
    }

    public PullResult {
        warnings = List.copyOf(warnings);
    }

    public boolean succeeded() {
        return outcome == Outcome.NO_CHANGES || outcome == Outcome.APPLIED || outcome == Outcome.SKIPPED_UNCHANGED;
    }
}

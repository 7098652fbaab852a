package io.routesync.git.pull;

import io.routesync.apply.ApplyReport;
import io.routesync.git.RepoCommit;
import io.routesync.git.SignatureCheck;
import io.routesync.model.HostPlan;
import io.routesync.parse.Names;
import java.util.List;

/**
 * How a pull run ended. {@code plan} is what differed when the host was read (empty: no drift),
 * {@code report} the apply's report when there was one, {@code newCommit} whether the commit differs
 * from the one the last successful pull left the host at.
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
        List<String> warnings) {

    public enum Outcome {
        /** The host already matched the commit; nothing was run. */
        NO_CHANGES,
        /** The host differed; the changes were applied and verified. */
        APPLIED,
        /** --only-if-changed and the commit is the one last applied: not even read. */
        SKIPPED_UNCHANGED,
        /** --require-signed and the commit is not signed by an allowed key: nothing applied. */
        REFUSED_UNSIGNED,
        /** The apply or its verification failed (see {@code report}: rolled back, or not). */
        FAILED
    }

    public PullResult {
        warnings = List.copyOf(warnings);
    }

    public boolean succeeded() {
        return outcome == Outcome.NO_CHANGES || outcome == Outcome.APPLIED || outcome == Outcome.SKIPPED_UNCHANGED;
    }
}

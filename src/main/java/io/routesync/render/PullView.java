package io.routesync.render;

import io.routesync.run.pull.PullResult;
import java.io.PrintWriter;

/**
 * How a pull run ended, for cron's mail and a person: nothing when nothing changed (unless
 * {@code verbose}), the refusal of an unsigned or rewound commit as an error, and when the host
 * differed, the commit, the changes and how the apply ended.
 */
public final class PullView {
    private PullView() {
    }

    public static void print(PullResult r, boolean verbose, PrintWriter out, PrintWriter err, Style style) {
        String at = "commit " + r.commit().describe();
        String who = r.target() + (r.host() == null ? "" : " (host " + r.host() + ")");
        if (verbose && r.signature() != null && r.signature().trusted()) {
            out.println(at + " is signed by " + r.signature().signer() + " (key " + r.signature().fingerprint() + ")");
        }
        switch (r.outcome()) {
            case SKIPPED_UNCHANGED:
                if (verbose) out.println("Skipped: " + at + " is the one last applied to " + who + " (--only-if-changed).");
                return;
            case NO_CHANGES:
                if (verbose) out.println("No changes: " + who + " matches " + at + ".");
                return;
            case REFUSED_UNSIGNED:
                err.println("error: " + at + " is refused: " + r.signature().reason() + ". Nothing was applied to " + who + ".");
                return;
            case REFUSED_REWIND:
                err.println("error: " + at + " is refused: it " + r.rewind().describe() + ". Nothing was applied to " + who + "."
                        + " To apply it anyway, run pull again with --allow-rewind.");
                return;
            case APPLIED:
            case FAILED:
                out.println("routesync pull: " + who + " differs from " + at + " \"" + r.commit().subject() + "\"");
                out.print(HumanPlanRenderer.render(r.target(), r.report().applied(), r.names(), style));
                ApplyView.report(r.target(), r.report(), r.names(), out, err, style);
                return;
            default:
                throw new AssertionError(r.outcome());
        }
    }
}

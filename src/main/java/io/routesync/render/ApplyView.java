package io.routesync.render;

import io.routesync.apply.ApplyReport;
import io.routesync.apply.BatchFailure;
import io.routesync.apply.ConfirmReport;
import io.routesync.iproute2.Names;
import io.routesync.model.HostPlan;
import java.io.PrintWriter;

/**
 * How one host's apply ended, for people: the apply's report (applied, rolled back, ...), then with
 * {@code --confirm} whether the change was confirmed over a new connection or what the host did by
 * itself. What is good news goes to {@code out}, errors to {@code err}. Shared by single-host runs,
 * fleet blocks and pull; the host's status (and so the exit code) is {@link io.routesync.run.HostRun#status}.
 */
public final class ApplyView {
    private ApplyView() {
    }

    public static void print(String host, ApplyReport report, ConfirmReport confirm, Names names, PrintWriter out, PrintWriter err,
            Style style) {
        if (confirm == null) {
            report(host, report, names, out, err, style);
            return;
        }
        switch (confirm.outcome()) {
            case NOT_NEEDED:
                report(host, report, names, out, err, style);
                return;
            case CONFIRMED:
                report(host, report, names, out, err, style);
                out.println(style.green(confirm.message(host)));
                return;
            case DISARMED:
            case LEFT_ARMED:
                report(host, report, names, out, err, style);
                err.println(confirm.message(host));
                return;
            case ROLLED_BACK_BY_HOST:
            case ROLLBACK_INCOMPLETE:
            case UNREACHABLE:
                // the batch may well have gone through: say so plainly, not as "Apply complete"
                if (report != null && report.outcome() == ApplyReport.Outcome.APPLIED) {
                    out.println("The changes were applied (" + Summary.applied(report.applied()) + ") but not confirmed:");
                }
                err.println(style.red("error: " + confirm.message(host)));
                return;
            default:
                throw new AssertionError(confirm.outcome());
        }
    }

    /** The apply's own report (no --confirm). */
    public static void report(String host, ApplyReport report, Names names, PrintWriter out, PrintWriter err, Style style) {
        HostPlan applied = report.applied();
        switch (report.outcome()) {
            case NO_CHANGES:
                out.println("No changes to apply: " + host + " already matches the desired state (another run may have applied it).");
                return;
            case APPLIED:
                if (!report.writeFailures().isEmpty()) {
                    out.println("The changes were applied and verified (" + Summary.applied(applied) + "), but routesync could not write its files:");
                    for (String f : report.writeFailures()) err.println(style.red("error: could not write " + f + " on " + host));
                    err.println("Until they are written, later runs may not find every route this apply made (the footprint)"
                            + " or when it was made (the record): fix the cause and run apply again.");
                    return;
                }
                out.println(style.green("Apply complete: " + Summary.applied(applied) + "."));
                if (report.record() != null) out.println("Record: " + report.record());
                return;
            case PLAN_CHANGED:
                err.println("error: " + host + " changed after it was planned, and the new plan differs from the one you approved:");
                err.print(HumanPlanRenderer.render(host, applied, names, Style.PLAIN));
                err.println("Nothing was changed. Run apply again to review the new plan.");
                return;
            case FAILED_ROLLED_BACK:
            case VERIFY_FAILED_ROLLED_BACK:
                err.println("error: " + describeFailure(host, report));
                int undone = report.rollback() == null ? 0 : report.rollback().changes().size();
                err.println("The host was rolled back (" + undone + " change(s) undone): every entry this apply touched is as it was before.");
                return;
            case ROLLBACK_FAILED:
                err.println(style.red("error: " + describeFailure(host, report)));
                err.println(style.red("THE ROLLBACK DID NOT COMPLETE. These changes would still be needed to restore "
                        + host + " to its state before the apply:"));
                err.print(HumanPlanRenderer.render(host, report.remaining(), names, Style.PLAIN));
                err.println("Fix them by hand (the commands above) or run routesync apply again.");
                return;
            default:
                throw new AssertionError(report.outcome());
        }
    }

    private static String describeFailure(String host, ApplyReport report) {
        BatchFailure f = report.failure();
        StringBuilder s = new StringBuilder("apply failed on ").append(host);
        if (report.outcome() == ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK && report.remaining() != null) {
            s.append(": after the batch, the host still differed from the desired state in ")
                    .append(report.remaining().changes().size()).append(" entries.");
            return s.toString();
        }
        if (f == null) return s.append('.').toString();
        if (f.batchLine() != null) s.append(" at batch line ").append(f.line()).append(":\n  ").append(f.batchLine());
        else s.append(':');
        s.append("\n  ").append(f.message().replace("\n", "\n  "));
        return s.toString();
    }
}

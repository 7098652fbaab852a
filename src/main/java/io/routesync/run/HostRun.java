package io.routesync.run;

import io.routesync.apply.ApplyReport;
import io.routesync.apply.ConfirmReport;
import io.routesync.iproute2.HostReading;
import io.routesync.lookup.ExpectationRun;
import io.routesync.model.HostPlan;
import java.util.List;

/**
 * What a run learned about one host: the reading and plan (when it could be read), how the
 * apply ended (apply only), the plans it was re-planned to while applying, or why it failed; with
 * --confirm whether the change was confirmed, and what the management-path check noted ({@code note});
 * in a staged rollout (--serial) which batch it was in and whether that batch ran ({@code batch}, else null);
 * after the plan phase, its {@code expect:} flows before and after the plan ({@code expectations}).
 */
public record HostRun(HostSpec spec, HostReading reading, HostPlan plan, ApplyReport report, List<HostPlan> replans,
                      HostFailure failure, ConfirmReport confirm, String note, Batch batch,
                      List<ExpectationRun.Compared> expectations) {

    /** The batch of a staged rollout a host was given: {@code number} of {@code of}, and whether it ran. */
    public record Batch(int number, int of, boolean ran) {
    }

    /** Where a host stands at the end of a phase, as the recap and the exit code see it. */
    public enum Status {
        /** Nothing to do (plan), or nothing was needed (apply). */
        OK,
        /** Changes pending (plan), or applied and verified (apply). */
        CHANGED,
        /** Read, plan or apply failed; an apply that failed was rolled back unless the report says otherwise. */
        FAILED,
        /** Could not be reached; nothing was read or changed there. */
        UNREACHABLE,
        /** Had changes, but a staged rollout stopped before its batch: nothing was done there. */
        UNTOUCHED
    }

    public HostRun {
        replans = List.copyOf(replans);
        expectations = List.copyOf(expectations);
    }

    /** A host of a staged rollout ({@code batch} null outside one) whose expectations were not checked (or that has none). */
    public HostRun(HostSpec spec, HostReading reading, HostPlan plan, ApplyReport report, List<HostPlan> replans,
            HostFailure failure, ConfirmReport confirm, String note, Batch batch) {
        this(spec, reading, plan, report, replans, failure, confirm, note, batch, List.of());
    }

    /** A host outside a staged rollout. */
    public HostRun(HostSpec spec, HostReading reading, HostPlan plan, ApplyReport report, List<HostPlan> replans,
            HostFailure failure, ConfirmReport confirm, String note) {
        this(spec, reading, plan, report, replans, failure, confirm, note, null);
    }

    /** A run without --confirm and without a note. */
    public HostRun(HostSpec spec, HostReading reading, HostPlan plan, ApplyReport report, List<HostPlan> replans, HostFailure failure) {
        this(spec, reading, plan, report, replans, failure, null, null);
    }

    /** Read and planned; {@code expectations}: its expect: flows before and after the plan. */
    static HostRun planned(HostSpec spec, HostReading reading, HostPlan plan, List<ExpectationRun.Compared> expectations) {
        return new HostRun(spec, reading, plan, null, List.of(), null, null, null, null, expectations);
    }

    /** Could not be read ({@code reading} null), or read but not planned. */
    static HostRun notPlanned(HostSpec spec, HostReading reading, HostFailure failure) {
        return new HostRun(spec, reading, null, null, List.of(), failure);
    }

    /** Its apply of {@code plan} ended as {@code report} (null when a confirmed apply lost the host) and {@code confirm}. */
    static HostRun applied(HostSpec spec, HostReading reading, HostPlan plan, ApplyReport report, List<HostPlan> replans,
            ConfirmReport confirm, String note) {
        return new HostRun(spec, reading, plan, report, replans, null, confirm, note);
    }

    /** Its apply of {@code plan} failed or was refused, after the re-plans {@code replans}. */
    static HostRun notApplied(HostSpec spec, HostReading reading, HostPlan plan, List<HostPlan> replans, HostFailure failure, String note) {
        return new HostRun(spec, reading, plan, null, replans, failure, null, note);
    }

    /** This result, as a host of batch {@code batch} of a staged rollout. */
    HostRun inBatch(Batch batch) {
        return new HostRun(spec, reading, plan, report, replans, failure, confirm, note, batch, expectations);
    }

    public String name() {
        return spec.name();
    }

    /** What the read warned about (a name file iproute2 stops reading part way); none when it was not read. */
    public List<String> warnings() {
        return reading == null ? List.of() : reading.warnings();
    }

    public Status status() {
        if (batch != null && !batch.ran()) return Status.UNTOUCHED;
        if (failure != null) return failure.unreachable() ? Status.UNREACHABLE : Status.FAILED;
        if (confirm != null) {
            switch (confirm.outcome()) {
                case CONFIRMED: return Status.CHANGED;
                case UNREACHABLE: return Status.UNREACHABLE;
                case ROLLED_BACK_BY_HOST:
                case ROLLBACK_INCOMPLETE: return Status.FAILED;
                default: break; // NOT_NEEDED, DISARMED, LEFT_ARMED: the apply's own report decides
            }
        }
        if (report != null) return applied(report);
        return plan.isEmpty() ? Status.OK : Status.CHANGED;
    }

    /** Where a host stands after an apply that made {@code report} (without --confirm): pull's status too. */
    public static Status applied(ApplyReport report) {
        switch (report.outcome()) {
            case NO_CHANGES: return Status.OK;
            case APPLIED: return report.writeFailures().isEmpty() ? Status.CHANGED : Status.FAILED;
            default: return Status.FAILED;
        }
    }

    /** The changes counted in the recap: those applied (apply), else those planned. */
    public int changes() {
        if (report != null && report.outcome() == ApplyReport.Outcome.APPLIED) return report.applied().changes().size();
        return plan == null ? 0 : plan.changes().size();
    }

    /** One line on why the host failed, for the recap; null when it did not. */
    public String reason() {
        if (batch != null && !batch.ran()) return "the rollout stopped before batch " + batch.number() + " of " + batch.of() + "; nothing was done here";
        if (failure != null) return failure.reason();
        String unconfirmed = unconfirmed();
        if (unconfirmed != null) return unconfirmed;
        if (report == null) return null;
        switch (report.outcome()) {
            case NO_CHANGES:
                return null;
            case APPLIED:
                return report.writeFailures().isEmpty() ? null
                        : "applied, but routesync could not write " + String.join("; ", report.writeFailures());
            case FAILED_ROLLED_BACK:
                return "apply failed" + (report.failure() == null ? "" : ": " + oneLine(report.failure().message())) + " (rolled back)";
            case VERIFY_FAILED_ROLLED_BACK:
                // without what still differed, the entries verified and an expectation did not
                if (report.remaining() == null && report.failure() != null) return oneLine(report.failure().message()) + " (rolled back)";
                return "the host did not match the desired state after the apply (rolled back)";
            case ROLLBACK_FAILED:
                return "apply failed and the rollback did not complete: the host needs attention";
            case PLAN_CHANGED:
                return "the host changed after it was planned; nothing was changed";
            default:
                throw new AssertionError(report.outcome());
        }
    }

    /** Why a change made with --confirm did not stay, in one line; null when it did (or there was none). */
    private String unconfirmed() {
        if (confirm == null) return null;
        switch (confirm.outcome()) {
            case ROLLED_BACK_BY_HOST:
                return "not confirmed: " + oneLine(confirm.detail()) + " (the host rolled the change back by itself)";
            case ROLLBACK_INCOMPLETE:
                return "not confirmed, and the host's own rollback is incomplete: the host needs attention";
            case UNREACHABLE:
                return "not confirmed, and unreachable since the apply: if it does not come back, run 'routesync rollback' on its console";
            case LEFT_ARMED:
                return "apply failed and the rollback did not complete; the host's timer stays armed to undo the change";
            default:
                return null;
        }
    }

    private static String oneLine(String text) {
        String s = text == null ? "" : text.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

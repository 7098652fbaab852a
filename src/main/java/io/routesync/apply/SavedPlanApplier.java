package io.routesync.apply;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.OutputException;
import io.routesync.model.HostPlan;
import io.routesync.plan.PlanConflictException;
import io.routesync.plan.Planner;
import io.routesync.saved.SavedHost;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.TransportException;

/**
 * {@code routesync apply FILE} for one host: read the host again, and apply exactly the saved changes
 * only if its owned state still has the fingerprint the plan was made from; otherwise the plan is
 * stale and nothing is applied there. The apply itself is the usual one (batch, verify, roll back on
 * failure): in one session ({@link #applyInSession}), or with --confirm a read and then apply.sh, with
 * re-planning refused: if the host changes between that read and the batch, the reconciler reports
 * {@link ApplyReport.Outcome#PLAN_CHANGED} and that is stale too.
 */
public final class SavedPlanApplier {

    public enum Status {
        /** Applied and verified (and confirmed, with --confirm). */
        APPLIED,
        /** The saved plan for this host was empty. */
        NO_CHANGES,
        /** The host's owned state changed since the plan was made: nothing was applied there. */
        STALE,
        /** The plan would change the management path (see {@link ManagementPathCheck}): nothing was applied there. */
        REFUSED,
        /** The apply failed (rolled back) or was not confirmed; see the reports. */
        FAILED
    }

    /** How one host ended; {@code confirm} is set with --confirm, {@code report} when the apply ran. */
    public record Result(String host, Status status, String message, ApplyReport report, ConfirmReport confirm) {
        /** STALE or REFUSED before anything ran there: {@code message} says why. */
        static Result notApplied(String host, Status status, String message) {
            return new Result(host, status, message, null, null);
        }

        /** NO_CHANGES: the saved plan for this host was empty. */
        static Result noChanges(String host) {
            return new Result(host, Status.NO_CHANGES, null, null, null);
        }

        /** APPLIED or FAILED: the apply ran; {@code confirm} with --confirm. */
        static Result ran(String host, boolean ok, ApplyReport report, ConfirmReport confirm) {
            return new Result(host, ok ? Status.APPLIED : Status.FAILED, null, report, confirm);
        }
    }

    private SavedPlanApplier() {
    }

    /**
     * @param reconciler for the host the saved plan names ({@link SavedTargets}), with its paths
     * @param confirm    null for a plain apply, else the confirmed apply to use (built on the same reconciler)
     * @param allowManagementChange false to refuse a plan that would change how the host answers the
     *                   ssh connection it is applied over ({@code --allow-management-change} sets it)
     */
    public static Result apply(SavedHost host, Reconciler reconciler, ApplyRecord.Inputs inputs, ConfirmedApply confirm,
            boolean allowManagementChange) throws TransportException, OutputException, LockHeldException, PlanConflictException {
        HostReading reading = reconciler.observe(host.desired());
        String now = Planner.fingerprint(host.desired(), reading.observed(), host.ownership());
        if (!now.equals(host.fingerprint())) {
            return Result.notApplied(host.name(), Status.STALE, stale(host, "its owned rules, routes or table names changed since"
                    + " the plan was made (fingerprint " + shortHex(host.fingerprint()) + ", now " + shortHex(now) + ")"));
        }
        HostPlan plan = host.plan();
        if (plan.isEmpty()) return Result.noChanges(host.name());
        if (!allowManagementChange) {
            ManagementPathCheck.Assessment a = ManagementPathCheck.check(reconciler.target(), reconciler.paths(),
                    reading.observed().tablesRead(), plan, reconciler.settings().timeout());
            if (a.refuses()) {
                return Result.notApplied(host.name(), Status.REFUSED, host.name() + ": " + a.refusal() + ". Nothing was applied"
                        + " there; if this is intended, apply again with --allow-management-change (and --confirm SECONDS).");
            }
        }
        ApplyReport report;
        ConfirmReport confirmed = null;
        if (confirm == null) {
            report = reconciler.apply(host.desired(), host.ownership(), reading, plan, inputs, false, p -> { });
        } else {
            confirmed = confirm.apply(host.desired(), host.ownership(), reading, plan, inputs, false, p -> { });
            report = confirmed.apply();
        }
        if (report != null && report.outcome() == ApplyReport.Outcome.PLAN_CHANGED) {
            return new Result(host.name(), Status.STALE, stale(host, "it changed while the plan was being applied"), report, confirmed);
        }
        boolean ok = confirmed != null ? confirmed.succeeded() : report.succeeded();
        return Result.ran(host.name(), ok, report, confirmed);
    }

    /**
     * {@link #apply} without --confirm, in one session on the host ({@link GuardedApply#converge}): the
     * reading's fingerprint is compared under the lock the batch runs under, and the management path
     * (unless allowed) is checked in the same run. The host cannot change through routesync between the
     * check and the batch.
     */
    static Result applyInSession(SavedHost host, GuardedApply guarded, ApplyRecord.Inputs inputs)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        var seen = new Object() {
            // on the session's answering thread; read once it ended
            volatile String now;
        };
        GuardedApply.Outcome o = guarded.converge(host.desired(), host.ownership(), inputs, null, (read, fingerprint) -> {
            seen.now = fingerprint.get();
            return seen.now.equals(host.fingerprint()) ? new SessionApply.Decision(host.plan(), null) : null;
        });
        if (!host.fingerprint().equals(seen.now)) {
            return Result.notApplied(host.name(), Status.STALE, stale(host, "its owned rules, routes or table names changed since"
                    + " the plan was made (fingerprint " + shortHex(host.fingerprint()) + ", now " + shortHex(seen.now) + ")"));
        }
        if (host.plan().isEmpty()) return Result.noChanges(host.name());
        if (o.refusal() != null) return Result.notApplied(host.name(), Status.REFUSED, o.refusal());
        return Result.ran(host.name(), o.report().succeeded(), o.report(), null);
    }

    private static String stale(SavedHost host, String why) {
        return "plan is stale: " + host.name() + ": " + why + "; nothing was applied there. Run plan again.";
    }

    private static String shortHex(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}

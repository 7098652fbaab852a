package io.routesync.apply;

import io.routesync.config.state.KeptChecks;
import io.routesync.config.state.KeptState;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.OutputException;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.TableId;
import io.routesync.plan.PlanConflictException;
import io.routesync.plan.Planner;
import io.routesync.transport.ApplyScript;
import io.routesync.transport.HostReader;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.PendingConfirmException;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reconciles one host, level-triggered: observe, plan, apply in one batch per family, re-read and
 * verify; when a batch line fails or the result does not verify, plan the way back to the snapshot
 * for everything the plan touched, apply that, and verify it too.
 */
public final class Reconciler {
    /** How long to wait for another run's lock, and for one script run on the target. */
    public record Settings(Duration lockWait, Duration timeout) {
    }

    /**
     * Runs on the host right before a plan's batch (not a rollback's), with the plan and the reading it
     * is applied against; again if the host changed and the plan is applied against a new reading.
     * {@code apply --confirm} stages its undo there. Throwing stops the apply before anything changed.
     */
    public interface BeforeBatch {
        void run(HostPlan plan, HostReading from) throws TransportException, OutputException, LockHeldException;
    }

    private static final int MAX_ATTEMPTS = 3;

    private final Target target;
    private final TargetPaths paths;
    private final Settings settings;
    private final Clock clock;
    private final BeforeBatch beforeBatch;
    /** The token of the apply --confirm this reconciler's batches belong to, or null. */
    private final String confirmToken;
    private final AfterVerify afterVerify;
    /** The probes and expectations kept with the desired state on the host ({@code apply --last}). */
    private final KeptChecks keptChecks;
    private final ApplyScript script;

    public Reconciler(Target target, TargetPaths paths, Settings settings, Clock clock) {
        this(target, paths, settings, clock, (plan, from) -> { }, null, AfterVerify.NONE, KeptChecks.NONE);
    }

    private Reconciler(Target target, TargetPaths paths, Settings settings, Clock clock, BeforeBatch beforeBatch, String confirmToken,
            AfterVerify afterVerify, KeptChecks keptChecks) {
        this.target = target;
        this.paths = paths;
        this.settings = settings;
        this.clock = clock;
        this.beforeBatch = beforeBatch;
        this.confirmToken = confirmToken;
        this.afterVerify = afterVerify;
        this.keptChecks = keptChecks;
        this.script = new ApplyScript(target, paths, settings.lockWait(), settings.timeout());
    }

    /** This reconciler with {@code step} run before every batch of a plan. */
    public Reconciler withBeforeBatch(BeforeBatch step) {
        return new Reconciler(target, paths, settings, clock, step, confirmToken, afterVerify, keptChecks);
    }

    /** This reconciler with {@code check} run after every verified batch of a plan (not a rollback's). */
    public Reconciler withAfterVerify(AfterVerify check) {
        return new Reconciler(target, paths, settings, clock, beforeBatch, confirmToken, check, keptChecks);
    }

    public AfterVerify afterVerify() {
        return afterVerify;
    }

    /** This reconciler keeping {@code checks} (probes, expectations) with the desired state it keeps on the host. */
    public Reconciler withKeptChecks(KeptChecks checks) {
        return new Reconciler(target, paths, settings, clock, beforeBatch, confirmToken, afterVerify, checks);
    }

    public KeptChecks keptChecks() {
        return keptChecks;
    }

    /**
     * This reconciler for the batches of the apply --confirm armed with {@code token}: the host lets
     * them (and their rollback) through while that change awaits confirmation, and refuses every
     * other apply then ({@link PendingConfirmException}).
     */
    public Reconciler withConfirmToken(String token) {
        return new Reconciler(target, paths, settings, clock, beforeBatch, token, afterVerify, keptChecks);
    }

    Clock clock() {
        return clock;
    }

    public TargetPaths paths() {
        return paths;
    }

    public Settings settings() {
        return settings;
    }

    public Target target() {
        return target;
    }

    /** Reads what a plan for {@code desired} needs: its tables, and the footprint of the last apply. */
    public HostReading observe(DesiredState desired) throws TransportException, OutputException, LockHeldException {
        return HostReader.read(target, paths, desired.tablesToRead(), settings.lockWait(), settings.timeout());
    }

    /** The plan for this target; its name changes are lines of the target's own name file. */
    public HostPlan plan(DesiredState desired, HostReading reading, Ownership ownership) throws PlanConflictException {
        return Planner.plan(desired, reading.observed(), ownership).forNetns(target.netns());
    }

    /**
     * Applies {@code approved}, made from {@code reading}. If the host changed since it was read, it is
     * read and planned again: the same changes are applied; an empty plan means another run did the
     * work; a different plan is applied only when {@code acceptReplan} (it is shown through
     * {@code onReplan} first), else the report says {@link ApplyReport.Outcome#PLAN_CHANGED}.
     */
    public ApplyReport apply(DesiredState desired, Ownership ownership, HostReading reading, HostPlan approved,
            ApplyRecord.Inputs inputs, boolean acceptReplan, Consumer<HostPlan> onReplan)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        HostReading current = reading;
        HostPlan plan = approved;
        for (int attempt = 1; ; attempt++) {
            if (plan.isEmpty()) return ApplyReport.notRun(ApplyReport.Outcome.NO_CHANGES, plan, current);
            String record = ApplyRecord.json(clock.instant(), target.name(), inputs, plan, "apply");
            beforeBatch.run(plan, current);
            BatchRun run;
            try {
                run = run(plan, current, ownership, desired.tablesToRead(), desired.tablesToRead(), desired.tablesToRead(), record,
                        kept(desired, ownership, current, inputs), false, afterVerify.flows());
            } catch (PendingConfirmException refused) {
                throw refused;
            } catch (TransportException lost) {
                // lost connection, timeout, output cut at its cap: the batch may have run in part, so find out
                // what is there now and take it back. Whatever fails from here on is a failed host, never
                // "unreachable, nothing changed".
                return afterIncompleteApply(desired, ownership, current, plan, lost, inputs);
            }
            // the script stopped before its batch (a file it could not write, an unsafe directory): not a lost connection
            if (run.fatal() != null) throw new TransportException(run.fatal(), false);
            // not in the catch above: the host is reachable; its re-read is tried once more on its own
            run = run.orReadAgain(() -> observe(desired));
            if (run.stale()) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new TransportException(target.name() + " kept changing while routesync tried to apply (" + attempt
                            + " attempts); nothing was changed", false);
                }
                current = observe(desired);
                HostPlan replanned = plan(desired, current, ownership);
                if (!replanned.isEmpty() && !replanned.changes().equals(plan.changes())) {
                    if (!acceptReplan) return ApplyReport.notRun(ApplyReport.Outcome.PLAN_CHANGED, replanned, current);
                    onReplan.accept(replanned);
                }
                plan = replanned;
                continue;
            }
            return verified(desired, ownership, current, plan, run, inputs, afterVerify);
        }
    }

    /**
     * A batch of {@code plan} (made from {@code current}) ran, and the host was read back ({@code run},
     * not stale): a failed line is rolled back; else the verify (what still differs, then {@code check},
     * the kernel's answers), rolled back when it fails.
     */
    ApplyReport verified(DesiredState desired, Ownership ownership, HostReading current, HostPlan plan, BatchRun run,
            ApplyRecord.Inputs inputs, AfterVerify check) throws TransportException, OutputException, LockHeldException, PlanConflictException {
        if (run.failure() != null) {
            return rollBack(desired, ownership, current, plan, run.after(), run.failure(), null, inputs, ApplyReport.Outcome.FAILED_ROLLED_BACK);
        }
        // the verify: what still differs (its fingerprint, a digest of all entries read, only when something does)
        if (!Planner.changes(desired, run.after().observed(), ownership).isEmpty()) {
            HostPlan remaining = plan(desired, run.after(), ownership);
            BatchFailure why = BatchFailure.withoutLine("after the apply the host still differs from the desired state", 0);
            return rollBack(desired, ownership, current, plan, run.after(), why, remaining, inputs,
                    ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK);
        }
        AfterVerify.Found found = check.check(run.routeAnswers());
        if (found.failure() != null) {
            // the entries are as desired but the kernel routes a flow otherwise: a failed verify, rolled back
            return rollBack(desired, ownership, current, plan, run.after(), BatchFailure.withoutLine(found.failure(), 0), null, inputs,
                    ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK).withExpectations(found.results());
        }
        return ApplyReport.applied(plan, run.after(), run.recorded(), run.batchNanos(), run.writeFailures())
                .withExpectations(found.results());
    }

    /**
     * The apply script started but its answer did not come back whole ({@code lost}): re-read the host and
     * roll back what the batch changed. If that fails too, the host may be changed: the exception says so,
     * what the batch held, and how far the rollback got; it is never "unreachable".
     */
    ApplyReport afterIncompleteApply(DesiredState desired, Ownership ownership, HostReading snapshot, HostPlan plan,
            TransportException lost, ApplyRecord.Inputs inputs) throws TransportException, OutputException, LockHeldException {
        String what = "the apply did not complete: " + lost.getMessage();
        String held = "its batch held " + plan.changes().size() + (plan.changes().size() == 1 ? " change" : " changes");
        HostReading now;
        try {
            now = observe(desired);
        } catch (TransportException again) {
            throw new IncompleteApplyException(what + "\nReading " + target.name() + " again to roll it back failed: " + again.getMessage()
                    + "\nThe host may be partly changed (" + held + ", none rolled back): run plan again to see where it stands.",
                    lost);
        }
        BatchFailure failure = BatchFailure.withoutLine(what, -1);
        try {
            return rollBack(desired, ownership, snapshot, plan, now, failure, null, inputs, ApplyReport.Outcome.FAILED_ROLLED_BACK);
        } catch (TransportException again) {
            HostPlan back = Planner.rollback(snapshot.observed(), now.observed(), plan, ownership);
            throw new IncompleteApplyException(what + "\nThe rollback (" + back.changes().size() + (back.changes().size() == 1 ? " change" : " changes")
                    + " to undo) did not complete either: " + again.getMessage()
                    + "\nThe host may be partly changed (" + held + "; the rollback may have run in part): run plan again to see"
                    + " where it stands.", lost);
        }
    }

    /**
     * Returns everything {@code attempted} touched to its state in {@code snapshot}, then checks that it
     * did. {@code unverified} is what still differed after an apply that ran but did not verify (null
     * when a batch line failed, or an expectation did); {@code failedAs} the outcome once rolled back.
     */
    private ApplyReport rollBack(DesiredState desired, Ownership ownership, HostReading snapshot, HostPlan attempted,
            HostReading now, BatchFailure failure, HostPlan unverified, ApplyRecord.Inputs inputs, ApplyReport.Outcome failedAs)
            throws TransportException, OutputException, LockHeldException {
        // the way back is applied by apply.sh, which checks the host still reads as planned: a session's
        // reading has no digest to check, so the host is read again for it
        HostReading current = now.digested() ? now : observe(desired);
        HostPlan back = Planner.rollback(snapshot.observed(), current.observed(), attempted, ownership);
        HostPlan firstBack = back;
        // the way back may put routes into any table read before or after: all of them stay in the footprint
        Set<TableId> footprint = new TreeSet<>(snapshot.observed().tablesRead());
        footprint.addAll(current.observed().tablesRead());
        footprint.addAll(desired.tablesToRead());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !back.isEmpty(); attempt++) {
            String record = ApplyRecord.json(clock.instant(), target.name(), inputs, back, "rollback");
            BatchRun run = run(back, current, ownership, desired.tablesToRead(), footprint, null, record, null, true, List.of());
            if (run.fatal() != null) throw new TransportException(run.fatal(), false);
            run = run.orReadAgain(() -> observe(desired));
            current = run.stale() ? observe(desired) : run.after();
            back = Planner.rollback(snapshot.observed(), current.observed(), attempted, ownership);
            if (!run.stale() && run.failure() != null) break;
        }
        if (!back.isEmpty()) return ApplyReport.rolledBack(ApplyReport.Outcome.ROLLBACK_FAILED, attempted, current, failure, firstBack, back);
        return ApplyReport.rolledBack(failedAs, attempted, current, failure, firstBack, unverified);
    }

    /**
     * The desired state to keep on the host for {@code apply --last} and {@code watch} at boot, or null: an
     * apply --confirm keeps none, since the host may take its change back by itself (the state kept before stays).
     * Not proven again when the host ({@code from}) reports the proof of the same text.
     */
    KeptCopy kept(DesiredState desired, Ownership ownership, HostReading from, ApplyRecord.Inputs inputs) {
        return confirmToken == null ? KeptCopy.of(desired, ownership.protocolTag(), inputs.version(), from.keptDigest(), keptChecks) : null;
    }

    /**
     * {@link #kept} in a session, given the key of the inputs the host's kept copy was rendered from
     * ({@code hostInputs}, or null): null, nothing to send, also when the host keeps the copy of these inputs
     * ({@link KeptCopy#inSession}). It reads the inputs' digest (a SHA-256 of the state files).
     */
    KeptCopy keptInSession(DesiredState desired, Ownership ownership, HostReading from, String hostInputs, ApplyRecord.Inputs inputs) {
        if (confirmToken != null) return null;
        String key = !inputs.wereLoaded() ? null
                : KeptState.inputsKey(inputs.digest(), ownership.protocolTag(), inputs.version(), desired, keptChecks);
        return KeptCopy.inSession(desired, ownership.protocolTag(), inputs.version(), keptChecks, key, hostInputs, from.keptDigest());
    }

    private BatchRun run(HostPlan plan, HostReading from, Ownership ownership, Collection<TableId> tables,
            Collection<TableId> grow, Collection<TableId> footprint, String record, KeptCopy kept, boolean undo, List<List<String>> flows)
            throws TransportException, LockHeldException {
        ApplyInput input = ApplyInput.build(plan, from, ownership, grow, footprint, record, undo).keep(kept).ask(flows);
        return BatchRun.run(script, target.name(), plan, from, tables, input, confirmToken);
    }
}

package io.routesync.apply;

import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.TableId;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.ObservedBuilder;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.Reading;
import io.routesync.iproute2.ReadingParser;
import io.routesync.plan.PlanConflictException;
import io.routesync.plan.Planner;
import io.routesync.iproute2.ChangeSyntax;
import io.routesync.transport.HostReader;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.ScriptFailure;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.Scripts;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import io.routesync.transport.TargetPaths;

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

    public Reconciler(Target target, TargetPaths paths, Settings settings, Clock clock) {
        this(target, paths, settings, clock, (plan, from) -> { }, null);
    }

    private Reconciler(Target target, TargetPaths paths, Settings settings, Clock clock, BeforeBatch beforeBatch, String confirmToken) {
        this.target = target;
        this.paths = paths;
        this.settings = settings;
        this.clock = clock;
        this.beforeBatch = beforeBatch;
        this.confirmToken = confirmToken;
    }

    /** This reconciler with {@code step} run before every batch of a plan. */
    public Reconciler withBeforeBatch(BeforeBatch step) {
        return new Reconciler(target, paths, settings, clock, step, confirmToken);
    }

    /**
     * This reconciler for the batches of the apply --confirm armed with {@code token}: the host lets
     * them (and their rollback) through while that change awaits confirmation, and refuses every
     * other apply then ({@link PendingConfirmException}).
     */
    public Reconciler withConfirmToken(String token) {
        return new Reconciler(target, paths, settings, clock, beforeBatch, token);
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
            if (plan.isEmpty()) return report(ApplyReport.Outcome.NO_CHANGES, plan, current, null, null, null, null);
            String record = ApplyRecord.json(clock.instant(), target.name(), inputs, plan, "apply");
            beforeBatch.run(plan, current);
            Run run;
            try {
                run = run(plan, current, ownership, desired.tablesToRead(), desired.tablesToRead(), desired.tablesToRead(), record, false);
            } catch (PendingConfirmException refused) {
                throw refused;
            } catch (TransportException lost) {
                // lost connection, timeout, output cut at its cap: the batch may have run in part, so find out
                // what is there now and take it back. Whatever fails from here on is a failed host, never
                // "unreachable, nothing changed".
                return afterIncompleteApply(desired, ownership, current, plan, lost, inputs);
            }
            // the script stopped before its batch (a file it could not write, an unsafe directory): not a lost connection
            if (run.fatal != null) throw new TransportException(run.fatal, false);
            // not in the catch above: the host is reachable, and observing it again would fail the same way
            if (run.unreadable != null) throw run.unreadable;
            if (run.stale) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new TransportException(target.name() + " kept changing while routesync tried to apply (" + attempt
                            + " attempts); nothing was changed", false);
                }
                current = observe(desired);
                HostPlan replanned = plan(desired, current, ownership);
                if (!replanned.isEmpty() && !replanned.changes().equals(plan.changes())) {
                    if (!acceptReplan) return report(ApplyReport.Outcome.PLAN_CHANGED, replanned, current, null, null, null, null);
                    onReplan.accept(replanned);
                }
                plan = replanned;
                continue;
            }
            if (run.failure != null) {
                return rollBack(desired, ownership, current, plan, run.after, run.failure, null, inputs);
            }
            HostPlan remaining = plan(desired, run.after, ownership);
            if (!remaining.isEmpty()) {
                BatchFailure why = new BatchFailure(null, -1, null, "after the apply the host still differs from the desired state", 0);
                return rollBack(desired, ownership, current, plan, run.after, why, remaining, inputs);
            }
            return new ApplyReport(ApplyReport.Outcome.APPLIED, plan, run.after, null, null, null, run.recorded, run.batchNanos,
                    run.writeFailures);
        }
    }

    /**
     * The apply script started but its answer did not come back whole ({@code lost}): re-read the host and
     * roll back what the batch changed. If that fails too, the host may be changed: the exception says so,
     * what the batch held, and how far the rollback got; it is never "unreachable".
     */
    private ApplyReport afterIncompleteApply(DesiredState desired, Ownership ownership, HostReading snapshot, HostPlan plan,
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
        BatchFailure failure = new BatchFailure(null, -1, null, what, -1);
        try {
            return rollBack(desired, ownership, snapshot, plan, now, failure, null, inputs);
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
     * when a batch line failed).
     */
    private ApplyReport rollBack(DesiredState desired, Ownership ownership, HostReading snapshot, HostPlan attempted,
            HostReading now, BatchFailure failure, HostPlan unverified, ApplyRecord.Inputs inputs)
            throws TransportException, OutputException, LockHeldException {
        HostReading current = now;
        HostPlan back = Planner.rollback(snapshot.observed(), current.observed(), attempted, ownership);
        HostPlan firstBack = back;
        // the way back may put routes into any table read before or after: all of them stay in the footprint
        Set<TableId> footprint = new TreeSet<>(snapshot.observed().tablesRead());
        footprint.addAll(current.observed().tablesRead());
        footprint.addAll(desired.tablesToRead());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS && !back.isEmpty(); attempt++) {
            String record = ApplyRecord.json(clock.instant(), target.name(), inputs, back, "rollback");
            Run run = run(back, current, ownership, desired.tablesToRead(), footprint, null, record, true);
            if (run.fatal != null) throw new TransportException(run.fatal, false);
            if (run.unreadable != null) throw run.unreadable;
            current = run.stale ? observe(desired) : run.after;
            back = Planner.rollback(snapshot.observed(), current.observed(), attempted, ownership);
            if (!run.stale && run.failure != null) break;
        }
        if (!back.isEmpty()) return report(ApplyReport.Outcome.ROLLBACK_FAILED, attempted, current, failure, firstBack, back, null);
        ApplyReport.Outcome outcome = unverified == null ? ApplyReport.Outcome.FAILED_ROLLED_BACK
                : ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK;
        return report(outcome, attempted, current, failure, firstBack, unverified, null);
    }

    /**
     * {@code fatal}: the script stopped before its batch; {@code unreadable}: the batch ran but the host
     * could not be read back (then {@code after} is null).
     */
    private record Run(boolean stale, BatchFailure failure, HostReading after, String recorded, long batchNanos,
            List<String> writeFailures, String fatal, TransportException unreadable) {
        Run(boolean stale, BatchFailure failure, HostReading after, String recorded, long batchNanos,
                List<String> writeFailures, String fatal) {
            this(stale, failure, after, recorded, batchNanos, writeFailures, fatal, null);
        }
    }

    private Run run(HostPlan plan, HostReading from, Ownership ownership, Collection<TableId> tables,
            Collection<TableId> grow, Collection<TableId> footprint, String record, boolean undo)
            throws TransportException, OutputException, LockHeldException {
        String marker = HostReader.newMarker();
        ApplyInput input = ApplyInput.build(marker, plan, from, ownership, grow, footprint, record, undo);
        List<String> args = HostReader.commonArgs(marker, target, paths, settings.lockWait());
        args.add(from.digest());
        for (TableId t : tables) args.add(Long.toString(t.id()));
        ScriptResult result = target.runScript(Scripts.APPLY, args, withToken(input.bytes(), marker), settings.timeout());
        ReadingParser.ApplyOutput out = ReadingParser.splitApply(result.stdout(), marker);
        Reading applied = ReadingParser.parse(out.applied(), marker);
        if (applied.note("locked") != null) throw new LockHeldException(target.name(), settings.lockWait());
        if (applied.note("pending") != null) throw PendingConfirmException.of(target.name(), applied.note("pending"));
        if (applied.note("stale") != null) return new Run(true, null, null, null, -1, List.of(), null);
        if (applied.note("fatal") != null) {
            return new Run(false, null, null, null, -1, List.of(), ScriptFailure.describe(target.name(), applied.note("fatal"))
                    + ScriptFailure.leftChanged(applied));
        }
        BatchFailure failure = null;
        for (Reading.CommandSection c : applied.commands()) {
            if (c.words().size() == 2 && c.words().get(0).equals("batch") && c.exitCode() != 0) {
                failure = BatchFailure.of(c, input.chunk(c.words().get(1)));
                break;
            }
        }
        if (out.reread() == null) {
            throw new TransportException("the apply on " + target.name() + " ended before re-reading the host (exit "
                    + result.exitCode() + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()) + ")", false);
        }
        HostReading after;
        try {
            after = ObservedBuilder.build(target.name(), ReadingParser.parse(out.reread(), marker));
        } catch (OutputException unreadable) {
            return new Run(false, failure, null, applied.note("recorded"), -1, ScriptFailure.writeFailures(applied), null,
                    changedButUnreadable(plan, failure, unreadable));
        }
        return new Run(false, failure, after, applied.note("recorded"), nanosBetween(applied.note("batch-time")),
                ScriptFailure.writeFailures(applied), null);
    }

    /** The apply script's input, with the part naming this reconciler's apply --confirm, if any. */
    private byte[] withToken(byte[] input, String marker) {
        if (confirmToken == null) return input;
        byte[] part = (marker + " part confirm-token\n" + confirmToken + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(input, input.length + part.length);
        System.arraycopy(part, 0, all, input.length, part.length);
        return all;
    }

    /**
     * The batch ran (in full, or up to a failing line) but the host cannot be read back, so neither verify
     * nor a rollback can be planned: say plainly that the host was changed and what the batch held.
     */
    private TransportException changedButUnreadable(HostPlan plan, BatchFailure failure, OutputException unreadable) {
        StringBuilder m = new StringBuilder();
        m.append(target.name()).append(" was changed: its batch ran").append(failure == null ? "" : " until a line failed")
                .append(", but reading the host back failed, so routesync could neither verify nor roll back.\n")
                .append("Reading back failed on unexpected output from ").append(unreadable.getMessage()).append('\n')
                .append("The batch held (").append(plan.changes().size()).append(" change")
                .append(plan.changes().size() == 1 ? "" : "s").append("):");
        for (Change c : plan.changes()) {
            String line = ChangeSyntax.command(c, null, plan.namesFile());
            m.append("\n  ").append(line);
        }
        m.append("\nCheck the host by hand ('ip rule show', 'ip route show table all') and undo what must not stay;"
                + " please report the unreadable line with 'ip -V' and the kernel version.");
        return new TransportException(m.toString(), false, unreadable);
    }

    private static ApplyReport report(ApplyReport.Outcome outcome, HostPlan applied, HostReading after, BatchFailure failure,
            HostPlan rollback, HostPlan remaining, String record) {
        return new ApplyReport(outcome, applied, after, failure, rollback, remaining, record, -1);
    }

    /** "START END" in nanoseconds since the epoch (GNU date +%s%N) to their difference; -1 when unreadable. */
    private static long nanosBetween(String note) {
        if (note == null) return -1;
        String[] t = note.split(" ");
        try {
            return t.length == 2 ? Long.parseLong(t[1]) - Long.parseLong(t[0]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

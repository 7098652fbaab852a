package io.routesync.apply;

import io.routesync.iproute2.ChangeSyntax;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.OutputException;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import io.routesync.model.TableId;
import io.routesync.transport.ApplyScript;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.RouteGetScript;
import io.routesync.transport.TransportException;
import java.util.Collection;
import java.util.List;

/**
 * One run of a plan's batch on the host ({@link ApplyScript}), as the reconciler's loop reads it: the
 * host changed since it was read ({@code stale}, nothing changed), the script stopped before its batch
 * ({@code fatal}, in words), or the batch ran: the line that failed (if any) and the host as read back,
 * or, when that reading cannot be understood, the error that says the host was changed
 * ({@code unreadable}; then {@code after} is null).
 */
record BatchRun(boolean stale, BatchFailure failure, HostReading after, String recorded, long batchNanos,
        List<String> writeFailures, String fatal, TransportException unreadable, List<RouteGetScript.Answer> routeAnswers) {

    /** A read of the host apart from the batch's session, for {@link #orReadAgain}. */
    @FunctionalInterface
    interface ReadAgain {
        HostReading read() throws TransportException, OutputException, LockHeldException;
    }

    /**
     * This run, or, when the batch's re-read could not be understood, the same run with the host read once
     * more in a script run of its own: a dump can be cut short by the kernel while routes change under it
     * (ip says "Dump terminated", exit 2; a link going down deletes routes), and a fresh read lets the
     * verify and the rollback go on. If that read fails too, the first failure (the host was changed, and
     * what the batch held) is what the run reports.
     */
    BatchRun orReadAgain(ReadAgain again) throws TransportException {
        if (unreadable == null) return this;
        HostReading now;
        try {
            now = again.read();
        } catch (TransportException | OutputException | LockHeldException e) {
            unreadable.addSuppressed(e);
            throw unreadable;
        }
        // the flows asked in the session came after the unreadable reading: the verify asks them again
        return new BatchRun(false, failure, now, recorded, batchNanos, writeFailures, null, null, null);
    }

    static BatchRun hostChanged() {
        return new BatchRun(true, null, null, null, -1, List.of(), null, null, null);
    }

    static BatchRun stoppedBeforeBatch(String message) {
        return new BatchRun(false, null, null, null, -1, List.of(), message, null, null);
    }

    /** {@code routeAnswers}: the kernel's answers to the input's flows, asked in the same session, or null. */
    static BatchRun ran(BatchFailure failure, HostReading after, String recorded, long batchNanos, List<String> writeFailures,
            List<RouteGetScript.Answer> routeAnswers) {
        return new BatchRun(false, failure, after, recorded, batchNanos, writeFailures, null, null, routeAnswers);
    }

    static BatchRun readBackFailed(BatchFailure failure, String recorded, List<String> writeFailures, TransportException why) {
        return new BatchRun(false, failure, null, recorded, -1, writeFailures, null, why, null);
    }

    /**
     * Runs {@code input} (made for {@code plan}) against the reading {@code from} of {@code tables}.
     *
     * @param confirmToken the apply --confirm the batch belongs to, or null
     */
    static BatchRun run(ApplyScript script, String host, HostPlan plan, HostReading from, Collection<TableId> tables,
            ApplyInput input, String confirmToken) throws TransportException, LockHeldException {
        return of(script.run(from.digest(), tables, input.parts(), confirmToken), host, plan, input);
    }

    /** How a run of {@code input} (made for {@code plan}) ended, as {@code outcome} says: apply.sh's or a session's. */
    static BatchRun of(ApplyScript.Outcome outcome, String host, HostPlan plan, ApplyInput input) {
        return of(outcome, host, plan, input, null);
    }

    /**
     * {@link #of(ApplyScript.Outcome, String, HostPlan, ApplyInput)} of a session, whose batch ran against
     * {@code before}, read in the same session: the re-read is told from the lines that changed since when it can be.
     */
    static BatchRun of(ApplyScript.Outcome outcome, String host, HostPlan plan, ApplyInput input, HostReading before) {
        if (outcome instanceof ApplyScript.Stale) return hostChanged();
        if (outcome instanceof ApplyScript.Fatal f) return stoppedBeforeBatch(f.message());
        ApplyScript.Ran ran = (ApplyScript.Ran) outcome;
        ApplyScript.FailedBatch failed = ran.failedBatch();
        BatchFailure failure = failed == null ? null : BatchFailure.of(failed.section(), input.chunk(failed.part()));
        try {
            return ran(failure, ran.after(before), ran.recorded(), ran.batchNanos(), ran.writeFailures(), ran.routeAnswers());
        } catch (OutputException e) {
            return readBackFailed(failure, ran.recorded(), ran.writeFailures(), changedButUnreadable(host, plan, failure, e));
        }
    }

    /**
     * The batch ran (in full, or up to a failing line) but the host cannot be read back, so neither verify
     * nor a rollback can be planned: say plainly that the host was changed and what the batch held.
     */
    private static TransportException changedButUnreadable(String host, HostPlan plan, BatchFailure failure, OutputException unreadable) {
        StringBuilder m = new StringBuilder();
        m.append(host).append(" was changed: its batch ran").append(failure == null ? "" : " until a line failed")
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
}

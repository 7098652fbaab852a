package io.routesync.apply;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.OutputException;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.TableId;
import io.routesync.plan.PlanConflictException;
import io.routesync.plan.Planner;
import io.routesync.transport.ApplyScript;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.PendingConfirmException;
import io.routesync.transport.ScriptParts;
import io.routesync.transport.SessionScript;
import io.routesync.transport.TransportException;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * An apply in one session on the host ({@link SessionScript}): read under the exclusive lock, plan there
 * and then, apply, read back and verify, all in one script run. There is nothing to re-plan: no run of
 * routesync can change the host between the reading and the batch. A failed line or verify is rolled
 * back as {@link Reconciler#apply} does it, in runs of their own. What is written only after the batch
 * (the record, with the reading's fingerprint, and the kept copy) follows the batch's parts: routesync
 * makes it while the batch runs and the host is read again ({@link SessionScript.Responder#later}), and
 * sends no kept copy to a host that keeps that of the same inputs ({@link KeptCopy#inSession}).
 */
public final class SessionApply {
    /**
     * What to apply for a reading: the plan, and what the kernel must answer once it verified (null: the
     * reconciler's own check).
     */
    public record Decision(HostPlan plan, AfterVerify afterVerify, Runnable whileBatchRuns) {
        public Decision(HostPlan plan, AfterVerify afterVerify) {
            this(plan, afterVerify, null);
        }
    }

    /**
     * Decides from what the session read; {@code fingerprint} gives the reading's fingerprint
     * ({@link Planner#fingerprint} of the desired state and ownership the session was given), worked
     * out on other threads from the first time it is asked for (else only once there is a batch, for its
     * record). It throws nothing: a failure (a plan that contradicts the host,
     * a question that says no, a saved plan gone stale) is kept by the decider, which answers null:
     * nothing is applied.
     */
    @FunctionalInterface
    public interface Decider {
        Decision decide(SessionScript.Read read, Supplier<String> fingerprint);
    }

    /** What the session decided, kept while it runs on the answering thread. */
    private static final class Answered {
        volatile HostReading reading;
        volatile Decision decision;
        volatile ApplyInput input;
        /** The reading's fingerprint, started when first needed (the decider's, or a batch's record). */
        private Ahead<String> fingerprint;
        /** The kept copy to send after the batch (null in it: none), made while the batch runs. */
        volatile Ahead<KeptCopy> kept;
        /** The decision's work while the batch runs (null: none, or not started): done before the session's result is. */
        volatile Ahead<Void> meanwhile;
        /** How many late parts were asked for: the kept copy, then the record. */
        int late;
        /** What making the late parts threw (a bug): the batch ran, so it is taken back as after a lost connection. */
        volatile RuntimeException lateFailure;

        synchronized Ahead<String> fingerprint(Supplier<String> work) {
            if (fingerprint == null) fingerprint = Ahead.start("routesync-fingerprint", work);
            return fingerprint;
        }
    }

    private SessionApply() {
    }

    /**
     * Runs the session on {@code reconciler}'s target; {@code decider} plans {@code desired} with
     * {@code ownership} (the fingerprint is worked out from them ahead). {@code extra} asks for the wide reading (null: none),
     * {@code probe} for the management-path probe. Returns the apply's report, a report of no changes when
     * the plan was empty, or null when the decider answered null.
     */
    static ApplyReport run(Reconciler reconciler, DesiredState desired, Ownership ownership, ApplyRecord.Inputs inputs,
            Collection<TableId> extra, boolean probe, Decider decider)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        Collection<TableId> tables = desired.tablesToRead();
        SessionScript session = new SessionScript(reconciler.target(), reconciler.paths(), reconciler.settings().lockWait(),
                reconciler.settings().timeout());
        Answered a = new Answered();
        try {
            return run(reconciler, desired, ownership, inputs, tables, session, a, extra, probe, decider);
        } finally {
            // what the decision does while the batch runs is over before anything after the session is
            if (a.meanwhile != null) a.meanwhile.get();
        }
    }

    private static ApplyReport run(Reconciler reconciler, DesiredState desired, Ownership ownership, ApplyRecord.Inputs inputs,
            Collection<TableId> tables, SessionScript session, Answered a, Collection<TableId> extra,
            boolean probe, Decider decider) throws TransportException, OutputException, LockHeldException, PlanConflictException {
        ApplyScript.Outcome outcome;
        try {
            outcome = session.run(tables, extra, probe, new SessionScript.Responder() {
                @Override
                public ScriptParts respond(SessionScript.Read read) {
                    HostReading reading = read.reading().reading();
                    a.reading = reading;
                    Supplier<String> fingerprint = () -> Planner.fingerprint(desired, reading.observed(), ownership, Ahead.HALVES);
                    Decision asked = decider.decide(read, () -> a.fingerprint(fingerprint).get());
                    Decision d = asked == null || asked.afterVerify() != null ? asked
                            : new Decision(asked.plan(), reconciler.afterVerify(), asked.whileBatchRuns());
                    a.decision = d;
                    if (d == null || d.plan().isEmpty()) return null;
                    // what only a batch needs is made on other threads while it runs and the host is read again (the
                    // plan had both cores): the inputs' digest (a SHA-256 of the state files, for the record and the
                    // kept copy's key) and the kept copy, unless the host keeps that of the same inputs; the reading's
                    // fingerprint for the record. For a 100k-route state each costs about as much as the plan.
                    String hostInputs = read.keptInputs();
                    a.kept = Ahead.start("routesync-kept", () -> {
                        inputs.digest();
                        return reconciler.keptInSession(desired, ownership, reading, hostInputs, inputs);
                    });
                    a.fingerprint(fingerprint);
                    // the record and the kept copy are written after the batch: they follow it, made while it runs
                    ApplyInput input = ApplyInput.build(d.plan(), reading, ownership, tables, tables, null, false).ask(d.afterVerify().flows());
                    a.input = input;
                    return input.parts();
                }

                @Override
                public ScriptParts later() {
                    // the kept copy first (none when the host keeps that of the same inputs), then the record, which
                    // waits for the fingerprint
                    try {
                        int step = a.late++;
                        if (step == 0 && a.decision.whileBatchRuns() != null) {
                            a.meanwhile = Ahead.start("routesync-meanwhile", () -> {
                                a.decision.whileBatchRuns().run();
                                return null;
                            });
                        }
                        if (step == 0) {
                            ScriptParts keep = ApplyInput.kept(a.kept.get());
                            if (keep != null) return keep;
                            step = a.late++;
                        }
                        if (step != 1) return null;
                        Decision d = a.decision;
                        d.plan().offerFingerprint(a.fingerprint(null).get());
                        String record = ApplyRecord.json(reconciler.clock().instant(), reconciler.target().name(), inputs, d.plan(), "apply");
                        return new ScriptParts().add("record", record);
                    } catch (RuntimeException e) {
                        a.lateFailure = e;
                        return null;
                    }
                }
            });
        } catch (PendingConfirmException refused) {
            throw refused;
        } catch (TransportException lost) {
            // before the answer nothing was sent; after it the batch may have run in part: read again and take it back
            if (a.input == null) throw lost;
            return reconciler.afterIncompleteApply(desired, ownership, a.reading, a.decision.plan(), lost, inputs);
        }
        Decision d = a.decision;
        if (d == null) return null;
        if (a.lateFailure != null) {
            TransportException lost = new TransportException("the apply on " + reconciler.target().name() + " could not make its record: "
                    + a.lateFailure, false, a.lateFailure);
            return reconciler.afterIncompleteApply(desired, ownership, a.reading, d.plan(), lost, inputs);
        }
        if (outcome == null) return ApplyReport.notRun(ApplyReport.Outcome.NO_CHANGES, d.plan(), a.reading);
        BatchRun run = BatchRun.of(outcome, reconciler.target().name(), d.plan(), a.input, a.reading);
        // the script stopped before its batch (a file it could not write, an unsafe directory): not a lost connection
        if (run.fatal() != null) throw new TransportException(run.fatal(), false);
        run = run.orReadAgain(() -> reconciler.observe(desired));
        return reconciler.verified(desired, ownership, a.reading, d.plan(), run, inputs, d.afterVerify());
    }
}

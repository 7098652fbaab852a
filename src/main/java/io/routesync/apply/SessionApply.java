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
 * makes it while the batch runs and the host is read again ({@link SessionScript.Responder#later}).
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
     * out on another thread meanwhile. It throws nothing: a failure (a plan that contradicts the host,
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
        volatile Ahead<String> fingerprint;
        /** The decision's work while the batch runs (null: none, or not started): done before the session's result is. */
        volatile Ahead<Void> meanwhile;
        /** How many late parts were asked for: the kept copy, then the record. */
        int late;
        /** What making the late parts threw (a bug): the batch ran, so it is taken back as after a lost connection. */
        volatile RuntimeException lateFailure;
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
        // what only a batch needs is worked out on other threads meanwhile: the kept copy of the desired state
        // (its YAML and digest) and the digest of the inputs while the host is read, the fingerprint of what was
        // read while the plan is made; for a 100k-route state each costs about as much as the plan (when nothing
        // is to change, that work is dropped)
        Ahead<KeptCopy.Rendered> kept = Ahead.start("routesync-kept", () -> {
            inputs.digest();
            return reconciler.keptText(desired, ownership, inputs);
        });
        try {
            return run(reconciler, desired, ownership, inputs, tables, session, a, kept, extra, probe, decider);
        } finally {
            // what the decision does while the batch runs is over before anything after the session is
            if (a.meanwhile != null) a.meanwhile.get();
        }
    }

    private static ApplyReport run(Reconciler reconciler, DesiredState desired, Ownership ownership, ApplyRecord.Inputs inputs,
            Collection<TableId> tables, SessionScript session, Answered a, Ahead<KeptCopy.Rendered> kept, Collection<TableId> extra,
            boolean probe, Decider decider) throws TransportException, OutputException, LockHeldException, PlanConflictException {
        ApplyScript.Outcome outcome;
        try {
            outcome = session.run(tables, extra, probe, new SessionScript.Responder() {
                @Override
                public ScriptParts respond(SessionScript.Read read) {
                    HostReading reading = read.reading().reading();
                    a.reading = reading;
                    a.fingerprint = Ahead.start("routesync-fingerprint", () -> Planner.fingerprint(desired, reading.observed(), ownership, Ahead.HALVES));
                    Decision asked = decider.decide(read, a.fingerprint::get);
                    Decision d = asked == null || asked.afterVerify() != null ? asked
                            : new Decision(asked.plan(), reconciler.afterVerify(), asked.whileBatchRuns());
                    a.decision = d;
                    if (d == null || d.plan().isEmpty()) return null;
                    // the record and the kept copy are written after the batch: they follow it, made while it runs
                    ApplyInput input = ApplyInput.build(d.plan(), reading, ownership, tables, tables, null, false).ask(d.afterVerify().flows());
                    a.input = input;
                    return input.parts();
                }

                @Override
                public ScriptParts later() {
                    // the kept copy first (made since the start), then the record, which waits for the fingerprint
                    try {
                        int step = a.late++;
                        if (step == 0 && a.decision.whileBatchRuns() != null) {
                            a.meanwhile = Ahead.start("routesync-meanwhile", () -> {
                                a.decision.whileBatchRuns().run();
                                return null;
                            });
                        }
                        if (step == 0) {
                            KeptCopy.Rendered text = kept.get();
                            ScriptParts keep = ApplyInput.kept(text == null ? null : text.forHost(a.reading.keptDigest()));
                            if (keep != null) return keep;
                            step = a.late++;
                        }
                        if (step != 1) return null;
                        Decision d = a.decision;
                        d.plan().offerFingerprint(a.fingerprint.get());
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

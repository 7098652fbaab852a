package io.routesync.run;

import io.routesync.apply.ApplySafety;
import io.routesync.apply.GuardedApply;
import io.routesync.apply.KernelExpectations;
import io.routesync.apply.LiveExpectations;
import io.routesync.apply.PlannedExpectations;
import io.routesync.apply.Reconciler;
import io.routesync.apply.SavedTargets;
import io.routesync.apply.SessionApply;
import io.routesync.config.state.KeptChecks;
import io.routesync.iproute2.HostReading;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.ExpectationRun;
import io.routesync.model.HostPlan;
import io.routesync.saved.SavedHost;
import io.routesync.transport.HostReader;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.SshConnections;
import io.routesync.transport.Target;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One host's part of a fleet run: the same {@link Reconciler} flow as a single-host run (observe,
 * plan; apply with stale re-plan, verify and rollback, guarded as {@link GuardedApply} says), with
 * every failure kept in the {@link HostRun} instead of thrown, so one host never stops the others.
 */
public final class HostJob {
    private final HostSpec spec;
    private final Reconciler reconciler;
    private final Clock clock;

    public HostJob(HostSpec spec, Target target, Reconciler.Settings settings, Clock clock) {
        this.spec = spec;
        this.reconciler = new Reconciler(target, spec.paths(), settings, clock).withKeptChecks(KeptChecks.of(spec.loaded()));
        this.clock = clock;
    }

    /** A job reaching the host over the run's ssh connections, or locally for ansible_connection local. */
    public static HostJob of(HostSpec spec, SshConnections connections, Reconciler.Settings settings) {
        Target target = spec.local() ? LocalTarget.host() : connections.target(spec.name(), spec.ssh());
        return new HostJob(spec, target, settings, Clock.systemUTC());
    }

    public HostSpec spec() {
        return spec;
    }

    /** The target this job reaches (a wrapper, such as a session started early, included). */
    public Target target() {
        return reconciler.target();
    }

    /** Reads the host (one round trip) and plans it. */
    public HostRun plan() {
        HostReading reading = null;
        try {
            // with expectations, the tables their flows reach are read in the same round trip
            HostReading wide = null;
            if (spec.loaded().expectations().isEmpty()) {
                reading = reconciler.observe(spec.loaded().state());
            } else {
                HostReader.Wide both = PlannedExpectations.observe(reconciler, spec.loaded().state());
                reading = both.reading();
                wide = both.wide();
            }
            HostPlan plan = reconciler.plan(spec.loaded().state(), reading, spec.ownership());
            List<ExpectationRun.Compared> expectations = PlannedExpectations.check(reconciler.target().name(), wide, plan,
                    spec.loaded().expectations(), spec.loaded().names());
            return HostRun.planned(spec, reading, plan, expectations);
        } catch (Exception | Error e) {
            // a host that was read but cannot be planned keeps its reading: what it warned about still shows
            return HostRun.notPlanned(spec, reading, HostFailure.of(e, false));
        }
    }

    /**
     * {@code routesync test} on this host ({@link LiveExpectations}); a host that cannot be asked keeps its failure.
     */
    public ExpectationTests.HostTest test() {
        try {
            return new ExpectationTests.HostTest(spec, LiveExpectations.test(reconciler, spec.loaded(), spec.ownership()), null);
        } catch (Exception | Error e) {
            return new ExpectationTests.HostTest(spec, List.of(), HostFailure.of(e, false));
        }
    }

    /** This host's result when its plan task threw past {@link #plan} (the fleet run's last resort). */
    public HostRun failed(Throwable thrown) {
        return HostRun.notPlanned(spec, null, HostFailure.of(thrown, false));
    }

    /** This host's result when its apply task threw past {@link #apply}: it may have been changed. */
    public HostRun failed(HostRun planned, Throwable thrown) {
        return HostRun.notApplied(spec, planned.reading(), planned.plan(), List.of(), HostFailure.of(thrown, true), null);
    }

    /**
     * Applies the plan {@code planned} holds, guarded by {@code safety} (management-path check for an
     * ssh host, --confirm). With {@code acceptReplan} a host that changed since it was read gets its
     * new plan applied (and shown through {@code onReplan}); without, it fails with PLAN_CHANGED and
     * nothing is changed. The plans it was re-planned to are in the result.
     */
    public HostRun apply(HostRun planned, boolean acceptReplan, ApplySafety safety) {
        if (planned.failure() != null || planned.plan().isEmpty()) return planned;
        List<HostPlan> replans = new ArrayList<>();
        // after the batch verified, the kernel answers every expectation; an "unchanged" one must get the answer it had when planned
        Reconciler checked = reconciler.withAfterVerify(new KernelExpectations(reconciler.target(), spec.paths(),
                ExpectationRun.pinned(planned.expectations()), reconciler.settings().timeout()));
        GuardedApply guarded = new GuardedApply(checked, clock, safety, spec.loaded().probes(), spec.loaded().routeProbes());
        try {
            GuardedApply.Outcome o = guarded.apply(spec.loaded().state(), spec.ownership(), planned.reading(), planned.plan(),
                    spec.inputs(), acceptReplan, replans::add);
            if (o.refusal() != null) {
                return HostRun.notApplied(spec, planned.reading(), planned.plan(), replans, HostFailure.refused(spec.name(), o.refusal()), o.note());
            }
            return HostRun.applied(spec, planned.reading(), planned.plan(), o.report(), replans, o.confirm(), o.note());
        } catch (Exception | Error e) {
            return HostRun.notApplied(spec, planned.reading(), planned.plan(), replans, HostFailure.of(e, guarded.touched()), null);
        }
    }

    /** A check on a host's plan with changes before it is applied in its session ({@link #converge}); throwing applies nothing. */
    @FunctionalInterface
    public interface Gate<E extends Exception> {
        void check(HostRun planned) throws E;
    }

    /** A gate that lets every plan through (--auto-approve). */
    public static final Gate<RuntimeException> OPEN = planned -> { };

    /**
     * How a host's session ended: its plan ({@code planned}, as {@link #plan} gives it), its result
     * ({@code applied}: as {@link #apply} gives it, or {@code planned} when there was nothing to apply),
     * and what the gate threw ({@code stopped}, else null: then nothing was applied).
     */
    public record Converged(HostRun planned, HostRun applied, Exception stopped) {
    }

    /**
     * Reads, plans and applies the host in one session on it ({@link GuardedApply#converge}): what
     * {@link #plan} then {@link #apply} do, in one round trip, and never a plan of an older reading. A
     * plan with changes passes {@code gate} first, as {@link Pipeline#apply} asks only then. Not with --confirm ({@link #plan} and {@link #apply} then).
     */
    public Converged converge(ApplySafety safety, Gate<?> gate) {
        return converge(safety, gate, true);
    }

    /**
     * {@link #converge(ApplySafety, Gate)}; without {@code simulate}, the expectations are not simulated
     * before the batch (no wide reading: the tables the flows reach are not read), only answered by the
     * kernel after it, and an {@code unchanged} flow, which compares the host before and after a plan,
     * is not asked. A watch heal converges so: the desired state it restores was simulated when it was
     * loaded, and a drifted host is no "before" to keep a flow unchanged from.
     */
    public Converged converge(ApplySafety safety, Gate<?> gate, boolean simulate) {
        return converge(safety, gate, simulate, null);
    }

    /**
     * {@link #converge(ApplySafety, Gate, boolean)}, handing the plan with changes to {@code shown} (null:
     * nobody) while its batch runs: as it is in the result, and before the result is returned.
     */
    public Converged converge(ApplySafety safety, Gate<?> gate, boolean simulate, Consumer<HostRun> shown) {
        HostSpec s = spec;
        // what the session decided, on its answering thread: read once it ended
        var seen = new Object() {
            volatile HostReading reading;
            volatile HostPlan plan;
            volatile List<ExpectationRun.Compared> expectations = List.of();
            volatile Throwable failure;
            volatile Exception stopped;
        };
        SessionApply.Decider decider = (read, fingerprint) -> {
            try {
                seen.reading = read.reading().reading();
                HostPlan plan = reconciler.plan(s.loaded().state(), seen.reading, s.ownership());
                if (simulate) {
                    seen.expectations = PlannedExpectations.check(reconciler.target().name(), read.reading().wide(), plan,
                            s.loaded().expectations(), s.loaded().names());
                }
                seen.plan = plan;
            } catch (Exception | Error e) {
                seen.failure = e;
                return null;
            }
            try {
                if (!seen.plan.isEmpty()) gate.check(HostRun.planned(s, seen.reading, seen.plan, seen.expectations));
            } catch (Exception e) {
                seen.stopped = e;
                return null;
            }
            List<Expectation> asked = simulate ? ExpectationRun.pinned(seen.expectations) : s.loaded().expectations();
            Runnable meanwhile = shown == null ? null : () -> shown.accept(HostRun.planned(s, seen.reading, seen.plan, seen.expectations));
            return new SessionApply.Decision(seen.plan, new KernelExpectations(reconciler.target(), s.paths(), asked,
                    reconciler.settings().timeout()), meanwhile);
        };
        GuardedApply guarded = new GuardedApply(reconciler, clock, safety, s.loaded().probes(), s.loaded().routeProbes());
        GuardedApply.Outcome o;
        try {
            o = guarded.converge(s.loaded().state(), s.ownership(), s.inputs(),
                    !simulate || s.loaded().expectations().isEmpty() ? null : PlannedExpectations.extraTables(s.loaded().state()), decider);
        } catch (Exception | Error e) {
            if (seen.plan == null) {
                HostRun failed = HostRun.notPlanned(s, seen.reading, HostFailure.of(e, false));
                return new Converged(failed, failed, null);
            }
            HostRun planned = HostRun.planned(s, seen.reading, seen.plan, seen.expectations);
            return new Converged(planned, HostRun.notApplied(s, seen.reading, seen.plan, List.of(), HostFailure.of(e, guarded.touched()), null),
                    null);
        }
        if (seen.failure != null) {
            // a host that was read but cannot be planned keeps its reading: what it warned about still shows
            HostRun failed = HostRun.notPlanned(s, seen.reading, HostFailure.of(seen.failure, false));
            return new Converged(failed, failed, null);
        }
        HostRun planned = HostRun.planned(s, seen.reading, seen.plan, seen.expectations);
        if (seen.stopped != null) return new Converged(planned, planned, seen.stopped);
        if (seen.plan.isEmpty()) return new Converged(planned, planned, null);
        if (o.refusal() != null) {
            return new Converged(planned, HostRun.notApplied(s, seen.reading, seen.plan, List.of(), HostFailure.refused(s.name(), o.refusal()),
                    o.note()), null);
        }
        return new Converged(planned, HostRun.applied(s, seen.reading, seen.plan, o.report(), List.of(), null, o.note()), null);
    }

    /**
     * What {@code plan --out} saves of a host that was planned: where it was read (so {@code apply FILE}
     * reaches it the same way), the desired state, the plan with its fingerprint, and the expectations
     * the kernel must meet after the batch, as {@link #apply} checks them (an {@code unchanged} flow
     * pinned to the answer the live host gave now).
     */
    public SavedHost saved(HostRun planned) {
        if (planned.failure() != null) throw new IllegalArgumentException(spec.name() + " was not planned");
        return new SavedHost(spec.name(), SavedTargets.describe(reconciler.target(), reconciler.paths()), spec.ownership().protocolTag(),
                planned.reading().digest(), spec.loaded().state(), planned.plan(), spec.loaded().probes(),
                ExpectationRun.pinned(planned.expectations()), spec.loaded().routeProbes());
    }
}

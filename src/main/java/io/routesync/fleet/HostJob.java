package io.routesync.fleet;

import io.routesync.apply.ApplyReport;
import io.routesync.apply.Reconciler;
import io.routesync.model.HostPlan;
import io.routesync.parse.HostReading;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.SshConnections;
import io.routesync.transport.Target;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One host's part of a fleet run: the same {@link Reconciler} flow as a single-host run (observe,
 * plan; apply with stale re-plan, verify and rollback), with every failure kept in the
 * {@link HostRun} instead of thrown, so one host never stops the others.
 */
public final class HostJob {
    private final HostSpec spec;
    private final Reconciler reconciler;

    public HostJob(HostSpec spec, Target target, Reconciler.Settings settings, Clock clock) {
        this.spec = spec;
        this.reconciler = new Reconciler(target, spec.paths(), settings, clock);
    }

    /** A job reaching the host over the run's ssh connections, or locally for ansible_connection local. */
    public static HostJob of(HostSpec spec, SshConnections connections, Reconciler.Settings settings) {
        Target target = spec.local() ? LocalTarget.host() : connections.target(spec.name(), spec.ssh());
        return new HostJob(spec, target, settings, Clock.systemUTC());
    }

    public HostSpec spec() {
        return spec;
    }

    /** Reads the host (one round trip) and plans it. */
    public HostRun plan() {
        try {
            HostReading reading = reconciler.observe(spec.loaded().state());
            return HostRun.planned(spec, reading, reconciler.plan(spec.loaded().state(), reading, spec.ownership()));
        } catch (Exception e) {
            return HostRun.failed(spec, HostFailure.of(e, false));
        }
    }

    /**
     * Applies the plan {@code planned} holds. With {@code acceptReplan} a host that changed since it was
     * read gets its new plan applied (and shown through {@code onReplan}); without, it fails with
     * PLAN_CHANGED and nothing is changed, as for a single host.
     */
    public HostRun apply(HostRun planned, boolean acceptReplan, Consumer<HostPlan> onReplan) {
        if (planned.failure() != null || planned.plan().isEmpty()) return planned;
        List<HostPlan> replans = new ArrayList<>();
        try {
            ApplyReport report = reconciler.apply(spec.loaded().state(), spec.ownership(), planned.reading(), planned.plan(), spec.inputs(),
                    acceptReplan, replanned -> {
                        replans.add(replanned);
                        onReplan.accept(replanned);
                    });
            return new HostRun(spec, planned.reading(), planned.plan(), report, replans, null);
        } catch (Exception e) {
            return new HostRun(spec, planned.reading(), planned.plan(), null, replans, HostFailure.of(e, true));
        }
    }
}

package io.routesync.run;

import io.routesync.apply.ApplyRecord;
import io.routesync.apply.ApplySafety;
import io.routesync.apply.DataPaths;
import io.routesync.apply.GuardedApply;
import io.routesync.apply.KernelExpectations;
import io.routesync.apply.Reconciler;
import io.routesync.apply.SavedPlanApplier;
import io.routesync.apply.SavedTargets;
import io.routesync.config.state.KeptChecks;
import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.OutputException;
import io.routesync.model.Ownership;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.plan.PlanConflictException;
import io.routesync.saved.PlanFileException;
import io.routesync.saved.SavedHost;
import io.routesync.saved.SavedPlan;
import io.routesync.saved.SavedTarget;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One host of {@code apply FILE}: reached as the plan file recorded it, re-read, and given exactly the
 * saved changes only while its owned state is as it was planned ({@link SavedPlanApplier}), guarded
 * like every apply ({@link GuardedApply}), its saved expectations answered by the kernel after the batch. A stale or refused host is a failed {@link HostRun} with
 * nothing applied there.
 */
public final class SavedHostJob {

    /** Reaches a saved host: the run's ssh connections and options for ssh hosts. */
    @FunctionalInterface
    public interface Reach {
        Target open(SavedHost host) throws TransportException;
    }

    private final SavedHost saved;
    private final HostSpec spec;
    private final Reach reach;
    private final Reconciler.Settings settings;
    private final Clock clock;

    /** @param inputs what the apply records name as the inputs: the plan file's, not the host's files now */
    public SavedHostJob(SavedHost saved, ApplyRecord.Inputs inputs, Reach reach, Reconciler.Settings settings, Clock clock) {
        this.saved = saved;
        this.spec = spec(saved, inputs);
        this.reach = reach;
        this.settings = settings;
        this.clock = clock;
    }

    public HostSpec spec() {
        return spec;
    }

    public SavedHost saved() {
        return saved;
    }

    /** Applies the host's saved plan; every failure is kept in the result. */
    public HostRun apply(ApplySafety safety) {
        GuardedApply guarded = null;
        try {
            guarded = guarded(safety);
            return result(guarded.applySaved(saved, spec.inputs()));
        } catch (Exception | Error e) {
            return HostRun.notApplied(spec, null, saved.plan(), List.of(), HostFailure.of(e, guarded != null && guarded.touched()), null);
        }
    }

    /** This host's result when its apply task threw past {@link #apply} (the fleet run's last resort): it may have been changed. */
    public HostRun failed(Throwable thrown) {
        return HostRun.notApplied(spec, null, saved.plan(), List.of(), HostFailure.of(thrown, true), null);
    }

    /** The same for a plan file of one host, which reads like a single-host apply: failures to reach or read it are thrown. */
    public SavedPlanApplier.Result applyOrThrow(ApplySafety safety)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        return guarded(safety).applySaved(saved, spec.inputs());
    }

    private GuardedApply guarded(ApplySafety safety) throws TransportException {
        Reconciler plain = new Reconciler(reach.open(saved), spec.paths(), settings, clock);
        // after the batch verified, the kernel answers the saved flows, as apply -f asks it: a mismatch rolls the host back
        Reconciler reconciler = plain.withAfterVerify(new KernelExpectations(plain.target(), spec.paths(), saved.expectations(),
                settings.timeout()))
                // the kept state keeps the plan's probes (route probes too); its flows are pinned to the answers of plan time, not kept
                .withKeptChecks(KeptChecks.of(spec.loaded()));
        return new GuardedApply(reconciler, clock, safety, saved.probes(), saved.routeProbes());
    }

    private HostRun result(SavedPlanApplier.Result r) {
        switch (r.status()) {
            case STALE:
            case REFUSED:
                return HostRun.notApplied(spec, null, saved.plan(), List.of(), HostFailure.refused(spec.name(), r.message()), null);
            case NO_CHANGES:
            case APPLIED:
            case FAILED:
                return HostRun.applied(spec, null, saved.plan(), r.report(), List.of(), r.confirm(), null);
            default:
                throw new AssertionError(r.status());
        }
    }

    /**
     * Checks the paths and ssh settings a plan file names before any host is reached: they are data,
     * held to {@link DataPaths} (data never picks where a file is written), so a bad one is the plan
     * file's error rather than a failure half way through a run.
     */
    public static SavedPlan checkTargets(SavedPlan plan) throws PlanFileException {
        for (int i = 0; i < plan.hosts().size(); i++) {
            SavedHost h = plan.hosts().get(i);
            try {
                SavedTarget t = h.target();
                DataPaths.checkSaved(t.etcDir(), t.stateDir(), t.lockFile(), t.netns());
                SavedTargets.paths(t);
                if (t.kind() == SavedTarget.Kind.SSH) SavedTargets.settings(t);
            } catch (IllegalArgumentException e) {
                throw new PlanFileException("hosts[" + i + "] (" + h.name() + ").target: " + e.getMessage(), e);
            }
        }
        return plan;
    }

    /** The host as a fleet run shows it: its name, and the names of the saved desired state to print its plan with. */
    private static HostSpec spec(SavedHost saved, ApplyRecord.Inputs inputs) {
        Map<String, TableId> tables = new HashMap<>();
        for (TableName t : saved.desired().tableNames()) tables.put(t.name(), t.id());
        Names names = Names.builtin().withProtocol(Ownership.PROTOCOL_NAME, saved.protocolTag()).withTables(tables);
        SavedTarget t = saved.target();
        return new HostSpec(saved.name(), t.kind() == SavedTarget.Kind.SSH ? SavedTargets.settings(t) : null, SavedTargets.paths(t),
                new LoadedState(saved.desired(), names, List.of(), saved.probes(), List.of(), saved.routeProbes()), saved.ownership(), inputs);
    }
}

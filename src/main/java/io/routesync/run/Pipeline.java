package io.routesync.run;

import io.routesync.apply.ApplySafety;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * What {@code plan} and {@code apply} do, for one host as for a fleet: a single host ({@code -f},
 * {@code --netns}) is a run of one job, an inventory a run of many, a plan file a run of its hosts.
 *
 * <ul>
 *   <li>{@link #plan}: every host read (one round trip) and planned, {@code forks} at a time;</li>
 *   <li>{@link #apply}: the plan phase; if any host has changes, the {@link Approval} (the one
 *       question, or --auto-approve); then every host with changes applied, each guarded by the
 *       run's {@link ApplySafety} (management-path check, --confirm), verified, and rolled back on
 *       failure ({@link HostJob#apply});</li>
 *   <li>{@link #applySaved}: the saved hosts of a plan file, each re-read and given exactly its saved
 *       changes unless it changed since ({@link SavedHostJob}).</li>
 * </ul>
 * A host's failure is kept in its {@link HostRun}, never thrown: one host never stops the others.
 * Views follow the run through its {@link RunListener}; the {@link RunResult} says where it ended.
 */
public final class Pipeline {

    /** Lets the apply phase start once the plans are known; throwing stops the run with nothing applied. */
    @FunctionalInterface
    public interface Approval<E extends Exception> {
        void approve(RunResult planned) throws E;
    }

    private Pipeline() {
    }

    public static RunResult plan(List<HostJob> jobs, int forks, RunListener listener) throws InterruptedException {
        return phase(Phase.PLAN, jobs.size(), forks, i -> jobs.get(i).plan(), (i, thrown) -> jobs.get(i).failed(thrown), listener);
    }

    /**
     * Plans, asks, applies. {@code acceptReplan}: a host that changed between its read and its apply is
     * re-planned and the new plan applied (shown in its result); otherwise it fails with nothing changed.
     * Returns the plan phase's result when no host has changes (nothing was asked or applied).
     */
    public static <E extends Exception> RunResult apply(List<HostJob> jobs, int forks, boolean acceptReplan, ApplySafety safety,
            Approval<E> approval, RunListener listener) throws E, InterruptedException {
        RunResult planned = plan(jobs, forks, listener);
        if (!planned.anyChanged()) return planned;
        approval.approve(planned);
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (planned.hosts().get(i).status() == HostRun.Status.CHANGED) changed.add(i);
        }
        RunResult applied = phase(Phase.APPLY, changed.size(), forks,
                k -> jobs.get(changed.get(k)).apply(planned.hosts().get(changed.get(k)), acceptReplan, safety),
                (k, thrown) -> jobs.get(changed.get(k)).failed(planned.hosts().get(changed.get(k)), thrown), listener);
        // hosts without changes, or that could not be planned, end as they were planned
        List<HostRun> all = new ArrayList<>(planned.hosts());
        for (int k = 0; k < changed.size(); k++) all.set(changed.get(k), applied.hosts().get(k));
        return new RunResult(all);
    }

    public static RunResult applySaved(List<SavedHostJob> jobs, int forks, ApplySafety safety, RunListener listener)
            throws InterruptedException {
        return phase(Phase.APPLY, jobs.size(), forks, i -> jobs.get(i).apply(safety), (i, thrown) -> jobs.get(i).failed(thrown), listener);
    }

    private static RunResult phase(Phase phase, int count, int forks, IntFunction<HostRun> task,
            BiFunction<Integer, Throwable, HostRun> failed, RunListener listener) throws InterruptedException {
        RunResult result = new RunResult(ParallelRun.run(count, forks, task, failed, new ParallelRun.Listener<HostRun>() {
            @Override
            public void progress(int done, int running, int total) {
                listener.progress(phase, done, running, total);
            }

            @Override
            public void next(int index, HostRun run) {
                listener.host(phase, run);
            }
        }));
        listener.phaseEnded(phase, result);
        return result;
    }
}

package io.routesync.run;

import io.routesync.apply.ApplySafety;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Consumer;
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
 * With a {@link Rollout} (--serial) the apply phase runs once per batch of the hosts to apply, each
 * batch finished (verified, confirmed) before the next; a batch with more failures than --max-fail
 * stops the run, and the hosts of the batches after it are left untouched (never contacted again).
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

    /** {@link #apply(List, int, boolean, ApplySafety, Rollout, Approval, RunListener)} in one batch. */
    public static <E extends Exception> RunResult apply(List<HostJob> jobs, int forks, boolean acceptReplan, ApplySafety safety,
            Approval<E> approval, RunListener listener) throws E, InterruptedException {
        return apply(jobs, forks, acceptReplan, safety, null, approval, listener);
    }

    /**
     * Plans, asks, applies (in the batches of {@code rollout}; null: all at once). {@code acceptReplan}:
     * a host that changed between its read and its apply is re-planned and the new plan applied (shown
     * in its result); otherwise it fails with nothing changed. Returns the plan phase's result when no
     * host has changes (nothing was asked or applied).
     */
    public static <E extends Exception> RunResult apply(List<HostJob> jobs, int forks, boolean acceptReplan, ApplySafety safety,
            Rollout rollout, Approval<E> approval, RunListener listener) throws E, InterruptedException {
        RunResult planned = plan(jobs, forks, listener);
        if (!planned.anyChanged()) return planned;
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (planned.hosts().get(i).status() == HostRun.Status.CHANGED) changed.add(i);
        }
        // said before the question, so the one confirmation covers the batches too
        if (rollout != null) listener.rolloutPlanned(rollout, sizes(rollout.slices(changed.size())));
        approval.approve(planned);
        List<HostRun> all = new ArrayList<>(planned.hosts());
        // hosts without changes, or that could not be planned, end as they were planned
        rollout(changed, all, forks, rollout, listener,
                i -> jobs.get(i).apply(planned.hosts().get(i), acceptReplan, safety),
                (i, thrown) -> jobs.get(i).failed(planned.hosts().get(i), thrown));
        return new RunResult(all, rollout);
    }

    /**
     * An apply with no question to wait for (--auto-approve, watch, pull) and without --confirm or
     * --serial: each host read, planned and applied in one session on it ({@link HostJob#converge}), its
     * plan through {@code gate} first. The listener sees what {@link #apply} shows: the plan phase, host
     * by host as their sessions end (a single host's while its batch runs), then the apply phase of the
     * hosts with changes; the result is the same too. What a gate threw is rethrown once every host has ended (nothing was applied on its host).
     */
    public static <E extends Exception> RunResult converge(List<HostJob> jobs, int forks, ApplySafety safety, HostJob.Gate<E> gate,
            RunListener listener) throws E, InterruptedException {
        return converge(jobs, forks, safety, gate, true, listener);
    }

    /** {@link #converge}, with the expectations simulated before the batch or not ({@link HostJob#converge(ApplySafety, HostJob.Gate, boolean)}). */
    public static <E extends Exception> RunResult converge(List<HostJob> jobs, int forks, ApplySafety safety, HostJob.Gate<E> gate,
            boolean simulate, RunListener listener) throws E, InterruptedException {
        // one host: its plan is shown while its batch runs (the output is the same, the wait shorter: a plan of
        // 100k changes takes about as long to print as its verify); many: as their sessions end, in order
        AtomicBoolean shown = new AtomicBoolean();
        Consumer<HostRun> early = jobs.size() != 1 ? null : run -> {
            listener.host(Phase.PLAN, run);
            shown.set(true);
        };
        List<HostJob.Converged> ended = ParallelRun.run(jobs.size(), forks, i -> jobs.get(i).converge(safety, gate, simulate, early), (i, thrown) -> {
            HostRun failed = jobs.get(i).failed(thrown);
            return new HostJob.Converged(failed, failed, null);
        }, new ParallelRun.Listener<HostJob.Converged>() {
            @Override
            public void progress(int done, int running, int total) {
                listener.progress(Phase.APPLY, done, running, total);
            }

            @Override
            public void next(int index, HostJob.Converged run) {
                if (!shown.get()) listener.host(Phase.PLAN, run.planned());
            }
        });
        List<HostRun> plans = new ArrayList<>();
        List<HostRun> all = new ArrayList<>();
        List<HostRun> applied = new ArrayList<>();
        for (HostJob.Converged c : ended) {
            if (c.stopped() != null) throw Pipeline.<E>stoppedBy(c.stopped());
            plans.add(c.planned());
            all.add(c.applied());
        }
        RunResult planned = new RunResult(plans);
        listener.phaseEnded(Phase.PLAN, planned);
        if (!planned.anyChanged()) return planned;
        for (int i = 0; i < ended.size(); i++) {
            if (plans.get(i).status() != HostRun.Status.CHANGED) continue;
            applied.add(all.get(i));
            listener.host(Phase.APPLY, all.get(i));
        }
        listener.phaseEnded(Phase.APPLY, new RunResult(applied));
        return new RunResult(all, null);
    }

    /** A gate's exception, as the type it was declared to throw (anything else it could throw is unchecked). */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E stoppedBy(Exception e) {
        return (E) e;
    }

    /** The saved hosts of a plan file, in the batches of {@code rollout} (null: all at once). */
    public static RunResult applySaved(List<SavedHostJob> jobs, int forks, ApplySafety safety, Rollout rollout, RunListener listener)
            throws InterruptedException {
        List<Integer> every = new ArrayList<>();
        List<HostRun> all = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            every.add(i);
            all.add(HostRun.notApplied(jobs.get(i).spec(), null, jobs.get(i).saved().plan(), List.of(), null, null));
        }
        if (rollout != null) listener.rolloutPlanned(rollout, sizes(rollout.slices(jobs.size())));
        rollout(every, all, forks, rollout, listener, i -> jobs.get(i).apply(safety), (i, thrown) -> jobs.get(i).failed(thrown));
        return new RunResult(all, rollout);
    }

    public static RunResult applySaved(List<SavedHostJob> jobs, int forks, ApplySafety safety, RunListener listener)
            throws InterruptedException {
        return applySaved(jobs, forks, safety, null, listener);
    }

    /**
     * The apply phase over the hosts {@code targets} (indices into {@code all}), batch by batch; each
     * result replaces its host's entry in {@code all}. After a batch that stops the rollout, the hosts of
     * the later batches keep their planned entry, marked as a batch that did not run.
     */
    private static void rollout(List<Integer> targets, List<HostRun> all, int forks, Rollout rollout, RunListener listener,
            IntFunction<HostRun> task, BiFunction<Integer, Throwable, HostRun> failed) throws InterruptedException {
        List<List<Integer>> batches = rollout == null ? List.of(positions(targets.size())) : rollout.slices(targets.size());
        boolean stopped = false;
        for (int b = 0; b < batches.size(); b++) {
            List<Integer> hosts = new ArrayList<>();
            for (int k : batches.get(b)) hosts.add(targets.get(k));
            HostRun.Batch batch = rollout == null ? null : new HostRun.Batch(b + 1, batches.size(), !stopped);
            if (stopped) {
                for (int i : hosts) all.set(i, all.get(i).inBatch(batch));
                continue;
            }
            if (batch != null) listener.batchStarted(batch, hosts.size());
            RunResult applied = phase(Phase.APPLY, hosts.size(), forks, k -> task.apply(hosts.get(k)),
                    (k, thrown) -> failed.apply(hosts.get(k), thrown), listener);
            int failures = 0;
            for (int k = 0; k < hosts.size(); k++) {
                HostRun r = applied.hosts().get(k);
                all.set(hosts.get(k), batch == null ? r : r.inBatch(batch));
                if (r.status() == HostRun.Status.FAILED || r.status() == HostRun.Status.UNREACHABLE) failures++;
            }
            stopped = rollout != null && b + 1 < batches.size() && rollout.stops(failures, hosts.size());
        }
    }

    private static List<Integer> sizes(List<List<Integer>> batches) {
        List<Integer> sizes = new ArrayList<>();
        for (List<Integer> b : batches) sizes.add(b.size());
        return sizes;
    }

    private static List<Integer> positions(int count) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < count; i++) all.add(i);
        return all;
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

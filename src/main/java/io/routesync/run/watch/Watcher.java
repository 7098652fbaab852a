package io.routesync.run.watch;

import io.routesync.apply.ApplyReport;
import io.routesync.apply.ApplySafety;
import io.routesync.apply.Reconciler;
import io.routesync.iproute2.ChangeSyntax;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import io.routesync.model.TableId;
import io.routesync.plan.EntryText;
import io.routesync.run.HostJob;
import io.routesync.run.HostRun;
import io.routesync.run.HostSpec;
import io.routesync.run.LastApplied;
import io.routesync.run.Pipeline;
import io.routesync.transport.IpMonitor;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.TransportException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code routesync watch}: converge once, then follow the kernel's change events (an {@link IpMonitor}
 * on the target) and converge again after each burst that can matter ({@link EventFilter}). No polling:
 * idle, the loop waits on its lock and the monitor's reader blocks on its pipe. Every convergence is a
 * run of one job through {@link Pipeline} (read, plan, apply, verify, roll back, under the target's
 * lock), so a watch never interleaves with an apply or pull from elsewhere. A burst of events gives one
 * convergence: it starts once events paused for {@code quiet}, at most {@code maxDelay} after the first.
 * Owned entries changed back again and again are healed with a growing wait ({@link Backoff}), and the
 * log says so. {@link #reload()} (SIGHUP) reads the desired state again; {@link #stop()} (SIGTERM) ends
 * {@link #run()} once the convergence in progress, if any, is done, with the monitor stopped.
 */
public final class Watcher {
    /** Watch runs on the machine it changes, unattended: nothing to guard, as for pull. */
    private static final ApplySafety UNGUARDED = new ApplySafety(null, false, List.of());
    private static final int MAX_ATTEMPTS = 3;

    /** Timings; {@link #defaults()} for the command. */
    public record Settings(Duration quiet, Duration maxDelay, int freeHeals, Duration backoffBase, Duration backoffCap, Duration window,
                           Duration retry) {
        public static Settings defaults() {
            return new Settings(Duration.ofMillis(50), Duration.ofMillis(200), 2, Duration.ofSeconds(1), Duration.ofMinutes(5),
                    Duration.ofMinutes(1), Duration.ofSeconds(1));
        }
    }

    /** The heal the back-off deferred. */
    private static final class Deferred extends Exception {
        final Backoff.Wait wait;

        Deferred(Backoff.Wait wait) {
            super(null, null, false, false);
            this.wait = wait;
        }
    }

    private final LocalTarget target;
    private final WatchSource source;
    private final Reconciler.Settings run;
    private final Settings settings;
    private final Consumer<WatchEvent> log;
    private final Clock clock;
    private final Backoff backoff;
    private final Wakeups wakeups;
    private volatile Set<TableId> tables = Set.of();
    private HostSpec spec;
    private int failures;

    public Watcher(LocalTarget target, WatchSource source, Reconciler.Settings run, Settings settings, Consumer<WatchEvent> log, Clock clock) {
        this.target = target;
        this.source = source;
        this.run = run;
        this.settings = settings;
        this.log = log;
        this.clock = clock;
        this.backoff = new Backoff(settings.freeHeals(), settings.backoffBase(), settings.backoffCap(), settings.window());
        this.wakeups = new Wakeups(settings);
    }

    /** Reads the desired state again before the next convergence (SIGHUP): at once, or once the source looked again. */
    public void reload() {
        if (!source.lookAgain()) wakeups.reload();
    }

    /** Ends {@link #run()} (SIGTERM): after the convergence in progress, never in the middle of one. */
    public void stop() {
        wakeups.stop();
    }

    /**
     * Watches until {@link #stop()}. Throws what reading the desired state the first time throws, or a
     * {@link TransportException} when the monitor cannot be started; later failures are logged and retried.
     */
    public void run() throws Exception {
        try {
            source.start(wakeups::news);
            use(source.load());
            watch();
        } finally {
            source.close();
        }
    }

    private void watch() throws Exception {
        IpMonitor monitor = startMonitor();
        try {
            log(WatchEvent.Kind.STARTED, "watching " + target.name(), List.of(), -1, -1, "desired state from " + source.describe());
            logNotes();
            converge("start", -1, true, false);
            while (true) {
                Wakeups.Step step = wakeups.next();
                if (step == Wakeups.Step.STOP) break;
                if (step.monitorEnded() != null) {
                    log(WatchEvent.Kind.MONITOR_RESTARTED, "the kernel event monitor ended: " + step.monitorEnded(), List.of(), -1, -1, null);
                    monitor.close();
                    monitor = startMonitor();
                    converge(step.why(), -1, false, false);
                } else if (step == Wakeups.Step.RELOAD) {
                    reloadNow("reload requested", "desired state reloaded");
                } else if (step == Wakeups.Step.NEWS) {
                    logNotes();
                    if (source.changed()) {
                        String why = source.change();
                        reloadNow(why, why);
                    }
                } else {
                    converge(step.why(), step.eventAt(), false, step.linkEvent());
                }
            }
            log(WatchEvent.Kind.STOPPED, "stop requested", List.of(), -1, -1, null);
        } finally {
            monitor.close();
        }
    }

    private IpMonitor startMonitor() throws TransportException {
        wakeups.monitorStarted();
        return IpMonitor.start(target, wakeups.listener(() -> tables));
    }

    /** What the source's background looks found, one line each. */
    private void logNotes() {
        for (WatchSource.Note n : source.notes()) log(n.kind(), n.why(), List.of(), -1, -1, n.detail());
    }

    /**
     * Reads the desired state again, then converges ({@code convergeWhy}: why, for its line) unless that is
     * null; false (logged) when it cannot be read: the previous one stays in force.
     */
    private boolean reloadNow(String why, String convergeWhy) {
        try {
            use(source.load());
        } catch (Exception | Error e) {
            log(WatchEvent.Kind.RELOAD_FAILED, why, List.of(), -1, -1, "the desired state stays as it was: " + e.getMessage());
            return false;
        }
        backoff.reset();
        log(WatchEvent.Kind.RELOADED, why, List.of(), -1, -1, "desired state from " + source.describe());
        if (convergeWhy != null) converge(convergeWhy, -1, true, false);
        return true;
    }

    private void use(HostSpec loaded) {
        spec = loaded;
        tables = loaded.loaded().state().tablesToRead();
    }

    /** The source changed between this convergence's plan and its apply: start over with the new state. */
    private static final class SourceChanged extends Exception {
        SourceChanged() {
            super(null, null, false, false);
        }
    }

    /**
     * One convergence; {@code eventAt} is when the first event of the burst arrived (nanoTime), or -1. A
     * source that changed (an apply or pull from elsewhere kept a new state) is read again first, also when
     * that is found between plan and apply: never is a plan of the old state applied over a newer one. The
     * host is read, planned and healed in one session under its lock ({@link Pipeline#converge}), so it
     * cannot change through another run between the plan and the batch.
     */
    private void converge(String why, long eventAt, boolean sayConverged, boolean linkEvent) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            // a kept state that cannot be read is reported once (its source then counts it as loaded): the old one stays
            if (source.changed()) reloadNow(source.change(), null);
            try {
                convergeOnce(why, eventAt, sayConverged, linkEvent);
                return;
            } catch (SourceChanged again) {
                // read it at the top of the loop
            }
        }
        wakeups.hold(System.nanoTime() + settings.retry().toNanos(), false);
        log(WatchEvent.Kind.FAILED, why, List.of(), -1, -1, "its desired state kept changing between plan and apply ("
                + MAX_ATTEMPTS + " attempts); nothing was changed; retrying in " + settings.retry().toMillis() + " ms");
    }

    /**
     * Throws when the desired state changed between plan and apply and nothing was applied: try again. After a link
     * or address change ({@code linkEvent}) the back-off neither holds the heal back nor counts it: a link
     * that goes down and up again takes its routes with it each time, and they come back each time.
     */
    private void convergeOnce(String why, long eventAt, boolean sayConverged, boolean linkEvent) throws SourceChanged {
        Backoff fights = linkEvent ? null : backoff;
        long t0 = System.nanoTime();
        HostJob job = new HostJob(spec, target, run, clock);
        HostRun result;
        try {
            // the start and a reload (sayConverged) simulate the expectations before the batch, as apply does; a
            // heal restores that state and only asks the kernel after its batch (HostJob.converge): no wide reading
            result = Pipeline.converge(List.of(job), 1, UNGUARDED, planned -> {
                if (source.changed()) throw new SourceChanged();
                HostPlan plan = planned.plan();
                Backoff.Wait wait = fights == null ? null : fights.check(entries(plan), System.nanoTime());
                if (wait != null) throw new Deferred(wait);
            }, sayConverged, (phase, r) -> { }).hosts().get(0);
        } catch (SourceChanged e) {
            throw e;
        } catch (Deferred d) {
            wakeups.hold(d.wait.until(), true);
            log(WatchEvent.Kind.BACKING_OFF, why, List.of(), -1, -1, "'" + d.wait.entry() + "' was changed back " + d.wait.heals()
                    + (d.wait.heals() == 1 ? " time" : " times") + " (another writer?); next heal in "
                    + millis(d.wait.until() - System.nanoTime()) + " ms");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return;
        } catch (Exception e) {
            throw new IllegalStateException(e); // the approval throws only the two above
        }
        long took = millis(System.nanoTime() - t0);
        ApplyReport report = result.report();
        if (result.failure() == null && report != null && report.outcome() == ApplyReport.Outcome.APPLIED
                && report.writeFailures().isEmpty()) {
            failures = 0;
            long end = System.nanoTime();
            if (fights != null) fights.healed(entries(report.applied()), end);
            source.converged();
            log(WatchEvent.Kind.HEALED, why, commands(report.applied()), took, eventAt < 0 ? -1 : millis(end - eventAt), null, result);
        } else if (result.status() == HostRun.Status.OK) {
            failures = 0;
            source.converged();
            if (sayConverged) {
                keepConverged();
                log(WatchEvent.Kind.CONVERGED, why, List.of(), took, -1, null, result);
            }
        } else {
            failures++;
            // the host changed between the batch and its verification: another writer; a round of the fight all the same
            if (fights != null && report != null && report.outcome() == ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK) {
                backoff.healed(entries(report.applied()), System.nanoTime());
            }
            // failures are retried as a fight is backed off: base, doubling, capped
            Duration wait = backoff.delay(failures - 1 + settings.freeHeals());
            wakeups.hold(System.nanoTime() + wait.toNanos(), false);
            log(WatchEvent.Kind.FAILED, why, result.plan() == null ? List.of() : commands(result.plan()), took, -1,
                    result.reason() + "; retrying in " + wait.toMillis() + " ms, or sooner when the kernel reports a change", result);
        }
    }

    /** At the start and after a reload, a target found converged keeps its state for the next boot (see {@link LastApplied}). */
    private void keepConverged() {
        try {
            LastApplied.keepConverged(spec.paths(), spec.loaded(), spec.ownership().protocolTag());
        } catch (IOException e) {
            // the next apply with changes keeps it through its script
        }
    }

    private List<String> commands(HostPlan plan) {
        List<String> out = new ArrayList<>();
        for (Change c : plan.changes()) out.add(ChangeSyntax.command(c, spec.loaded().names(), plan.namesFile()));
        return out;
    }

    /** The entries a plan touches, by their text: what the back-off counts. */
    private static List<String> entries(HostPlan plan) {
        List<String> out = new ArrayList<>();
        if (plan == null) return out;
        for (Change c : plan.changes()) out.add(EntryText.of(c.entry()));
        return out;
    }

    private void log(WatchEvent.Kind kind, String why, List<String> changes, long took, long sinceEvent, String detail) {
        log(kind, why, changes, took, sinceEvent, detail, null);
    }

    /** {@code result}: the convergence's own, for whoever follows the log (the metrics file counts its changes). */
    private void log(WatchEvent.Kind kind, String why, List<String> changes, long took, long sinceEvent, String detail, HostRun result) {
        log.accept(new WatchEvent(clock.instant(), kind, target.name(), why, changes, took, sinceEvent, detail, result));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}

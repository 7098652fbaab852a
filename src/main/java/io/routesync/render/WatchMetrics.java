package io.routesync.render;

import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.run.HostRun;
import io.routesync.run.watch.WatchEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A watch's metrics file, kept up to date from its log: counters for the life of the process (heals,
 * failures, back-offs, changes applied), and the last convergence or back-off as the last run. Fed every
 * event in order; each returns the whole file as it now reads.
 */
public final class WatchMetrics {
    private final Map<String, String> labels;
    private final ChangeTally applied = new ChangeTally();
    private Instant started;
    private long heals;
    private long failures;
    private long backoffs;
    private long fetchFailures;
    private long refusedCommits;
    private long reloadFailures;
    private Instant lastAt;
    private Duration lastTook;
    private String lastResult;
    private HostPlan lastApplied;
    private DesiredState owned;
    private String commit;

    /** {@code labels}: the target's (the namespace, or none). */
    public WatchMetrics(Map<String, String> labels) {
        this.labels = labels;
    }

    /** The metrics file after {@code e}. */
    public String after(WatchEvent e) {
        if (started == null) started = e.time();
        switch (e.kind()) {
            case CONVERGED:
                last(e, "ok", null);
                break;
            case HEALED:
                heals++;
                HostPlan plan = RunMetrics.applied(e.run());
                applied.add(plan);
                last(e, "changed", plan);
                break;
            case FAILED:
                failures++;
                last(e, "failed", null);
                break;
            case BACKING_OFF:
                backoffs++;
                last(e, "backing_off", null);
                break;
            case FETCH_FAILED:
                fetchFailures++;
                break;
            case REFUSED:
                refusedCommits++;
                break;
            case RELOAD_FAILED:
                reloadFailures++;
                break;
            default:
                break; // started, reloaded, the monitor restarted, stopped: the counters as they are
        }
        List<RunMetrics.Target> targets = lastResult == null ? List.of()
                : List.of(new RunMetrics.Target(labels, lastResult, lastApplied, owned, commit));
        boolean success = "ok".equals(lastResult) || "changed".equals(lastResult);
        return MetricsView.text(new RunMetrics("watch", labels, lastAt, lastTook, null, success, targets,
                new RunMetrics.Lifetime(started, heals, failures, backoffs, fetchFailures, refusedCommits, reloadFailures, applied)));
    }

    private void last(WatchEvent e, String result, HostPlan plan) {
        lastAt = e.time();
        lastTook = e.millis() < 0 ? null : Duration.ofMillis(e.millis());
        lastResult = result;
        lastApplied = plan;
        HostRun run = e.run();
        if (run != null && run.spec().loaded() != null) owned = run.spec().loaded().state();
        boolean converged = run != null && (run.status() == HostRun.Status.OK || run.status() == HostRun.Status.CHANGED);
        if (converged && run.spec().inputs() != null) commit = run.spec().inputs().commit();
    }
}

package io.routesync.render;

import io.routesync.apply.ApplyReport;
import io.routesync.apply.ConfirmReport;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.run.HostRun;
import io.routesync.run.RunResult;
import io.routesync.run.pull.PullResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a metrics file says ({@link MetricsView}): the run as a whole, labelled with its {@code command}
 * and target ({@code labels}: the namespace, or none), when it ended ({@code ended}; null: no run yet, a
 * watch just started), how long it took and its exit code (null where they do not apply), and each
 * target's result; for a watch also its counters since it started ({@code watch}, else null).
 */
public record RunMetrics(String command, Map<String, String> labels, Instant ended, Duration took, Integer exitCode, boolean success,
                         List<Target> targets, Lifetime watch) {

    public RunMetrics {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels)); // in order: the file's label order
        targets = List.copyOf(targets);
    }

    /**
     * One target's last result: its labels (the run's, plus {@code host} in a fleet), its result word,
     * the changes applied (null: none), its desired state's entries (null: not read) and the git commit
     * its desired state came from, when the run left it there (else null).
     */
    public record Target(Map<String, String> labels, String result, HostPlan applied, DesiredState owned, String commit) {
    }

    /**
     * A watch's counters since it started: heals, failed convergences, heals put off by the back-off, failed looks at its
     * repository, commits refused, desired states that could not be read again, changes applied.
     */
    public record Lifetime(Instant started, long heals, long failures, long backoffs, long fetchFailures, long refusedCommits,
                           long reloadFailures, ChangeTally applied) {
    }

    /**
     * An apply (or a run of its pipeline): each host of {@code result} as a target, with a {@code host} label when
     * {@code byHost} (an inventory or plan file); without a result (the run stopped before its hosts ended: bad
     * input, no approval), the run's own result from its exit code.
     */
    public static RunMetrics apply(Map<String, String> labels, boolean byHost, RunResult result, int exitCode, Instant ended,
            Duration took) {
        if (result == null) return failed("apply", labels, exitCode, ended, took);
        List<Target> targets = new ArrayList<>();
        for (HostRun h : result.hosts()) {
            Map<String, String> l = labels;
            if (byHost) l = with(labels, "host", h.name());
            boolean converged = h.status() == HostRun.Status.OK || h.status() == HostRun.Status.CHANGED;
            String commit = converged && h.spec().inputs() != null ? h.spec().inputs().commit() : null;
            targets.add(new Target(l, result(h.status()), applied(h), h.spec().loaded() == null ? null : h.spec().loaded().state(), commit));
        }
        return new RunMetrics("apply", labels, ended, took, exitCode, exitCode == 0, targets, null);
    }

    /** A pull: this host (or --netns) as its one target; {@code result} null when the run threw before it ended. */
    public static RunMetrics pull(Map<String, String> labels, PullResult result, int exitCode, Instant ended, Duration took) {
        if (result == null) return failed("pull", labels, exitCode, ended, took);
        HostPlan applied = applied(result.report());
        String commit = result.succeeded() ? result.commit().id() : null;
        Target target = new Target(labels, result(result.outcome()), applied, result.desired(), commit);
        return new RunMetrics("pull", labels, ended, took, exitCode, exitCode == 0, List.of(target), null);
    }

    /** A run that ended with {@code exitCode} before any target's result: the run's labels, the code's result word. */
    public static RunMetrics failed(String command, Map<String, String> labels, int exitCode, Instant ended, Duration took) {
        Target target = new Target(labels, result(exitCode), null, null, null);
        return new RunMetrics(command, labels, ended, took, exitCode, exitCode == 0, List.of(target), null);
    }

    /** The changes a host's apply left in place: none when it failed, was rolled back, or its host undid it (--confirm). */
    static HostPlan applied(HostRun h) {
        if (h == null) return null;
        if (h.confirm() != null && (h.confirm().outcome() == ConfirmReport.Outcome.ROLLED_BACK_BY_HOST
                || h.confirm().outcome() == ConfirmReport.Outcome.ROLLBACK_INCOMPLETE)) {
            return null;
        }
        return applied(h.report());
    }

    static HostPlan applied(ApplyReport report) {
        return report != null && report.outcome() == ApplyReport.Outcome.APPLIED ? report.applied() : null;
    }

    static String result(HostRun.Status status) {
        switch (status) {
            case OK: return "ok";
            case CHANGED: return "changed";
            case FAILED: return "failed";
            case UNREACHABLE: return "unreachable";
            case UNTOUCHED: return "untouched";
            default: throw new AssertionError(status);
        }
    }

    static String result(PullResult.Outcome outcome) {
        switch (outcome) {
            case NO_CHANGES: return "ok";
            case APPLIED: return "changed";
            case SKIPPED_UNCHANGED: return "skipped";
            case REFUSED_UNSIGNED: return "refused_unsigned";
            case REFUSED_REWIND: return "refused_rewind";
            case FAILED: return "failed";
            default: throw new AssertionError(outcome);
        }
    }

    /** A run's result from its exit code alone (docs/exit-codes.md). */
    static String result(int exitCode) {
        switch (exitCode) {
            case 0: return "ok";
            case 64: return "usage_error";
            case 65: return "invalid_input";
            case 69: return "unreachable";
            case 75: return "lock_held";
            default: return "failed";
        }
    }

    static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> l = new LinkedHashMap<>(labels);
        l.put(name, value);
        return l;
    }
}

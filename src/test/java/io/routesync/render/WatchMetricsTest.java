package io.routesync.render;

import static io.routesync.render.MetricsViewTest.ALL;
import static io.routesync.render.MetricsViewTest.ENDED;
import static io.routesync.render.MetricsViewTest.applied;
import static io.routesync.render.MetricsViewTest.spec;
import static io.routesync.testing.PrometheusParser.family;
import static io.routesync.testing.PrometheusParser.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.routesync.apply.ApplyReport;
import io.routesync.git.RepoCommit;
import io.routesync.model.HostPlan;
import io.routesync.run.HostFailure;
import io.routesync.run.HostRun;
import io.routesync.run.pull.PullResult;
import io.routesync.run.watch.WatchEvent;
import io.routesync.testing.PrometheusParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A watch's metrics count for the life of the process; a pull's say the commit it left the host at. */
class WatchMetricsTest {
    private static final Map<String, String> NETNS = Map.of("netns", "edge");

    @Test
    void aWatchCountsHealsFailuresAndBackoffsAcrossItsActions() {
        WatchMetrics metrics = new WatchMetrics(NETNS);
        String started = metrics.after(event(0, WatchEvent.Kind.STARTED, -1, null));
        List<PrometheusParser.Family> first = PrometheusParser.parse(started);
        assertEquals(0, value(first, "routesync_drift_heals", NETNS));
        assertFalse(first.stream().anyMatch(f -> f.name().equals("routesync_last_run_timestamp_seconds")), "no convergence yet");

        HostRun converged = new HostRun(spec("netns edge", null), null, new HostPlan(List.of(), "f"), null, List.of(), null);
        metrics.after(event(1, WatchEvent.Kind.CONVERGED, 20, converged));
        metrics.after(event(2, WatchEvent.Kind.HEALED, 30, applied(spec("netns edge", null), ALL)));
        metrics.after(event(3, WatchEvent.Kind.BACKING_OFF, -1, null));
        HostRun failed = new HostRun(spec("netns edge", null), null, ALL, ApplyReport.rolledBack(ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK,
                ALL, null, null, null, null), List.of(), null);
        metrics.after(event(4, WatchEvent.Kind.FAILED, 50, failed));
        metrics.after(event(5, WatchEvent.Kind.FAILED, -1, null));
        metrics.after(event(5, WatchEvent.Kind.FETCH_FAILED, -1, null));
        metrics.after(event(5, WatchEvent.Kind.FETCH_FAILED, -1, null));
        metrics.after(event(5, WatchEvent.Kind.REFUSED, -1, null));
        metrics.after(event(5, WatchEvent.Kind.RELOAD_FAILED, -1, null));
        String last = metrics.after(event(6, WatchEvent.Kind.HEALED, 70, applied(spec("netns edge", null), ALL)));

        List<PrometheusParser.Family> parsed = PrometheusParser.parse(last);
        PrometheusParser.Family heals = family(parsed, "routesync_drift_heals");
        assertEquals("counter", heals.type());
        assertEquals("routesync_drift_heals_total", heals.samples().get(0).name());
        assertEquals(2, value(parsed, "routesync_drift_heals", Map.of("command", "watch", "netns", "edge")));
        assertEquals(2, value(parsed, "routesync_watch_failures", NETNS));
        assertEquals(1, value(parsed, "routesync_watch_backoffs", NETNS));
        assertEquals(2, value(parsed, "routesync_watch_fetch_failures", NETNS));
        assertEquals(1, value(parsed, "routesync_watch_refused_commits", NETNS));
        assertEquals(1, value(parsed, "routesync_watch_reload_failures", NETNS));
        assertEquals(2, value(parsed, "routesync_changes_applied", Map.of("kind", "route", "action", "changed")), "both heals, not the rolled back");
        assertEquals(2, value(parsed, "routesync_changes_applied", Map.of("kind", "rule", "action", "added")));
        assertEquals(1, value(parsed, "routesync_last_run_changes", Map.of("kind", "table", "action", "added")), "the last heal's own");
        assertEquals(1, value(parsed, "routesync_last_run_result", Map.of("result", "changed")));
        assertEquals(1, value(parsed, "routesync_last_run_success", NETNS));
        assertEquals(0.07, value(parsed, "routesync_last_run_duration_seconds", NETNS));
        assertEquals(ENDED.toEpochMilli() / 1000.0 + 6, value(parsed, "routesync_last_run_timestamp_seconds", NETNS));
        assertEquals(ENDED.toEpochMilli() / 1000.0, value(parsed, "routesync_watch_start_time_seconds", NETNS));
        assertEquals(2, value(parsed, "routesync_owned_entries", Map.of("kind", "route")));

        List<PrometheusParser.Family> backingOff = PrometheusParser.parse(metrics.after(event(7, WatchEvent.Kind.BACKING_OFF, -1, null)));
        assertEquals(0, value(backingOff, "routesync_last_run_success", NETNS), "drift left in place is not converged");
        assertEquals(1, value(backingOff, "routesync_last_run_result", Map.of("result", "backing_off")));
    }

    @Test
    void aPullSaysTheCommitItLeftTheHostAtAndNothingWhenRefused() {
        RepoCommit commit = new RepoCommit("89abcdef0123456789abcdef0123456789abcdef", "main", "subject", null, null);
        ApplyReport report = ApplyReport.applied(ALL, null, null, -1, List.of());
        PullResult applied = new PullResult(PullResult.Outcome.APPLIED, "edge1", "this host", commit, true, ALL, null, report, null, null,
                List.of(), MetricsViewTest.DESIRED);
        List<PrometheusParser.Family> parsed = PrometheusParser.parse(MetricsView.text(RunMetrics.pull(Map.of(), applied, 0, ENDED,
                Duration.ofMillis(900))));
        assertEquals(1, value(parsed, "routesync_last_commit_info", Map.of("command", "pull", "commit", commit.id())));
        assertEquals(1, value(parsed, "routesync_last_run_changes", Map.of("kind", "rule", "action", "deleted")));
        assertEquals(1, value(parsed, "routesync_owned_entries", Map.of("kind", "table")));
        assertEquals(1, value(parsed, "routesync_last_run_result", Map.of("result", "changed")));

        PullResult refused = new PullResult(PullResult.Outcome.REFUSED_REWIND, "edge1", "this host", commit, true, null, null, null, null,
                new PullResult.Rewind("0000", true, false), List.of(), null);
        List<PrometheusParser.Family> no = PrometheusParser.parse(MetricsView.text(RunMetrics.pull(Map.of(), refused, 1, ENDED, Duration.ZERO)));
        assertEquals(1, value(no, "routesync_last_run_result", Map.of("result", "refused_rewind")));
        assertEquals(0, value(no, "routesync_last_run_success", Map.of()));
        assertFalse(no.stream().anyMatch(f -> f.name().equals("routesync_last_commit_info")), "nothing applied from it");
    }

    private static WatchEvent event(int second, WatchEvent.Kind kind, long millis, HostRun run) {
        return new WatchEvent(ENDED.plusSeconds(second), kind, "netns edge", "why", List.of(), millis, -1,
                run == null || run.failure() != null ? null : "detail", run);
    }
}

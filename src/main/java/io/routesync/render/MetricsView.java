package io.routesync.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The metrics file of apply, pull and watch ({@code --metrics-file}), in Prometheus's text format for
 * node_exporter's textfile collector (docs/metrics.md). Every series carries a {@code command} label, so
 * a pull timer and a watch on one host can share a collector directory without clashing; each metric
 * has one help text whichever command writes it, as the collector requires across files. Families
 * with nothing to say are left out.
 */
public final class MetricsView {
    private static final String GAUGE = "gauge";
    private static final String COUNTER = "counter";

    private MetricsView() {
    }

    public static String text(RunMetrics m) {
        PrometheusText out = new PrometheusText();
        Map<String, String> run = labels(m.command(), m.labels());
        if (m.ended() != null) {
            one(out, "routesync_last_run_timestamp_seconds", GAUGE, "When routesync's last run (a watch: its last action) ended,"
                    + " in seconds since the Unix epoch.",
                    run, m.ended().toEpochMilli() / 1000.0);
            if (m.took() != null) {
                one(out, "routesync_last_run_duration_seconds", GAUGE, "How long routesync's last run (a watch: its last convergence) took.",
                        run, m.took().toMillis() / 1000.0);
            }
            one(out, "routesync_last_run_success", GAUGE, "1 if routesync's last run did what it was asked (exit code 0;"
                    + " a watch: its last action left the target converged), else 0.",
                    run, m.success() ? 1 : 0);
            if (m.exitCode() != null) {
                one(out, "routesync_last_run_exit_code", GAUGE, "The exit code of routesync's last run (docs/exit-codes.md).",
                        run, m.exitCode());
            }
        }
        List<RunMetrics.Target> targets = m.targets();
        family(out, targets, "routesync_last_run_result", "The result of routesync's last run on a target, as the result label;"
                + " the value is always 1.", t -> out.sample("routesync_last_run_result", with(m, t, "result", t.result()), 1));
        family(out, targets, "routesync_last_run_changes", "Changes routesync's last run on a target applied and left in place,"
                + " by kind of entry (rule, route, table name) and action.", t -> {
                    ChangeTally applied = new ChangeTally().add(t.applied());
                    changes(out, "routesync_last_run_changes", labels(m.command(), t.labels()), applied);
                });
        List<RunMetrics.Target> read = targets.stream().filter(t -> t.owned() != null).toList();
        family(out, read, "routesync_owned_entries", "Entries routesync keeps on a target (rules, routes, table names),"
                + " by kind, as its desired state in force says.", t -> {
                    long[] entries = ChangeTally.entries(t.owned());
                    for (int k = 0; k < ChangeTally.KINDS.size(); k++) {
                        out.sample("routesync_owned_entries", with(m, t, "kind", ChangeTally.KINDS.get(k)), entries[k]);
                    }
                });
        List<RunMetrics.Target> committed = targets.stream().filter(t -> t.commit() != null).toList();
        family(out, committed, "routesync_last_commit_info", "The git commit whose desired state routesync's last run left a target"
                + " at, as the commit label; the value is always 1.", t -> out.sample("routesync_last_commit_info", with(m, t, "commit", t.commit()), 1));
        if (m.watch() != null) lifetime(out, run, m.watch());
        return out.text();
    }

    private static void lifetime(PrometheusText out, Map<String, String> run, RunMetrics.Lifetime w) {
        one(out, "routesync_watch_start_time_seconds", GAUGE, "When the running routesync watch started, in seconds since the Unix epoch.",
                run, w.started().toEpochMilli() / 1000.0);
        one(out, "routesync_drift_heals_total", COUNTER, "Convergences of a routesync watch that found drift and healed it"
                + " (changes applied and verified), since the watch started.",
                run, w.heals());
        one(out, "routesync_watch_failures_total", COUNTER, "Convergences of a routesync watch that failed (rolled back,"
                + " lock held, unreadable state), since the watch started.",
                run, w.failures());
        one(out, "routesync_watch_backoffs_total", COUNTER, "Heals a routesync watch put off because the same owned entries"
                + " kept being changed back, since the watch started.",
                run, w.backoffs());
        one(out, "routesync_watch_fetch_failures_total", COUNTER, "Looks of a routesync watch --repo at its repository that"
                + " could not fetch it (the desired state in force stays), since the watch started.",
                run, w.fetchFailures());
        one(out, "routesync_watch_refused_commits_total", COUNTER, "Commits a routesync watch --repo refused (not signed by an"
                + " allowed key, or going back without --allow-rewind), since the watch started.",
                run, w.refusedCommits());
        one(out, "routesync_watch_reload_failures_total", COUNTER, "Desired states a routesync watch could not read again (on"
                + " SIGHUP, or at a new commit), keeping the one in force, since the watch started.",
                run, w.reloadFailures());
        out.family("routesync_changes_applied_total", COUNTER, "Changes a routesync watch applied and left in place, by kind of"
                + " entry (rule, route, table name) and action, since the watch started.");
        changes(out, "routesync_changes_applied_total", run, w.applied());
    }

    /** A family of one sample: its name written once, for the HELP and TYPE lines and the sample. */
    private static void one(PrometheusText out, String name, String type, String help, Map<String, String> labels, double value) {
        out.family(name, type, help);
        out.sample(name, labels, value);
    }

    private static void changes(PrometheusText out, String name, Map<String, String> labels, ChangeTally tally) {
        for (int k = 0; k < ChangeTally.KINDS.size(); k++) {
            for (int a = 0; a < ChangeTally.ACTIONS.size(); a++) {
                if (!ChangeTally.possible(k, a)) continue;
                Map<String, String> l = new LinkedHashMap<>(labels);
                l.put("kind", ChangeTally.KINDS.get(k));
                l.put("action", ChangeTally.ACTIONS.get(a));
                out.sample(name, l, tally.count(k, a));
            }
        }
    }

    /** A gauge family with one or more samples per target; none at all without targets. */
    private static void family(PrometheusText out, List<RunMetrics.Target> targets, String name, String help, Consumer<RunMetrics.Target> each) {
        if (targets.isEmpty()) return;
        out.family(name, GAUGE, help);
        targets.forEach(each);
    }

    private static Map<String, String> labels(String command, Map<String, String> target) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put("command", command);
        l.putAll(target);
        return l;
    }

    private static Map<String, String> with(RunMetrics m, RunMetrics.Target t, String name, String value) {
        Map<String, String> l = labels(m.command(), t.labels());
        l.put(name, value);
        return l;
    }
}

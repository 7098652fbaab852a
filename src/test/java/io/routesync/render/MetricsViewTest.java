package io.routesync.render;

import static io.routesync.testing.PrometheusParser.family;
import static io.routesync.testing.PrometheusParser.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.apply.ApplyRecord;
import io.routesync.apply.ApplyReport;
import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.run.HostFailure;
import io.routesync.run.HostRun;
import io.routesync.run.HostSpec;
import io.routesync.run.Rollout;
import io.routesync.run.RunResult;
import io.routesync.testing.PrometheusParser;
import io.routesync.transport.TargetPaths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metrics file's text: names, types, labels and escaping, read back by Prometheus's own parser where it matters. */
class MetricsViewTest {
    static final Instant ENDED = Instant.parse("2026-12-05T02:00:00.250Z");
    static final Rule RULE = rule("1000:\tfrom 192.168.2.10 lookup 102");
    static final Route DEFAULT = route("default", "via", "192.168.2.1", "dev", "eth1");
    static final Route SUBNET = route("192.168.2.0/24", "dev", "eth1", "scope", "link");
    static final TableName UPLINK = new TableName("uplink2", TableId.of(102));
    static final DesiredState DESIRED = new DesiredState(List.of(UPLINK), Set.of(TableId.of(102)), List.of(RULE), List.of(DEFAULT, SUBNET));
    /** Every kind and action: a table name and a rule added, a route replaced, a route added, a rule deleted. */
    static final HostPlan ALL = new HostPlan(List.of(Change.add(UPLINK), Change.add(RULE), Change.replace(SUBNET, DEFAULT),
            Change.add(SUBNET), Change.delete(rule("900:\tfrom all lookup 102"))), "f");

    @Test
    void labelValuesAndHelpAreEscapedAsTheFormatSays() {
        assertEquals("a\\\\b\\\"c\\nd", PrometheusText.escapeLabel("a\\b\"c\nd"));
        assertEquals("plain-host.example", PrometheusText.escapeLabel("plain-host.example"));
        assertEquals("one \\\\ two\\nthree \"quoted\"", PrometheusText.escapeHelp("one \\ two\nthree \"quoted\""));
        assertEquals("3", PrometheusText.number(3));
        assertEquals("1796436000.25", PrometheusText.number(1796436000.25));
        assertEquals("0.004", PrometheusText.number(0.004));
    }

    @Test
    void aSingleTargetApplyReadsAsThisExactText() {
        HostRun run = applied(spec("netns edge", null), ALL);
        String text = MetricsView.text(RunMetrics.apply(Map.of("netns", "edge"), false, new RunResult(List.of(run)), 0, ENDED,
                Duration.ofMillis(1234)));
        String l = "{command=\"apply\",netns=\"edge\"";
        assertEquals(String.join("\n",
                "# HELP routesync_last_run_timestamp_seconds When routesync's last run (a watch: its last action) ended, in seconds since the Unix epoch.",
                "# TYPE routesync_last_run_timestamp_seconds gauge",
                "routesync_last_run_timestamp_seconds" + l + "} 1796436000.25",
                "# HELP routesync_last_run_duration_seconds How long routesync's last run (a watch: its last convergence) took.",
                "# TYPE routesync_last_run_duration_seconds gauge",
                "routesync_last_run_duration_seconds" + l + "} 1.234",
                "# HELP routesync_last_run_success 1 if routesync's last run did what it was asked (exit code 0; a watch: its last action"
                        + " left the target converged), else 0.",
                "# TYPE routesync_last_run_success gauge",
                "routesync_last_run_success" + l + "} 1",
                "# HELP routesync_last_run_exit_code The exit code of routesync's last run (docs/exit-codes.md).",
                "# TYPE routesync_last_run_exit_code gauge",
                "routesync_last_run_exit_code" + l + "} 0",
                "# HELP routesync_last_run_result The result of routesync's last run on a target, as the result label; the value is always 1.",
                "# TYPE routesync_last_run_result gauge",
                "routesync_last_run_result" + l + ",result=\"changed\"} 1",
                "# HELP routesync_last_run_changes Changes routesync's last run on a target applied and left in place, by kind of entry"
                        + " (rule, route, table name) and action.",
                "# TYPE routesync_last_run_changes gauge",
                "routesync_last_run_changes" + l + ",kind=\"rule\",action=\"added\"} 1",
                "routesync_last_run_changes" + l + ",kind=\"rule\",action=\"deleted\"} 1",
                "routesync_last_run_changes" + l + ",kind=\"route\",action=\"added\"} 1",
                "routesync_last_run_changes" + l + ",kind=\"route\",action=\"changed\"} 1",
                "routesync_last_run_changes" + l + ",kind=\"route\",action=\"deleted\"} 0",
                "routesync_last_run_changes" + l + ",kind=\"table\",action=\"added\"} 1",
                "routesync_last_run_changes" + l + ",kind=\"table\",action=\"deleted\"} 0",
                "# HELP routesync_owned_entries Entries routesync keeps on a target (rules, routes, table names), by kind, as its desired"
                        + " state in force says.",
                "# TYPE routesync_owned_entries gauge",
                "routesync_owned_entries" + l + ",kind=\"rule\"} 1",
                "routesync_owned_entries" + l + ",kind=\"route\"} 2",
                "routesync_owned_entries" + l + ",kind=\"table\"} 1",
                ""), text);
    }

    @Test
    void aFleetHasOneSeriesPerHostAndHostNamesAndCommitsAreDataTheParserReadsBack() {
        String odd = "we\"ird\\host\nname";
        String commit = "0123456789abcdef0123456789abcdef01234567";
        HostRun changed = applied(spec("edge1", commit), ALL);
        HostRun ok = new HostRun(spec(odd, commit), null, new HostPlan(List.of(), "f"), ApplyReport.notRun(ApplyReport.Outcome.NO_CHANGES,
                new HostPlan(List.of(), "f"), null), List.of(), null);
        HostRun unreachable = new HostRun(spec("edge3", commit), null, null, null, List.of(), new HostFailure(true, "ssh: refused", "..."));
        HostRun rolledBack = new HostRun(spec("edge4", commit), null, ALL, ApplyReport.rolledBack(ApplyReport.Outcome.FAILED_ROLLED_BACK,
                ALL, null, null, null, null), List.of(), null);
        HostRun untouched = new HostRun(spec("edge5", commit), null, ALL, null, List.of(), null, null, null, new HostRun.Batch(2, 2, false));
        RunResult result = new RunResult(List.of(changed, ok, unreachable, rolledBack, untouched), Rollout.parse("1", null));
        List<PrometheusParser.Family> parsed = PrometheusParser.parse(MetricsView.text(RunMetrics.apply(Map.of(), true, result, 1, ENDED,
                Duration.ofSeconds(3))));

        assertEquals(ENDED.toEpochMilli() / 1000.0, value(parsed, "routesync_last_run_timestamp_seconds", Map.of("command", "apply")));
        assertEquals(0, value(parsed, "routesync_last_run_success", Map.of("command", "apply")));
        assertEquals(1, value(parsed, "routesync_last_run_exit_code", Map.of()));
        PrometheusParser.Family results = family(parsed, "routesync_last_run_result");
        assertEquals("gauge", results.type());
        assertEquals(List.of(Map.of("command", "apply", "host", "edge1", "result", "changed"),
                Map.of("command", "apply", "host", odd, "result", "ok"),
                Map.of("command", "apply", "host", "edge3", "result", "unreachable"),
                Map.of("command", "apply", "host", "edge4", "result", "failed"),
                Map.of("command", "apply", "host", "edge5", "result", "untouched")),
                results.samples().stream().map(PrometheusParser.Sample::labels).toList());
        assertEquals(1, value(parsed, "routesync_last_run_changes", Map.of("host", "edge1", "kind", "route", "action", "changed")));
        assertEquals(1, value(parsed, "routesync_last_run_changes", Map.of("host", "edge1", "kind", "table", "action", "added")));
        assertEquals(0, value(parsed, "routesync_last_run_changes", Map.of("host", "edge4", "kind", "rule", "action", "added")),
                "rolled back: nothing applied stays");
        assertEquals(0, value(parsed, "routesync_last_run_changes", Map.of("host", "edge5", "kind", "rule", "action", "added")));
        assertEquals(2, value(parsed, "routesync_owned_entries", Map.of("host", odd, "kind", "route")));
        assertEquals(List.of("edge1", odd), family(parsed, "routesync_last_commit_info").samples().stream()
                .map(s -> s.labels().get("host")).toList(), "only the hosts the run left at the commit");
        assertEquals(1, value(parsed, "routesync_last_commit_info", Map.of("host", odd, "commit", commit)));
    }

    @Test
    void aRunThatEndedBeforeItsHostsSaysWhyByItsExitCode() {
        List<PrometheusParser.Family> parsed = PrometheusParser.parse(MetricsView.text(RunMetrics.apply(Map.of("netns", "n\"s"), false, null,
                65, ENDED, Duration.ofMillis(40))));
        assertEquals(1, value(parsed, "routesync_last_run_result", Map.of("netns", "n\"s", "result", "invalid_input")));
        assertEquals(0, value(parsed, "routesync_last_run_success", Map.of()));
        assertEquals(65, value(parsed, "routesync_last_run_exit_code", Map.of()));
        assertEquals(0.04, value(parsed, "routesync_last_run_duration_seconds", Map.of()));
        assertFalse(parsed.stream().anyMatch(f -> f.name().equals("routesync_owned_entries")), "nothing was read");
        assertEquals("lock_held", RunMetrics.result(75));
        assertEquals("unreachable", RunMetrics.result(69));
        assertEquals("usage_error", RunMetrics.result(64));
        assertEquals("failed", RunMetrics.result(1));
    }

    @Test
    void everyHelpTextIsTheSameWhicheverCommandWritesIt() {
        // node_exporter refuses a metric whose help differs between two files of its directory
        String apply = MetricsView.text(RunMetrics.apply(Map.of(), false, new RunResult(List.of(applied(spec("h", "c"), ALL))), 0, ENDED,
                Duration.ZERO));
        String pull = MetricsView.text(RunMetrics.failed("pull", Map.of(), 1, ENDED, Duration.ZERO));
        for (String line : pull.lines().filter(x -> x.startsWith("# ")).toList()) assertTrue(apply.contains(line + "\n"), line);
    }

    static HostRun applied(HostSpec spec, HostPlan plan) {
        return new HostRun(spec, null, plan, ApplyReport.applied(plan, null, null, -1, List.of()), List.of(), null);
    }

    static HostSpec spec(String name, String commit) {
        return new HostSpec(name, null, TargetPaths.of(null, null, null, null), new LoadedState(DESIRED, Names.builtin(), List.of()),
                new Ownership(Set.of(), Ownership.DEFAULT_PROTOCOL_TAG), new ApplyRecord.Inputs("digest", commit, "test"));
    }

    private static Rule rule(String line) {
        try {
            return RuleGrammar.parseShow(line, Family.INET, Names.builtin());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Route route(String... words) {
        try {
            return RouteGrammar.parseAdd(List.of(words), Family.INET, TableId.of(102), Names.builtin(), Ownership.DEFAULT_PROTOCOL_TAG);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.routesync.cli;

import static io.routesync.testing.PrometheusParser.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.git.TestRepo;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.PrometheusParser;
import io.routesync.testing.Shell;
import io.routesync.testing.WatchProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metrics-file} end to end in a namespace: what apply and watch write is read back by
 * Prometheus's own parser and counts what they did; a file that cannot be written is one warning and
 * changes nothing else.
 */
class MetricsNetnsTest {
    private static final List<String> STATE = List.of("-f", "states/dual-uplink.yml", "--var", "uplink2_addr=192.168.2.10",
            "--var", "uplink2_net=192.168.2.0/24", "--var", "uplink2_gw=192.168.2.1");

    @TempDir
    Path dir;
    Netns ns;
    WatchProcess watch;
    Path prom;

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        PrometheusParser.require();
        ns = Netns.create("metrics");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
        Files.createDirectories(dir.resolve("textfile"));
        prom = dir.resolve("textfile/routesync.prom");
    }

    @AfterEach
    void tearDown() {
        try {
            if (watch != null) watch.close();
        } finally {
            if (ns != null) {
                for (long pid : WatchProcess.processesWith(ns.name())) Shell.run("kill", "-9", Long.toString(pid));
                ns.close();
            }
        }
    }

    private List<String> args(String command, List<String> state, Path metrics) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(state);
        all.addAll(List.of("--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.toString(), "--metrics-file", metrics.toString()));
        return all;
    }

    private CliRunner.Result apply(List<String> state, Path metrics) {
        List<String> all = args("apply", state, metrics);
        all.addAll(List.of("--auto-approve", "--no-color"));
        return CliRunner.run(all);
    }

    private Map<String, String> labels(String... more) {
        Map<String, String> l = new java.util.LinkedHashMap<>(Map.of("command", "apply", "netns", ns.name()));
        for (int i = 0; i < more.length; i += 2) l.put(more[i], more[i + 1]);
        return l;
    }

    @Test
    void applyWritesTheChangesItMadeAndTheNextRunThatItFoundNothingToDo() throws Exception {
        CliRunner.Result first = apply(STATE, prom);
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals("", first.err(), first::toString);
        List<PrometheusParser.Family> parsed = PrometheusParser.parse(Files.readString(prom));
        assertEquals(1, value(parsed, "routesync_last_run_result", labels("result", "changed")));
        assertEquals(2, value(parsed, "routesync_last_run_changes", labels("kind", "rule", "action", "added")));
        assertEquals(2, value(parsed, "routesync_last_run_changes", labels("kind", "route", "action", "added")));
        assertEquals(1, value(parsed, "routesync_last_run_changes", labels("kind", "table", "action", "added")));
        assertEquals(0, value(parsed, "routesync_last_run_changes", labels("kind", "route", "action", "deleted")));
        assertEquals(2, value(parsed, "routesync_owned_entries", labels("kind", "route")));
        assertEquals(1, value(parsed, "routesync_last_run_success", labels()));
        double now = System.currentTimeMillis() / 1000.0;
        double at = value(parsed, "routesync_last_run_timestamp_seconds", labels());
        assertTrue(at <= now && at > now - 60, at + " vs " + now);
        assertTrue(value(parsed, "routesync_last_run_duration_seconds", labels()) > 0);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(prom)), "node_exporter runs as its own user");
        try (Stream<Path> files = Files.list(prom.getParent())) {
            assertEquals(List.of(prom), files.toList(), "no temporary file left behind");
        }

        CliRunner.Result again = apply(STATE, prom);
        assertEquals(0, again.exitCode(), again::toString);
        List<PrometheusParser.Family> second = PrometheusParser.parse(Files.readString(prom));
        assertEquals(1, value(second, "routesync_last_run_result", labels("result", "ok")));
        assertEquals(0, value(second, "routesync_last_run_changes", labels("kind", "rule", "action", "added")));

        CliRunner.Result bad = apply(List.of("-f", "states/dual-uplink.yml"), prom);
        assertEquals(65, bad.exitCode(), bad::toString);
        List<PrometheusParser.Family> invalid = PrometheusParser.parse(Files.readString(prom));
        assertEquals(1, value(invalid, "routesync_last_run_result", labels("result", "invalid_input")));
        assertEquals(65, value(invalid, "routesync_last_run_exit_code", labels()));
        assertEquals(0, value(invalid, "routesync_last_run_success", labels()));
    }

    @Test
    void aMetricsFileThatCannotBeWrittenIsOneWarningAndTheRunEndsAsItWould() throws Exception {
        CliRunner.Result intoDirectory = apply(STATE, prom.getParent());
        assertEquals(0, intoDirectory.exitCode(), intoDirectory::toString);
        assertTrue(ns.ip("route", "show", "table", "102").contains("default via 192.168.2.1"), "applied all the same");
        List<String> warnings = intoDirectory.err().lines().toList();
        assertEquals(1, warnings.size(), intoDirectory::toString);
        assertTrue(warnings.get(0).startsWith("warning: cannot write the metrics file " + prom.getParent() + ": it is a directory"), warnings::toString);

        Path elsewhere = dir.resolve("elsewhere");
        Files.writeString(elsewhere, "not for routesync\n");
        Files.createSymbolicLink(prom, elsewhere);
        CliRunner.Result throughLink = apply(STATE, prom);
        assertEquals(0, throughLink.exitCode(), throughLink::toString);
        assertEquals(1, throughLink.err().lines().count(), throughLink::toString);
        assertTrue(throughLink.err().contains("it is a symbolic link"), throughLink::toString);
        assertEquals("not for routesync\n", Files.readString(elsewhere), "a link is never followed");
        assertTrue(Files.isSymbolicLink(prom));
    }

    @Test
    void watchRewritesItsFileAfterEachHealWithCountersForItsLifetime() throws Exception {
        watch = WatchProcess.start(dir, args("watch", STATE, prom));
        watch.await(0, l -> l.startsWith("healed ") && l.contains(": start;"), 30_000);
        List<PrometheusParser.Family> started = until(1);
        Map<String, String> l = Map.of("command", "watch", "netns", ns.name());
        assertEquals(2, value(started, "routesync_changes_applied", Map.of("kind", "rule", "action", "added")));
        assertEquals(0, value(started, "routesync_watch_failures", l));
        Thread.sleep(1000); // the start's own kernel events settle

        ns.ip("route", "replace", "default", "via", "192.168.2.254", "dev", "eth1", "table", "102");
        List<PrometheusParser.Family> healed = until(2);
        assertEquals(1, value(healed, "routesync_changes_applied", Map.of("kind", "route", "action", "changed")));
        assertEquals(2, value(healed, "routesync_changes_applied", Map.of("kind", "route", "action", "added")), "the start's, still counted");
        assertEquals(1, value(healed, "routesync_last_run_changes", Map.of("kind", "route", "action", "changed")), "the last heal's own");
        assertEquals(0, value(healed, "routesync_last_run_changes", Map.of("kind", "rule", "action", "added")));
        assertEquals(1, value(healed, "routesync_last_run_result", Map.of("result", "changed")));
        assertEquals(2, value(healed, "routesync_owned_entries", Map.of("kind", "rule")));
        assertFalse(healed.stream().anyMatch(f -> f.name().equals("routesync_last_run_exit_code")), "a watch has no exit code yet");
        assertEquals("", watch.stderr());
    }

    @Test
    void pullSaysTheCommitItAppliedAndAFailedPullSaysItFailed() throws Exception {
        try (TestRepo repo = TestRepo.init(dir.resolve("remote"))) {
            repo.write("inventory/hosts.yml", PullNetnsTest.INVENTORY).write("states/uplink.yml", PullNetnsTest.state(1000, null));
            String commit = repo.commit("uplink2").name();
            List<String> pull = args("pull", List.of("--repo", "file://" + repo.dir(), "--host", "edge1", "--cache-dir",
                    dir.resolve("cache").toString()), prom);
            CliRunner.Result run = CliRunner.run(pull);
            assertEquals(0, run.exitCode(), run::toString);
            List<PrometheusParser.Family> parsed = PrometheusParser.parse(Files.readString(prom));
            Map<String, String> l = Map.of("command", "pull", "netns", ns.name());
            assertEquals(1, value(parsed, "routesync_last_commit_info", Map.of("command", "pull", "netns", ns.name(), "commit", commit)));
            assertEquals(1, value(parsed, "routesync_last_run_result", Map.of("result", "changed")));
            assertEquals(1, value(parsed, "routesync_last_run_changes", Map.of("kind", "rule", "action", "added")));
            assertEquals(2, value(parsed, "routesync_last_run_changes", Map.of("kind", "route", "action", "added")));
            assertEquals(1, value(parsed, "routesync_owned_entries", Map.of("kind", "table")));
            assertEquals(1, value(parsed, "routesync_last_run_success", l));

            pull.set(pull.indexOf("--host") + 1, "nosuchhost");
            CliRunner.Result failed = CliRunner.run(pull);
            assertEquals(65, failed.exitCode(), failed::toString);
            List<PrometheusParser.Family> after = PrometheusParser.parse(Files.readString(prom));
            assertEquals(1, value(after, "routesync_last_run_result", Map.of("result", "invalid_input")));
            assertEquals(0, value(after, "routesync_last_run_success", l));
            assertFalse(after.stream().anyMatch(f -> f.name().equals("routesync_last_commit_info")), "it applied no commit");
        }
    }

    /** The watch's file once it counts {@code heals} heals (it is written just after the log line). */
    private List<PrometheusParser.Family> until(int heals) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (true) {
            if (Files.exists(prom)) {
                List<PrometheusParser.Family> parsed = PrometheusParser.parse(Files.readString(prom));
                if (value(parsed, "routesync_drift_heals", Map.of()) >= heals) {
                    assertEquals(heals, value(parsed, "routesync_drift_heals", Map.of()), watch.lines()::toString);
                    return parsed;
                }
            }
            if (System.nanoTime() > end) throw new AssertionError("no " + heals + " heals in " + prom + "; log: " + watch.lines());
            Thread.sleep(50);
        }
    }
}

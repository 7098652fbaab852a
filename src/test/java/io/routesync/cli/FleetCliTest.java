package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.testing.PrometheusParser;
import io.routesync.testing.Shell;
import io.routesync.testing.SshFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * plan -i and apply -i against a real fleet: eight network namespaces, each with its own sshd, reached
 * over ssh from a controller namespace (--ssh-program "ip netns exec CTL ssh"), with an inventory
 * written as a user would (YAML, and the same as INI) whose per-host variables make each host's state.
 */
class FleetCliTest {
    private static final int SIZE = 8;
    // the machine's own files every namespace shares: a fleet run must never touch them
    private static final List<Path> REAL_FILES = List.of(Path.of("/etc/iproute2/rt_tables.d/routesync.conf"),
            Path.of("/etc/iproute2/rt_protos.d/routesync.conf"), Path.of("/var/lib/routesync"), Path.of("/run/routesync/routesync.lock"));

    private static SshFleet fleet;
    private static FleetFiles files;
    private Map<Path, String> realFilesBefore;

    @BeforeAll
    static void startFleet() {
        SshFleet.require();
        fleet = SshFleet.start(SIZE);
        files = FleetFiles.of(fleet, fleet.dir().resolve("repo")).write();
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) fleet.close();
    }

    @BeforeEach
    void resetHosts() throws IOException {
        for (SshFleet.Host h : fleet.hosts()) {
            for (String pref : List.of("1000", "1001")) Shell.run("ip", "-n", h.netns(), "rule", "del", "pref", pref);
            Shell.run("ip", "-n", h.netns(), "route", "flush", "table", Integer.toString(FleetFiles.TABLE));
        }
        deleteTree(files.targets());
        files.write();
        realFilesBefore = snapshot();
    }

    @AfterEach
    void realFilesUntouched() {
        assertEquals(realFilesBefore, snapshot(), "the machine's own /etc/iproute2, /var/lib/routesync and /run/routesync are untouched");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "ini"})
    void planShowsEveryHostsOwnChangesInInventoryOrderThenARecap(String format) {
        CliRunner.Result r = run("plan", "-i", inventory(format), "--detailed-exitcode");
        assertEquals(ExitCodes.CHANGES, r.exitCode(), r.toString());
        assertEquals(names(0, SIZE), FleetOutput.headers(r.out()), r.toString());
        Map<String, String> blocks = FleetOutput.blocks(r.out());
        for (SshFleet.Host h : fleet.hosts()) {
            String block = blocks.get(h.name());
            String net = FleetFiles.serviceNet(h.index());
            assertEquals("routesync will perform these changes on " + h.name() + ":\n\n"
                    + "  + table uplink = 100 (rt_tables.d/routesync.conf)\n"
                    + "  + ip route add default via " + h.controllerAddress() + " dev eth0 table uplink proto routesync\n"
                    + "  + ip route add " + net + " via " + h.controllerAddress() + " dev eth0 table uplink proto routesync\n"
                    + "  + ip rule add pref 1001 to " + net + " lookup uplink protocol routesync\n"
                    + "  + ip rule add pref 1000 from " + h.address() + " lookup uplink protocol routesync\n\n"
                    + "Plan: 5 to add, 0 to change, 0 to delete.\n\n", block, h.name());
        }
        StringBuilder recap = new StringBuilder("Recap:\n");
        for (SshFleet.Host h : fleet.hosts()) recap.append("  ").append(h.name()).append("  changes pending (5)\n");
        recap.append("Hosts: 8 total, 0 ok, 8 changes pending, 0 failed, 0 unreachable.\n");
        assertTrue(r.out().endsWith(recap.toString()), r.toString());
        assertEquals("", r.err());
        for (int i = 0; i < SIZE; i++) assertFalse(fleet.ip(i, "rule", "show").contains("lookup 100"), "plan changes nothing");
    }

    @Test
    void yamlAndIniInventoriesGiveTheSameRun() {
        CliRunner.Result yaml = run("plan", "-i", files.yaml().toString(), "--json");
        CliRunner.Result ini = run("plan", "-i", files.ini().toString(), "--json");
        assertEquals(ExitCodes.OK, yaml.exitCode(), yaml.toString());
        assertEquals(yaml.out(), ini.out());
    }

    @Test
    void applyConvergesEveryHostAndASecondPlanIsEmpty() throws IOException {
        CliRunner.Result r = run("apply", "-i", files.yaml().toString(), "--auto-approve");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("Plan: 40 to add, 0 to change, 0 to delete on 8 of 8 hosts.\n"), r.toString());
        for (SshFleet.Host h : fleet.hosts()) {
            assertConverged(h.index());
            assertTrue(r.out().contains("  " + h.name() + "  changed (5)\n"), r.toString());
            assertTrue(Files.exists(files.targetDir(h.index()).resolve("lib/routesync/records/last.json")), "the record is in the test's directory");
            assertTrue(Files.readString(files.targetDir(h.index()).resolve("iproute2/rt_tables.d/routesync.conf")).contains("100 uplink\n"));
        }
        assertTrue(r.out().endsWith("Hosts: 8 total, 0 ok, 8 changed, 0 failed, 0 unreachable.\n"), r.toString());

        CliRunner.Result again = run("plan", "-i", files.ini().toString(), "--detailed-exitcode");
        assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
        for (SshFleet.Host h : fleet.hosts()) {
            assertEquals("No changes. " + h.name() + " matches the desired state.\n\n", FleetOutput.blocks(again.out()).get(h.name()));
        }
        assertTrue(again.out().endsWith("Hosts: 8 total, 8 ok, 0 changes pending, 0 failed, 0 unreachable.\n"), again.toString());
    }

    @Test
    void whatReadingAHostWarnedAboutIsInItsBlockAndItsJson() throws IOException {
        SshFleet.Host h = fleet.host(2);
        Path foreign = files.targetDir(h.index()).resolve("iproute2/rt_tables.d/foreign.conf");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "90 ok\n104\n");
        String warning = h.name() + ": " + foreign + ":2: iproute2 cannot read '104' and stops reading the file there";
        CliRunner.Result r = run("plan", "-i", files.yaml().toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(FleetOutput.blocks(r.out()).get(h.name()).startsWith("warning: " + warning), r.toString());
        assertEquals(1, r.out().split("warning: ", -1).length - 1, "only that host warns\n" + r);
        CliRunner.Result json = run("plan", "-i", files.yaml().toString(), "--json");
        assertEquals(ExitCodes.OK, json.exitCode(), json.toString());
        JsonNode hosts = new ObjectMapper().readTree(json.out()).get("hosts");
        for (int i = 0; i < SIZE; i++) {
            JsonNode w = hosts.get(i).get("warnings");
            assertEquals(i == h.index() ? 1 : 0, w.size(), json.out());
            if (i == h.index()) assertTrue(w.get(0).asText().startsWith(warning), w.toString());
        }
    }

    @Test
    void anUnreachableHostIsReportedWhileTheOthersConverge() {
        SshFleet.Host down = fleet.host(5);
        fleet.stopSshd(5);
        try {
            CliRunner.Result r = run("apply", "-i", files.yaml().toString(), "--auto-approve");
            assertEquals(ExitCodes.UNAVAILABLE, r.exitCode(), r.toString());
            String reason = "ssh: connect to host " + down.address() + " port 22: Connection refused";
            assertTrue(r.out().contains("error: h5 is unreachable: " + reason + "\nNothing was read or changed there.\n"), r.toString());
            assertTrue(r.out().contains("  h5  unreachable: " + reason + "\n"), r.toString());
            assertTrue(r.out().endsWith("Hosts: 8 total, 0 ok, 7 changed, 0 failed, 1 unreachable.\n"), r.toString());
            for (SshFleet.Host h : fleet.hosts()) {
                if (h != down) assertConverged(h.index());
            }
            assertFalse(fleet.ip(5, "rule", "show").contains("lookup 100"), "nothing changed on the unreachable host");
        } finally {
            fleet.startSshd(5);
        }
    }

    @Test
    void theMetricsFileHasASeriesPerHost() throws IOException {
        PrometheusParser.require();
        fleet.stopSshd(5);
        try {
            Path prom = fleet.dir().resolve("routesync.prom");
            CliRunner.Result r = run("apply", "-i", files.yaml().toString(), "--auto-approve", "--metrics-file", prom.toString());
            assertEquals(ExitCodes.UNAVAILABLE, r.exitCode(), r.toString());
            List<PrometheusParser.Family> parsed = PrometheusParser.parse(Files.readString(prom));
            for (SshFleet.Host h : fleet.hosts()) {
                boolean down = h.index() == 5;
                Map<String, String> host = Map.of("command", "apply", "host", h.name(), "result", down ? "unreachable" : "changed");
                assertEquals(1, PrometheusParser.value(parsed, "routesync_last_run_result", host), h.name());
                assertEquals(down ? 0 : 2, PrometheusParser.value(parsed, "routesync_last_run_changes",
                        Map.of("host", h.name(), "kind", "rule", "action", "added")), h.name());
            }
            assertEquals(SIZE, PrometheusParser.family(parsed, "routesync_last_run_result").samples().size());
            assertEquals(69, PrometheusParser.value(parsed, "routesync_last_run_exit_code", Map.of("command", "apply")));
        } finally {
            fleet.startSshd(5);
        }
    }

    @Test
    void aFailedHostOutranksAnUnreachableOneAndIsRolledBack() {
        // h2's gateway is not on its link: the kernel refuses the route, the batch fails, h2 is rolled back
        // (the management-path check would refuse h2 first, its replies moving to that gateway: allowed here)
        FleetFiles bad = FleetFiles.of(fleet, fleet.dir().resolve("repo-bad")).set(2, "gateway", "10.99.99.1").write();
        fleet.stopSshd(6);
        try {
            CliRunner.Result r = run("apply", "-i", bad.yaml().toString(), "--auto-approve", "--allow-management-change");
            assertEquals(ExitCodes.FAILED, r.exitCode(), r.toString());
            assertTrue(r.out().contains("  h2  failed: apply failed: "), r.toString());
            assertTrue(r.out().contains("  h6  unreachable: "), r.toString());
            assertTrue(r.out().endsWith("Hosts: 8 total, 0 ok, 6 changed, 1 failed, 1 unreachable.\n"), r.toString());
            assertTrue(FleetOutput.blocks(r.out()).get("h2").contains("The host was rolled back"), r.toString());
            assertEquals("", fleet.ip(2, "route", "list", "table", "100"));
            assertFalse(fleet.ip(2, "rule", "show").contains("lookup 100"));
            assertConverged(3);
        } finally {
            fleet.startSshd(6);
            deleteTree(fleet.dir().resolve("repo-bad"));
        }
    }

    @Test
    void limitSelectsASubset() {
        CliRunner.Result plan = run("plan", "-i", files.yaml().toString(), "--limit", "site_b:!h6:h1");
        assertEquals(ExitCodes.OK, plan.exitCode(), plan.toString());
        assertEquals(List.of("h1", "h4", "h5", "h7"), FleetOutput.headers(plan.out()), "inventory order, whatever the pattern's order");

        CliRunner.Result apply = run("apply", "-i", files.ini().toString(), "--limit", "h[0-1]*", "--auto-approve");
        assertEquals(ExitCodes.OK, apply.exitCode(), apply.toString());
        assertTrue(apply.out().endsWith("Hosts: 2 total, 0 ok, 2 changed, 0 failed, 0 unreachable.\n"), apply.toString());
        assertConverged(0);
        assertConverged(1);
        for (int i = 2; i < SIZE; i++) assertFalse(fleet.ip(i, "rule", "show").contains("lookup 100"), "h" + i + " is not selected");
    }

    @Test
    void jsonIsOneDocumentWithEveryHost() throws IOException {
        fleet.stopSshd(3);
        CliRunner.Result r;
        try {
            r = run("plan", "-i", files.yaml().toString(), "--json", "--forks", "3");
        } finally {
            fleet.startSshd(3);
        }
        assertEquals(ExitCodes.UNAVAILABLE, r.exitCode(), r.toString());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertEquals("plan", doc.get("command").asText());
        assertEquals(SIZE, doc.get("hosts").size());
        for (int i = 0; i < SIZE; i++) {
            JsonNode h = doc.get("hosts").get(i);
            assertEquals("h" + i, h.get("host").asText());
            if (i == 3) {
                assertEquals("unreachable", h.get("status").asText());
                assertTrue(h.get("error").asText().contains("Connection refused"), h.toString());
                assertFalse(h.has("changes"));
            } else {
                assertEquals("changes_pending", h.get("status").asText());
                assertEquals(5, h.get("changes").size());
                assertEquals(5, h.get("summary").get("add").asInt());
            }
        }
        assertEquals(7, doc.get("recap").get("changes_pending").asInt());
        assertEquals(1, doc.get("recap").get("unreachable").asInt());

        CliRunner.Result applied = run("apply", "-i", files.yaml().toString(), "--json", "--auto-approve", "--limit", "h0");
        assertEquals(ExitCodes.OK, applied.exitCode(), applied.toString());
        JsonNode a = new ObjectMapper().readTree(applied.out()).get("hosts").get(0);
        assertEquals("changed", a.get("status").asText());
        assertEquals("applied", a.get("outcome").asText());
        assertTrue(a.get("record").asText().startsWith(files.targetDir(0).toString()), a.toString());
    }

    @Test
    void applyFromAGitCommitRecordsTheCommitOnEveryHost() throws IOException {
        Path repo = fleet.dir().resolve("repo-git");
        FleetFiles fromGit = FleetFiles.of(fleet, repo).write();
        String commit = FleetValidateTest.commitAll(repo);
        try {
            CliRunner.Result plan = run("plan", "--repo", repo.toString(), "-i", "inventory/hosts.yml", "--limit", "site_a", "--json");
            assertTrue(plan.err().startsWith("Desired state from commit " + commit.substring(0, 12)), plan.toString());
            JsonNode planned = new ObjectMapper().readTree(plan.out()).get("hosts").get(0);
            assertEquals(commit, planned.get("commit").asText(), "the plan names the commit it was made from");
            CliRunner.Result r = run("apply", "--repo", repo.toString(), "-i", "inventory/hosts.yml", "--limit", "site_a", "--auto-approve");
            assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
            for (int i = 0; i < SIZE / 2; i++) {
                assertConverged(i);
                String record = Files.readString(fromGit.targetDir(i).resolve("lib/routesync/records/last.json"));
                assertTrue(record.contains("\"commit\":\"" + commit + "\""), record);
            }
            assertFalse(fleet.ip(SIZE / 2, "rule", "show").contains("lookup 100"), "site_b is not selected");
        } finally {
            deleteTree(repo);
        }
    }

    @Test
    void applyWithoutATerminalNeedsAutoApprove() {
        CliRunner.Result r = run("apply", "-i", files.yaml().toString(), "--limit", "h0");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("there is no terminal to ask on"), r.toString());
        assertFalse(fleet.ip(0, "rule", "show").contains("lookup 100"));
    }

    private void assertConverged(int index) {
        SshFleet.Host h = fleet.host(index);
        String rules = fleet.ip(index, "rule", "show");
        assertTrue(rules.contains("1000:\tfrom " + h.address() + " lookup 100 proto 245\n"
                + "1001:\tfrom all to " + FleetFiles.serviceNet(index) + " lookup 100 proto 245\n"), h.name() + ":\n" + rules);
        assertEquals("default via " + h.controllerAddress() + " dev eth0 proto 245 \n"
                + FleetFiles.serviceNet(index) + " via " + h.controllerAddress() + " dev eth0 proto 245 \n",
                fleet.ip(index, "route", "list", "table", "100"), h.name());
    }

    private static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--ssh-program", String.join(" ", fleet.sshProgram())));
        return CliRunner.run(all);
    }

    private static String inventory(String format) {
        return (format.equals("yaml") ? files.yaml() : files.ini()).toString();
    }

    private static List<String> names(int from, int to) {
        List<String> names = new ArrayList<>();
        for (int i = from; i < to; i++) names.add("h" + i);
        return names;
    }

    private static Map<Path, String> snapshot() {
        Map<Path, String> state = new TreeMap<>();
        for (Path p : REAL_FILES) {
            try {
                state.put(p, Files.exists(p) ? "exists, modified " + Files.getLastModifiedTime(p) : "absent");
            } catch (IOException e) {
                state.put(p, e.toString());
            }
        }
        return state;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.git.TestRepo;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * routesync pull against a namespace, from a repository built in the test: converge, stay silent,
 * follow new commits, heal drift, respect the lock, and keep working when the remote is gone.
 */
class PullNetnsTest {
    static final String INVENTORY = "all:\n  hosts:\n    edge1:\n      ansible_connection: local\n"
            + "      routesync_states: [uplink]\n      uplink2_addr: 192.168.2.10\n      uplink2_gw: 192.168.2.1\n";

    static String state(int priority, String extraRoute) {
        return "tables:\n  uplink2: 102\n"
                + "rules:\n  - { priority: " + priority + ", from: \"{{ uplink2_addr }}\", table: uplink2 }\n"
                + "routes:\n  uplink2:\n"
                + "    - { to: 192.168.2.0/24, dev: eth1, src: \"{{ uplink2_addr }}\", scope: link }\n"
                + "    - { to: default, via: \"{{ uplink2_gw }}\", dev: eth1 }\n"
                + (extraRoute == null ? "" : "    - \"" + extraRoute + "\"\n");
    }

    @TempDir
    Path dir;
    Netns ns;
    TestRepo repo;
    RevCommit first;
    String url;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("pull");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
        repo = TestRepo.init(dir.resolve("remote"));
        repo.write("inventory/hosts.yml", INVENTORY).write("states/uplink.yml", state(1000, null));
        first = repo.commit("uplink2 with its own table");
        url = "file://" + repo.dir();
    }

    @AfterEach
    void tearDown() {
        if (repo != null) repo.close();
        if (ns != null) ns.close();
    }

    CliRunner.Result pull(String... extra) {
        List<String> args = new ArrayList<>(List.of("pull", "--repo", url,
                "--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.toString(), "--cache-dir", dir.resolve("cache").toString(), "--lock-timeout", "1", "--no-color"));
        args.addAll(List.of(extra));
        if (!args.contains("--host")) args.addAll(List.of("--host", "edge1"));
        return CliRunner.run(args);
    }

    String rules() {
        return ns.ip("rule", "show");
    }

    @Test
    void firstRunConvergesAndASecondRunIsSilent() throws Exception {
        assertFalse(rules().contains("lookup 102"));
        CliRunner.Result run = pull();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("routesync pull: netns " + ns.name() + " (host edge1) differs from commit " + first.name().substring(0, 12)
                + " (HEAD) \"uplink2 with its own table\""), run::toString);
        assertTrue(run.out().contains("Apply complete: 4 added, 0 changed, 0 deleted."), run::toString);
        assertTrue(rules().contains("1000:\tfrom 192.168.2.10 lookup 102 proto 245"), rules());
        assertTrue(ns.ip("route", "show", "table", "102").contains("default via 192.168.2.1 dev eth1"));
        String record = Files.readString(dir.resolve("state/records/last.json"));
        assertTrue(record.contains("\"commit\":\"" + first.name() + "\""), record);

        CliRunner.Result again = pull();
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("", again.out() + again.err(), "a no-op prints nothing");
        CliRunner.Result verbose = pull("-v");
        assertEquals("No changes: netns " + ns.name() + " (host edge1) matches commit " + first.name().substring(0, 12) + " (HEAD).\n",
                verbose.out(), verbose::toString);
    }

    @Test
    void whatReadingTheHostWarnedAboutIsPrintedAndReported() throws Exception {
        Path foreign = dir.resolve("etc/rt_tables.d/foreign.conf");
        Files.createDirectories(foreign.getParent());
        Files.writeString(foreign, "90 ok\n104\n");
        String warning = "warning: netns " + ns.name() + ": " + foreign + ":2: iproute2 cannot read '104' and stops reading the file there";
        Path report = dir.resolve("report.json");
        CliRunner.Result run = pull("--report", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith(warning), run::toString);
        assertTrue(run.out().contains("+ table uplink2 = 102 (rt_tables.d/routesync-netns-" + ns.name() + ".conf)"), run::toString);
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertEquals(1, json.get("warnings").size(), json.toString());
        assertTrue(json.get("warnings").get(0).asText().startsWith(warning), json.toString());
        assertEquals("table uplink2 = 102 (rt_tables.d/routesync-netns-" + ns.name() + ".conf)",
                json.get("changes").get("commands").get(0).asText(), json.toString());
    }

    @Test
    void aNewCommitIsPickedUp() {
        assertEquals(0, pull().exitCode());
        repo.write("states/uplink.yml", state(1100, "10.99.0.0/16 via 192.168.2.1 dev eth1"));
        RevCommit second = repo.commit("move the rule, add a route");
        CliRunner.Result run = pull("--ref", "main");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("commit " + second.name().substring(0, 12) + " (main)"), run::toString);
        assertTrue(run.out().contains("Apply complete: 2 added, 0 changed, 1 deleted."), run::toString);
        assertTrue(rules().contains("1100:\tfrom 192.168.2.10 lookup 102"), rules());
        assertFalse(rules().contains("1000:"), rules());
        assertTrue(ns.ip("route", "show", "table", "102").contains("10.99.0.0/16 via 192.168.2.1"));
    }

    @Test
    void driftIsHealedOnTheNextRunAndReported() throws Exception {
        assertEquals(0, pull().exitCode());
        ns.ip("rule", "del", "pref", "1000");
        Path report = dir.resolve("report.json");
        CliRunner.Result run = pull("--report", report.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("+ ip rule add pref 1000 from 192.168.2.10 lookup uplink2 protocol routesync"), run::toString);
        assertTrue(rules().contains("1000:\tfrom 192.168.2.10 lookup 102"), rules());

        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertEquals("applied", json.get("result").asText());
        assertEquals(first.name(), json.get("commit").asText());
        assertEquals("edge1", json.get("host").asText());
        assertTrue(json.get("drift_found").asBoolean());
        assertFalse(json.get("new_commit").asBoolean(), "the commit was applied before: this was drift");
        assertEquals(1, json.get("changes").get("add").asInt());
        assertEquals("ip rule add pref 1000 from 192.168.2.10 lookup 102 protocol 245", json.get("changes").get("commands").get(0).asText());
        assertEquals(0, json.get("exit_code").asInt());
        assertTrue(json.get("duration_ms").asLong() >= 0);

        assertEquals(0, pull("--report", report.toString()).exitCode());
        json = new ObjectMapper().readTree(Files.readString(report));
        assertEquals("no_changes", json.get("result").asText());
        assertFalse(json.get("drift_found").asBoolean());
    }

    @Test
    void onlyIfChangedSkipsAKnownCommitButNotANewOne() {
        assertEquals(0, pull().exitCode());
        ns.ip("rule", "del", "pref", "1000");
        CliRunner.Result skipped = pull("--only-if-changed");
        assertEquals(0, skipped.exitCode(), skipped::toString);
        assertEquals("", skipped.out() + skipped.err());
        assertFalse(rules().contains("1000:"), "skipped: no drift check");
        repo.write("states/uplink.yml", state(1000, "10.99.0.0/16 via 192.168.2.1 dev eth1"));
        repo.commit("a route more");
        CliRunner.Result run = pull("--only-if-changed");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(rules().contains("1000:"), rules());
    }

    @Test
    void aRunWhileAnotherHoldsTheLockExits75() throws Exception {
        assertEquals(0, pull().exitCode());
        ns.ip("rule", "del", "pref", "1000");
        Path lock = dir.resolve("routesync-netns-" + ns.name() + ".lock");
        Process holder = new ProcessBuilder("flock", "-x", lock.toString(), "sleep", "30").start();
        try {
            for (int i = 0; i < 100 && !Files.exists(lock); i++) Thread.sleep(20);
            Thread.sleep(200);
            Path report = dir.resolve("report.json");
            CliRunner.Result run = pull("--report", report.toString());
            assertEquals(75, run.exitCode(), run::toString);
            assertTrue(run.err().contains("another routesync run holds the lock"), run::toString);
            assertTrue(Files.readString(report).contains("\"result\":\"locked\""), Files.readString(report));
            assertFalse(rules().contains("1000:"), "nothing was changed");
        } finally {
            holder.descendants().forEach(ProcessHandle::destroyForcibly);
            holder.destroyForcibly();
            holder.waitFor(5, TimeUnit.SECONDS);
        }
        assertEquals(0, pull().exitCode());
        assertTrue(rules().contains("1000:"));
    }

    @Test
    void withTheRemoteGoneTheLastFetchedCommitIsUsed() throws Exception {
        assertEquals(0, pull().exitCode());
        ns.ip("rule", "del", "pref", "1000");
        repo.close();
        TestRepo.deleteTree(repo.dir());
        repo = null;
        CliRunner.Result run = pull();
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("warning: cannot fetch " + url + ": "), run::toString);
        assertTrue(run.err().contains("using the commits fetched at "), run::toString);
        assertTrue(run.out().contains("commit " + first.name().substring(0, 12)), run::toString);
        assertTrue(rules().contains("1000:\tfrom 192.168.2.10 lookup 102"), "drift healed from the cached commit");
    }

    @Test
    void problemsAtTheCommitAreNamedAndNothingIsApplied() {
        CliRunner.Result unknownRef = pull("--ref", "mian");
        assertEquals(64, unknownRef.exitCode(), unknownRef::toString);
        assertTrue(unknownRef.err().contains("unknown ref 'mian'") && unknownRef.err().contains("(did you mean 'main'?)"), unknownRef::toString);

        CliRunner.Result unknownHost = pull("--host", "edge9");
        assertEquals(65, unknownHost.exitCode(), unknownHost::toString);
        assertTrue(unknownHost.err().startsWith(first.name().substring(0, 12) + ":inventory/hosts.yml: error: host 'edge9' is not in the inventory"),
                unknownHost::toString);

        repo.write("states/uplink.yml", "tables:\n  uplink2: 102\nrules:\n  - { priority: 1000, from: \"{{ uplink2_adr }}\", table: uplink2 }\n");
        RevCommit broken = repo.commit("typo");
        CliRunner.Result bad = pull();
        assertEquals(65, bad.exitCode(), bad::toString);
        assertTrue(bad.err().startsWith(broken.name().substring(0, 12) + ":states/uplink.yml:4:"), bad::toString);
        assertTrue(bad.err().contains("uplink2_adr"), bad::toString);
        assertFalse(rules().contains("lookup 102") || rules().contains("lookup uplink2"), "nothing applied");
    }

    @Test
    void withoutHostTheMachinesHostnameIsTheInventoryHost() throws Exception {
        String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        repo.write("inventory/hosts.yml", INVENTORY.replace("edge1:", "\"" + hostname + "\":"));
        RevCommit named = repo.commit("this machine by its name");
        List<String> args = new ArrayList<>(List.of("pull", "--repo", url, "--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(),
                "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.toString(), "--cache-dir", dir.resolve("cache").toString()));
        CliRunner.Result run = CliRunner.run(args);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("(host " + hostname + ") differs from commit " + named.name().substring(0, 12)), run::toString);
        assertTrue(rules().contains("1000:\tfrom 192.168.2.10 lookup 102"), rules());
    }
}

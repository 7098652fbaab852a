package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.apply.ApplyRecord;
import io.routesync.apply.ApplyReport;
import io.routesync.apply.ConfirmUndo;
import io.routesync.apply.Reconciler;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.git.TestRepo;
import io.routesync.iproute2.HostReading;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.testing.ConfirmTimers;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.transport.ConfirmTimer;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.TargetPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While an apply --confirm awaits confirmation on a namespace (state A applied, its timer armed for
 * 600 s, as when the operator's connection dropped), every other apply of another state B is refused
 * on the host, with exit 1, the pending change named and nothing changed: plain, --confirm, a plan
 * file, and pull. A marker whose timer is gone (reboot) is reported stale and blocks nothing.
 */
class PendingConfirmCliTest {
    private static final String A = literal(PullNetnsTest.state(1000, null));
    private static final String B = literal(PullNetnsTest.state(1001, null));

    @TempDir
    Path dir;
    Netns ns;
    TestRepo repo;
    Path stateB;

    private static String literal(String templated) {
        return templated.replace("{{ uplink2_addr }}", "192.168.2.10").replace("{{ uplink2_gw }}", "192.168.2.1");
    }

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        ns = Netns.create("pending");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
        stateB = Files.writeString(dir.resolve("b.yml"), B);
        // what apply --confirm 600 of A does up to the confirmation: stage the undo, arm, apply
        LoadedState loaded = StateLoader.load(List.of(new SourceFile("a.yml", A)), Variables.none(), 245);
        TargetPaths paths = TargetPaths.of(ns.name(), dir.resolve("iproute2").toString(), dir.resolve("routesync").toString(), dir.resolve("routesync").toString());
        Reconciler r = new Reconciler(LocalTarget.netns(ns.name()), paths, new Reconciler.Settings(Duration.ofSeconds(10),
                Duration.ofSeconds(60)), Clock.systemUTC());
        Ownership own = new Ownership(loaded.state().ownedTables(), 245);
        HostReading reading = r.observe(loaded.state());
        HostPlan plan = r.plan(loaded.state(), reading, own);
        new ConfirmTimer(r.target(), paths, Duration.ofSeconds(10), Duration.ofSeconds(30))
                .arm("c0ffee", Duration.ofSeconds(600), reading, loaded.state().tablesToRead(), ConfirmUndo.of(reading.observed(), plan, own));
        ApplyReport applied = r.withConfirmToken("c0ffee").apply(loaded.state(), own, reading, plan, new ApplyRecord.Inputs("t", null, "t"),
                false, p -> { });
        assertEquals(ApplyReport.Outcome.APPLIED, applied.outcome());
        assertTrue(rules().contains("1000:\tfrom 192.168.2.10 lookup 102"), rules());
    }

    @AfterEach
    void tearDown() {
        try {
            ConfirmTimers.stop(dir.resolve("routesync"));
        } finally {
            if (repo != null) repo.close();
            if (ns != null) ns.close();
        }
    }

    private List<String> target() {
        return List.of("--netns", ns.name(), "--etc-dir", dir.resolve("iproute2").toString(), "--state-dir", dir.resolve("routesync").toString(),
                "--lock-dir", dir.resolve("routesync").toString(), "--no-color");
    }

    private CliRunner.Result run(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(target());
        return CliRunner.run(a);
    }

    private String rules() {
        return ns.ip("rule", "show");
    }

    /** IPv4 only: the kernel adds IPv6 link-local routes to the new links by itself, a moment later. */
    private String snapshot() {
        return ns.ip("-4", "rule", "show") + ns.ip("-4", "route", "show", "table", "all");
    }

    private static void assertRefused(CliRunner.Result r) {
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        String all = r.out() + r.err();
        assertTrue(all.contains("an earlier 'apply --confirm' (armed at ") && all.contains("awaits confirmation, and the host rolls it"
                + " back at ") && all.contains("nothing was changed"), r::toString);
        assertTrue(all.contains("Run 'routesync confirm' to keep that change, or 'routesync rollback' to undo it now"), r::toString);
        assertFalse(all.contains("Apply complete"), r::toString);
    }

    @Test
    void everyOtherApplyIsRefusedUntilTheChangeIsConfirmed() throws Exception {
        String before = snapshot();
        assertRefused(run("apply", "-f", stateB.toString(), "--auto-approve"));
        assertEquals(before, snapshot(), "plain apply changed nothing");
        assertRefused(run("apply", "-f", stateB.toString(), "--auto-approve", "--confirm", "30"));
        assertEquals(before, snapshot(), "apply --confirm changed nothing");

        Path plan = dir.resolve("b.plan");
        CliRunner.Result saved = run("plan", "-f", stateB.toString(), "--out", plan.toString());
        assertEquals(ExitCodes.OK, saved.exitCode(), saved::toString);
        CliRunner.Result fromFile = CliRunner.run("apply", plan.toString(), "--no-color");
        assertRefused(fromFile);
        assertEquals(before, snapshot(), "apply PLAN changed nothing");

        repo = TestRepo.init(dir.resolve("remote"));
        repo.write("inventory/hosts.yml", PullNetnsTest.INVENTORY).write("states/uplink.yml", PullNetnsTest.state(1001, null));
        repo.commit("B");
        Path report = dir.resolve("report.json");
        CliRunner.Result pull = run("pull", "--repo", "file://" + repo.dir(), "--host", "edge1", "--cache-dir", dir.resolve("cache").toString(),
                "--report", report.toString());
        assertRefused(pull);
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertEquals(1, json.get("exit_code").asInt(), json::toString);
        assertEquals("error", json.get("result").asText(), json::toString);
        assertTrue(json.get("error").asText().contains("awaits confirmation"), json::toString);
        assertEquals(before, snapshot(), "pull changed nothing");

        CliRunner.Result confirm = run("confirm");
        assertEquals(ExitCodes.OK, confirm.exitCode(), confirm::toString);
        CliRunner.Result now = run("apply", "-f", stateB.toString(), "--auto-approve");
        assertEquals(ExitCodes.OK, now.exitCode(), now::toString);
        assertTrue(now.out().contains("Apply complete"), now::toString);
        assertTrue(rules().contains("1001:\tfrom 192.168.2.10 lookup 102"), rules());
        assertFalse(rules().contains("1000:"), rules());
    }

    @Test
    void aMarkerFromBeforeARebootIsReportedStaleAndBlocksNothing() throws Exception {
        Files.writeString(dir.resolve("routesync/confirm/boot"), "00000000-0000-0000-0000-000000000000\n");
        CliRunner.Result status = run("confirm", "--status");
        assertEquals(ExitCodes.OK, status.exitCode(), status::toString);
        assertTrue(status.out().contains("STALE: a change (armed at ") && status.out().contains("the host rebooted since it was armed")
                && status.out().contains("It blocks no apply"), status::toString);
        assertTrue(status.out().contains("'routesync confirm' discards its staged undo") && status.out().contains("'routesync rollback'"),
                status::toString);
        assertFalse(status.out().contains("rolls it back at"), "a stale marker rolls nothing back: " + status);

        CliRunner.Result apply = run("apply", "-f", stateB.toString(), "--auto-approve", "--confirm", "30");
        assertEquals(ExitCodes.OK, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Confirmed over a new connection"), apply::toString);
        assertTrue(rules().contains("1001:\tfrom 192.168.2.10 lookup 102"), rules());
        assertFalse(rules().contains("1000:"), "the stale undo was not run, and B replaced A: " + rules());
    }

    @Test
    void confirmDiscardsAStaleChangeAndLeavesTheHostAsItIs() throws Exception {
        Files.writeString(dir.resolve("routesync/confirm/boot"), "00000000-0000-0000-0000-000000000000\n");
        String before = snapshot();
        CliRunner.Result confirm = run("confirm");
        assertEquals(ExitCodes.OK, confirm.exitCode(), confirm::toString);
        assertTrue(confirm.out().startsWith("Discarded: the change on netns " + ns.name() + " was stale (discarded at ")
                && confirm.out().contains("without running its undo (the host rebooted since it was armed)"), confirm::toString);
        assertEquals(before, snapshot());
        CliRunner.Result status = run("confirm", "--status");
        assertTrue(status.out().contains("nothing awaits confirmation (last: discarded at "), status::toString);
    }
}

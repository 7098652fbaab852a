package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.testing.SshFleet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Staged rollouts (apply --serial, --max-fail) over a real SSH fleet of six hosts ({@link ManagedFleetFiles}):
 * a host given the {@code cut} state fails (its management-path check refuses it), which stops the
 * rollout after its batch; the hosts of later batches are never changed.
 */
class RolloutSshFleetTest {
    private static final int SIZE = 6;
    private static SshFleet fleet;
    private static ManagedFleetFiles files;

    @BeforeAll
    static void startFleet() {
        SshFleet.require();
        fleet = SshFleet.start(SIZE);
        files = new ManagedFleetFiles(fleet, fleet.dir().resolve("repo"));
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) fleet.close();
    }

    @BeforeEach
    void manageEveryHost() {
        files.manageEveryHost();
    }

    @Test
    void aRolloutStopsAfterAFailingBatchAndLeavesTheRestUntouched() {
        String inventory = files.inventory(ManagedFleetFiles.HARMLESS, Map.of("h1", ManagedFleetFiles.CUT)).toString();
        CliRunner.Result r = run("apply", "-i", inventory, "--auto-approve", "--serial", "1,2,100%");
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        assertTrue(r.out().contains("on 6 of 6 hosts.\n\nRollout: 3 batches of 1, 2 and 3 hosts; it stops after a batch in which more"
                + " than 0 hosts fail (--max-fail 0).\n\nBatch 1 of 3: 1 host.\n\n--- h0 "), "said before the batches run: " + r);
        assertTrue(r.out().contains("Batch 2 of 3: 2 hosts.\n\n--- h1 "), r::toString);
        assertTrue(FleetOutput.blocks(r.out()).get("h0").endsWith(".json\n\n"), "a batch line ends the block before it");
        assertFalse(r.out().contains("Batch 3 of 3"), r::toString);
        assertEquals(List.of("h0", "h1", "h2", "h3", "h4", "h5", "h0", "h1", "h2"), FleetOutput.headers(r.out()),
                "every host planned; only the batches that ran applied");
        String untouched = "untouched: the rollout stopped before batch 3 of 3; nothing was done here";
        assertTrue(r.out().endsWith(String.join("\n",
                "Recap:",
                "  h0  batch 1  changed (1)",
                "  h1  batch 2  failed: " + refusal(1),
                "  h2  batch 2  changed (1)",
                "  h3  batch 3  " + untouched,
                "  h4  batch 3  " + untouched,
                "  h5  batch 3  " + untouched,
                "Rollout: stopped after batch 2 of 3: 1 of 2 hosts failed, more than --max-fail 0; 3 hosts left untouched.",
                "Hosts: 6 total, 0 ok, 2 changed, 1 failed, 0 unreachable, 3 untouched.",
                "")), r::toString);
        for (SshFleet.Host h : fleet.hosts()) {
            boolean applied = h.index() == 0 || h.index() == 2;
            assertEquals(applied, table100(h).contains(ManagedFleetFiles.HARMLESS_ROUTE), h.name() + ": " + table100(h));
        }

        // the hosts left behind get their turn; with --max-fail 1 the failing canary no longer stops the others
        CliRunner.Result rest = run("apply", "-i", inventory, "--auto-approve", "--serial", "1,2,100%", "--max-fail", "1");
        assertEquals(ExitCodes.FAILED, rest.exitCode(), "h1 still fails: " + rest);
        assertTrue(rest.out().contains("Rollout: 3 batches of 1, 2 and 1 hosts; it stops after a batch in which more than 1 host fail"
                + " (--max-fail 1).\n"), rest::toString);
        assertTrue(rest.out().endsWith(String.join("\n",
                "Recap:",
                "  h0           ok",
                "  h1  batch 1  failed: " + refusal(1),
                "  h2           ok",
                "  h3  batch 2  changed (1)",
                "  h4  batch 2  changed (1)",
                "  h5  batch 3  changed (1)",
                "Rollout: 3 of 3 batches ran (--serial 1,2,100%, --max-fail 1).",
                "Hosts: 6 total, 2 ok, 3 changed, 1 failed, 0 unreachable, 0 untouched.",
                "")), rest::toString);
        for (SshFleet.Host h : fleet.hosts()) {
            assertEquals(h.index() != 1, table100(h).contains(ManagedFleetFiles.HARMLESS_ROUTE), h.name());
        }
    }

    @Test
    void aSavedPlanRollsOutInConfirmedBatchesAndStopsTheSameWay() throws Exception {
        Path planFile = fleet.dir().resolve("rollout.plan");
        String inventory = files.inventory(ManagedFleetFiles.HARMLESS, Map.of("h2", ManagedFleetFiles.CUT)).toString();
        CliRunner.Result saved = run("plan", "-i", inventory, "--out", planFile.toString());
        assertEquals(ExitCodes.OK, saved.exitCode(), saved::toString);

        CliRunner.Result r = run("apply", planFile.toString(), "--serial", "50%", "--confirm", "30", "--json");
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        JsonNode hosts = doc.get("hosts");
        for (SshFleet.Host h : fleet.hosts()) {
            JsonNode host = hosts.get(h.index());
            assertEquals(h.index() < 3 ? 1 : 2, host.get("batch").asInt(), host.toString());
            assertEquals(h.index() < 3, host.get("batch_ran").asBoolean(), host.toString());
            String status = h.index() == 2 ? "failed" : h.index() < 3 ? "changed" : "untouched";
            assertEquals(status, host.get("status").asText(), host.toString());
            if (h.index() < 2) assertEquals("confirmed", host.get("confirm").asText(), host.toString());
            assertEquals(h.index() < 2, table100(h).contains(ManagedFleetFiles.HARMLESS_ROUTE), h.name());
        }
        assertEquals("the rollout stopped before batch 2 of 2; nothing was done here", hosts.get(4).get("error").asText());
        assertEquals("{\"serial\":\"50%\",\"max_fail\":\"0\",\"batches\":2,\"batches_ran\":1,\"stopped\":true}", doc.get("rollout").toString());
        assertEquals(3, doc.get("recap").get("untouched").asInt(), doc.toString());
        assertEquals(1, doc.get("recap").get("failed").asInt(), doc.toString());
    }

    @Test
    void serialIsOnlyForRunsOverSeveralHosts() {
        CliRunner.Result r = CliRunner.run("apply", "-f", fleet.dir().resolve("repo/states/harmless.yml").toString(), "--serial", "1");
        assertEquals(ExitCodes.USAGE, r.exitCode(), r::toString);
        assertEquals("error: --serial and --max-fail are for inventory runs (-i FILE) and plan files (apply PLAN)\n", r.err());
    }

    private static String refusal(int index) {
        SshFleet.Host h = fleet.host(index);
        return "the reply path of this ssh connection (" + h.address() + " to " + h.controllerAddress() + ") would be cut: no route"
                + " (Network is unreachable); the host could become unreachable. Nothing was applied there; if this is intended,"
                + " apply again with --allow-management-change (and --confirm SECONDS).";
    }

    private static String table100(SshFleet.Host h) {
        return fleet.ip(h.index(), "route", "show", "table", "100");
    }

    private static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--ssh-program", String.join(" ", fleet.sshProgram())));
        return CliRunner.run(all);
    }
}

package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.testing.SshFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The safety options of plan and apply over a real SSH fleet (eight namespaces with their own sshd,
 * reached from a controller namespace through --ssh-program). Every host's only route back to the
 * controller is in table 100, which routesync owns ({@link ManagedFleetFiles}): a state without it
 * cuts the host off. Saved plans converge the fleet, are refused per host when stale and as a whole
 * when edited; the management-path check refuses the cut unless allowed; --confirm keeps a harmless
 * change and lets the cut host restore itself.
 */
class FleetSafetyCliTest {
    private static final int SIZE = 8;
    private static SshFleet fleet;
    private static ManagedFleetFiles files;
    private Path planFile;

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

    /** Every host managed: table 100 holds its route back, main none (a test that cut a host is undone by hand first). */
    @BeforeEach
    void manageEveryHost() {
        files.manageEveryHost();
        planFile = fleet.dir().resolve("fleet.plan");
    }

    @Test
    void aSavedFleetPlanConvergesEveryHost() {
        String inventory = files.inventory(ManagedFleetFiles.HARMLESS, Map.of()).toString();
        CliRunner.Result saved = run("plan", "-i", inventory, "--out", planFile.toString());
        assertEquals(ExitCodes.OK, saved.exitCode(), saved::toString);
        assertTrue(saved.out().endsWith("Hosts: 8 total, 0 ok, 8 changes pending, 0 failed, 0 unreachable.\n\n"
                + "Saved the plan to " + planFile + ".\nTo apply exactly this plan, run: routesync apply " + planFile + "\n"), saved::toString);
        for (SshFleet.Host h : fleet.hosts()) assertFalse(table100(h).contains("10.98.0.0/16"), "plan --out changes nothing");

        CliRunner.Result applied = run("apply", planFile.toString());
        assertEquals(ExitCodes.OK, applied.exitCode(), applied::toString);
        assertEquals(names(), FleetOutput.headers(applied.out()), "one block per host, in the file's order");
        Map<String, String> blocks = FleetOutput.blocks(applied.out());
        for (SshFleet.Host h : fleet.hosts()) {
            String block = blocks.get(h.name());
            assertTrue(block.startsWith("routesync will perform these changes on " + h.name() + ":\n\n"
                    + "  + ip route add 10.98.0.0/16 dev eth0 table mgmt proto routesync\n\nPlan: 1 to add, 0 to change, 0 to delete.\n\n"
                    + "Apply complete: 1 added, 0 changed, 0 deleted.\nRecord: "), block);
            assertTrue(table100(h).contains(ManagedFleetFiles.HARMLESS_ROUTE), h.name());
        }
        assertTrue(applied.out().endsWith("Hosts: 8 total, 0 ok, 8 changed, 0 failed, 0 unreachable.\n"), applied::toString);
        CliRunner.Result again = run("plan", "-i", inventory, "--detailed-exitcode");
        assertEquals(ExitCodes.OK, again.exitCode(), again::toString);
    }

    @Test
    void aHostChangedSinceThePlanIsRefusedAsStaleWhileTheOthersApply() throws IOException {
        CliRunner.Result saved = run("plan", "-i", files.inventory(ManagedFleetFiles.HARMLESS, Map.of()).toString(), "--out",
                planFile.toString(), "--json");
        assertEquals(ExitCodes.OK, saved.exitCode(), saved::toString);
        assertEquals(SIZE, new ObjectMapper().readTree(saved.out()).get("hosts").size(), "stdout is the plan's JSON document");
        assertTrue(saved.err().contains("To apply exactly this plan, run: routesync apply " + planFile), saved::toString);

        fleet.ip(3, "route", "add", "10.97.0.0/16", "dev", "eth0", "table", "100");
        String before3 = table100(fleet.host(3));
        fleet.stopSshd(6);
        CliRunner.Result r;
        try {
            r = run("apply", planFile.toString(), "--json", "--forks", "3");
        } finally {
            fleet.startSshd(6);
        }
        assertEquals(ExitCodes.FAILED, r.exitCode(), "a failed (stale) host outranks an unreachable one: " + r);
        JsonNode hosts = new ObjectMapper().readTree(r.out()).get("hosts");
        for (SshFleet.Host h : fleet.hosts()) {
            JsonNode host = hosts.get(h.index());
            assertEquals(h.name(), host.get("host").asText());
            if (h.index() == 3) {
                assertEquals("failed", host.get("status").asText());
                assertTrue(host.get("error").asText().startsWith("plan is stale: h3: its owned rules, routes or table names changed"),
                        host.toString());
            } else if (h.index() == 6) {
                assertEquals("unreachable", host.get("status").asText(), host.toString());
            } else {
                assertEquals("changed", host.get("status").asText(), host.toString());
                assertEquals("applied", host.get("outcome").asText());
                assertTrue(table100(h).contains(ManagedFleetFiles.HARMLESS_ROUTE), h.name());
            }
        }
        assertEquals(before3, table100(fleet.host(3)), "nothing applied on the stale host");
        assertFalse(table100(fleet.host(6)).contains("10.98.0.0/16"), "nothing applied on the unreachable host");
    }

    @Test
    void anEditedFleetPlanIsRefusedWithNothingApplied() throws IOException {
        assertEquals(ExitCodes.OK, run("plan", "-i", files.inventory(ManagedFleetFiles.HARMLESS, Map.of()).toString(), "--out",
                planFile.toString()).exitCode());
        Files.writeString(planFile, Files.readString(planFile).replace("10.98.0.0/16", "10.96.0.0/16"));
        CliRunner.Result r = run("apply", planFile.toString());
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        assertTrue(r.err().contains("the plan file was changed after it was written"), r::toString);
        for (SshFleet.Host h : fleet.hosts()) assertEquals(managedTable(h), table100(h), h.name());
    }

    @Test
    void aChangeThatCutsTheManagementPathIsRefusedUnlessAllowed() {
        String inventory = files.inventory(ManagedFleetFiles.MANAGED, Map.of("h0", ManagedFleetFiles.CUT, "h1",
                ManagedFleetFiles.HARMLESS)).toString();
        CliRunner.Result r = run("apply", "-i", inventory, "--auto-approve");
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        String h0 = FleetOutput.blocks(r.out()).get("h0");
        String route = "(" + fleet.host(0).address() + " to " + fleet.host(0).controllerAddress() + ")";
        assertTrue(h0.contains("error: h0 failed: the reply path of this ssh connection " + route + " would be cut: "), h0);
        assertTrue(h0.contains("apply again with --allow-management-change"), h0);
        assertTrue(r.out().contains("  h0  failed: the reply path of this ssh connection"), r::toString);
        assertTrue(r.out().contains("  h1  changed (1)\n"), "the check passes a change that keeps the path: " + r);
        assertEquals(managedTable(fleet.host(0)), table100(fleet.host(0)), "nothing applied on h0");

        // a saved plan is checked the same way when it is applied
        assertEquals(ExitCodes.OK, run("plan", "-i", inventory, "--out", planFile.toString(), "--limit", "h0").exitCode());
        CliRunner.Result file = run("apply", planFile.toString());
        assertEquals(ExitCodes.FAILED, file.exitCode(), file::toString);
        assertTrue(file.err().contains("error: h0: the reply path of this ssh connection " + route + " would be cut: "), file::toString);
        assertTrue(file.err().contains("--allow-management-change"), file::toString);
        assertEquals(managedTable(fleet.host(0)), table100(fleet.host(0)), "nothing applied on h0");
    }

    /**
     * The one test that waits for a confirmation deadline: the cut host is lost, its own timer puts
     * the route back after 10 s, and by then the harmless changes, confirmed at once, are past theirs.
     */
    @Test
    void withConfirmHarmlessChangesStayAndAHostThatWasCutOffRestoresItself() {
        String inventory = files.inventory(ManagedFleetFiles.HARMLESS, Map.of("h0", ManagedFleetFiles.CUT)).toString();
        String before0 = table100(fleet.host(0));
        long start = System.nanoTime();
        // --timeout: the cut host's apply waits that long for output that cannot come back
        CliRunner.Result r = run("apply", "-i", inventory, "--auto-approve", "--confirm", "10", "--allow-management-change", "--timeout", "30");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        assertTrue(seconds >= 10 && seconds < 90, seconds + " s");
        Map<String, String> blocks = FleetOutput.blocks(r.out());
        assertTrue(blocks.get("h0").contains("error: NOT CONFIRMED: "), blocks.get("h0"));
        assertTrue(blocks.get("h0").contains("h0 rolled the change back by itself; everything the apply touched is as it was before."),
                blocks.get("h0"));
        assertTrue(r.out().contains("  h0  failed: not confirmed: "), r::toString);
        for (int i = 1; i < SIZE; i++) {
            SshFleet.Host h = fleet.host(i);
            assertTrue(blocks.get(h.name()).contains("Confirmed over a new connection: " + h.name()
                    + " is reachable and verified; the change stays.\n"), blocks.get(h.name()));
            assertTrue(r.out().contains("  " + h.name() + "  changed (1)\n"), r::toString);
        }
        assertTrue(r.out().endsWith("Hosts: 8 total, 0 ok, 7 changed, 1 failed, 0 unreachable.\n"), r::toString);

        sleepSeconds(3); // past every harmless host's deadline, however late it was armed
        assertEquals(before0, table100(fleet.host(0)), "h0 is as before the apply");
        for (int i = 1; i < SIZE; i++) assertTrue(table100(fleet.host(i)).contains(ManagedFleetFiles.HARMLESS_ROUTE), "h" + i);
        // read again over ssh: h0 is reachable, the others are converged and nothing awaits confirmation
        CliRunner.Result again = run("plan", "-i", inventory, "--detailed-exitcode", "--limit", "all:!h0");
        assertEquals(ExitCodes.OK, again.exitCode(), again::toString);
        assertEquals(ExitCodes.OK, run("plan", "-i", inventory, "--limit", "h0").exitCode());
    }

    private static String table100(SshFleet.Host h) {
        return fleet.ip(h.index(), "route", "show", "table", "100");
    }

    private static String managedTable(SshFleet.Host h) {
        return ManagedFleetFiles.routeBack(h) + " dev eth0 proto 245 scope link src " + h.address() + " \n";
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (SshFleet.Host h : fleet.hosts()) names.add(h.name());
        return names;
    }

    private static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--ssh-program", String.join(" ", fleet.sshProgram())));
        return CliRunner.run(all);
    }

    private static void sleepSeconds(int s) {
        try {
            Thread.sleep(s * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

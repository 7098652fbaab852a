package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.SshFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Health probes ({@code probes:}) with apply --confirm over a real SSH fleet of three hosts
 * ({@link ManagedFleetFiles}): probes that pass let the change be confirmed; a host whose probes fail
 * keeps its timer armed and rolls the change back by itself, its block naming the failed probes; in a
 * staged rollout that failure stops the rollout.
 */
class ProbesSshFleetTest {
    private static final int SIZE = 3;
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

    /** The harmless state plus probes: a ping back to the controller from the host's address, and a TCP connect to its own sshd. */
    private static String passing(SshFleet.Host h) {
        return "probes:\n"
                + "  - { ping: " + h.controllerAddress() + ", from: \"{{ host_addr }}\", timeout: 3 }\n"
                + "  - { tcp: \"{{ host_addr }}\", port: 22 }\n";
    }

    /** One probe that passes and two that fail: a port nothing listens on, and an address the host has no route to. */
    private static String failing(SshFleet.Host h) {
        return "probes:\n"
                + "  - { tcp: " + h.address() + ", port: 22 }\n"
                + "  - { tcp: " + h.controllerAddress() + ", port: 1, timeout: 3 }\n"
                + "  - { ping: 10.66.0.1, timeout: 2 }\n";
    }

    /** An inventory giving each host the harmless state and a state of probes: failing ones for {@code failingHosts}. */
    private static String inventory(Map<String, Boolean> failingHosts) throws IOException {
        Path states = fleet.dir().resolve("repo/states");
        Map<String, String> byHost = new HashMap<>();
        Files.createDirectories(states);
        for (SshFleet.Host h : fleet.hosts()) {
            boolean fails = failingHosts.getOrDefault(h.name(), false);
            Files.writeString(states.resolve("probes-" + h.name() + ".yml"), fails ? failing(h) : passing(h));
            byHost.put(h.name(), ManagedFleetFiles.HARMLESS + ", probes-" + h.name());
        }
        return files.inventory(ManagedFleetFiles.HARMLESS, byHost).toString();
    }

    @Test
    void probesThatPassLetTheChangeBeConfirmed() throws IOException {
        CliRunner.Result r = run("apply", "-i", inventory(Map.of()), "--auto-approve", "--confirm", "20");
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        Map<String, String> blocks = FleetOutput.blocks(r.out());
        for (SshFleet.Host h : fleet.hosts()) {
            assertTrue(blocks.get(h.name()).contains("Confirmed over a new connection: " + h.name()), blocks.get(h.name()));
            assertTrue(table100(h).contains(ManagedFleetFiles.HARMLESS_ROUTE), h.name());
        }
    }

    /** Waits for one confirmation deadline (8 s): h1's probes fail, so its own timer takes the change back. */
    @Test
    void aHostWhoseProbesFailRollsItselfBackAndStopsTheRollout() throws IOException {
        String before1 = table100(fleet.host(1));
        CliRunner.Result r = run("apply", "-i", inventory(Map.of("h1", true)), "--auto-approve", "--confirm", "8", "--serial", "1");
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        String h1 = FleetOutput.blocks(r.out()).get("h1");
        SshFleet.Host host1 = fleet.host(1);
        assertTrue(h1.contains("error: NOT CONFIRMED: 2 health probes failed: tcp " + host1.controllerAddress() + " port 1: failed (exit 1): "),
                h1);
        assertTrue(h1.contains("Connection refused; ping 10.66.0.1: failed (exit 2): "), h1);
        assertFalse(h1.contains("tcp " + host1.address() + " port 22"), "a probe that passed is not named: " + h1);
        assertTrue(h1.contains("h1 rolled the change back by itself; everything the apply touched is as it was before."), h1);
        assertTrue(r.out().contains("  h0  batch 1  changed (1)\n"), r::toString);
        assertTrue(r.out().contains("  h1  batch 2  failed: not confirmed: 2 health probes failed: "), r::toString);
        assertTrue(r.out().contains("  h2  batch 3  untouched: the rollout stopped before batch 3 of 3; nothing was done here\n"), r::toString);
        assertTrue(table100(fleet.host(0)).contains(ManagedFleetFiles.HARMLESS_ROUTE), "h0 was confirmed");
        assertEquals(before1, table100(host1), "h1 is as it was before the apply");
        assertFalse(table100(fleet.host(2)).contains(ManagedFleetFiles.HARMLESS_ROUTE), "h2 was never changed");
    }

    /** A plan file keeps each host's probes: apply PLAN --confirm runs them (and waits for one deadline, 8 s). */
    @Test
    void aSavedPlanRunsTheProbesItWasMadeWith() throws IOException {
        Path planFile = fleet.dir().resolve("probes.plan");
        CliRunner.Result saved = run("plan", "-i", inventory(Map.of("h2", true)), "--out", planFile.toString());
        assertEquals(ExitCodes.OK, saved.exitCode(), saved::toString);
        inventory(Map.of()); // the probe files as they are now play no part: the plan has its own
        String before2 = table100(fleet.host(2));
        CliRunner.Result r = run("apply", planFile.toString(), "--confirm", "8");
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        Map<String, String> blocks = FleetOutput.blocks(r.out());
        assertTrue(blocks.get("h2").contains("error: NOT CONFIRMED: 2 health probes failed: tcp " + fleet.host(2).controllerAddress()
                + " port 1: "), blocks.get("h2"));
        assertTrue(blocks.get("h0").contains("Confirmed over a new connection: h0"), blocks.get("h0"));
        assertTrue(blocks.get("h1").contains("Confirmed over a new connection: h1"), blocks.get("h1"));
        assertEquals(before2, table100(fleet.host(2)), "h2 rolled itself back");
        assertTrue(table100(fleet.host(1)).contains(ManagedFleetFiles.HARMLESS_ROUTE));
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

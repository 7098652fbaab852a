package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.saved.SavedPlan;
import io.routesync.testing.SshFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh options given by data (inventory, --var, plan file) that would make the real OpenSSH client run a
 * program or write a file on the controller: each is refused before ssh starts, and a canary proves
 * that nothing ran and nothing was written. These are the attacks of the hardening issue, run with the
 * real ssh (each creates its canary when the option reaches ssh), plus positive controls: the options
 * that only tune the connection still work against a real sshd.
 */
class SshDataOptionsTest {
    private static SshFleet fleet;

    @TempDir
    Path dir;
    private Path canary;
    private Path inventory;

    @BeforeAll
    static void startFleet() {
        SshFleet.require();
        fleet = SshFleet.start(1);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) fleet.close();
    }

    @BeforeEach
    void files() throws IOException {
        canary = dir.resolve("CANARY");
        inventory = dir.resolve("inventory/hosts.yml");
        Files.createDirectories(dir.resolve("inventory"));
        Files.createDirectories(dir.resolve("states"));
        Files.writeString(dir.resolve("states/uplink.yml"), FleetFiles.STATE);
    }

    /** Issue 9 item 1, first attack: a config file named by the data with a ProxyCommand ran on {@code plan -i}. */
    @Test
    void aConfigFileNamedByTheInventoryIsRefused() throws IOException {
        Path config = Files.writeString(dir.resolve("evil_config"), "Host *\n  ProxyCommand touch " + canary + "\n");
        writeInventory("      ansible_ssh_common_args: \"-F " + config + "\"\n");
        CliRunner.Result r = CliRunner.run("plan", "-i", inventory.toString());
        assertRefused(r, "ansible_ssh_common_args: -F is not allowed");
        assertTrue(r.err().contains(inventory + ":13:7:"), "names the file, line and column: " + r);
    }

    /** Second attack: -E appends ssh's log (with -v: text the data chooses, like -i evil.so) to any file. */
    @Test
    void aLogFileNamedByTheInventoryIsRefused() throws IOException {
        Path log = dir.resolve("ld.so.preload");
        writeInventory("      ansible_port: 9\n      ansible_ssh_extra_args: \"-v -E " + log + " -i " + dir.resolve("evil.so") + "\"\n");
        // the user's own configuration is not read (-F /dev/null, trusted): the test depends on nothing of this machine's
        CliRunner.Result r = CliRunner.run("plan", "-i", inventory.toString(), "--ssh-program", "ssh -F /dev/null", "--connect-timeout", "2");
        assertRefused(r, "ansible_ssh_extra_args: -v is not allowed");
        assertFalse(Files.exists(log), "ssh wrote its log: " + r);
    }

    /** Third attack: a known_hosts file and the line written into it, chosen by the data, with --ssh-accept-new. */
    @Test
    void aKnownHostsFileNamedByTheInventoryIsRefused() throws IOException {
        Path target = dir.resolve("written-by-ssh");
        writeInventory("      ansible_ssh_common_args: \"-o UserKnownHostsFile=" + target
                + " -o HashKnownHosts=no -o HostKeyAlias=chosen-text\"\n");
        CliRunner.Result r = run("plan", "-i", inventory.toString(), "--ssh-accept-new");
        assertRefused(r, "-o UserKnownHostsFile is not allowed");
        assertFalse(Files.exists(target), "ssh wrote the file: " + r);
    }

    /**
     * --var fills the states' templates; it never reached a connection, and silently did nothing for one.
     * Now it says so instead of ignoring the value.
     */
    @Test
    void aConnectionVariableGivenWithVarIsRefused() throws IOException {
        Path config = Files.writeString(dir.resolve("evil_config"), "Host *\n  ProxyCommand touch " + canary + "\n");
        writeInventory("");
        CliRunner.Result r = run("plan", "-i", inventory.toString(), "--var", "ansible_ssh_common_args=-F " + config);
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--var ansible_ssh_common_args: connection variables are read from the inventory only"), r.toString());
        assertFalse(Files.exists(canary), "a program ran: " + r);
    }

    /** And for plan files: one edited to add a ProxyCommand, its sha256 recomputed as the writer does, is refused. */
    @Test
    void aPlanFileWithAProxyCommandIsRefused() throws Exception {
        writeInventory("");
        Path planFile = dir.resolve("plan.json");
        CliRunner.Result made = run("plan", "-i", inventory.toString(), "--out", planFile.toString());
        assertEquals(ExitCodes.OK, made.exitCode(), made.toString());

        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(planFile));
        ObjectNode plan = (ObjectNode) root.get("plan");
        ArrayNode extra = (ArrayNode) plan.get("hosts").get(0).get("target").get("extra_args");
        extra.add("-o").add("ProxyCommand=touch " + canary);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((SavedPlan.FORMAT + " " + SavedPlan.FORMAT_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(json.writeValueAsBytes(plan));
        root.put("sha256", HexFormat.of().formatHex(sha.digest()));
        Files.writeString(planFile, json.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));

        CliRunner.Result r = run("apply", planFile.toString());
        assertEquals(ExitCodes.FAILED, r.exitCode(), r.toString());
        assertTrue(r.err().contains("-o ProxyCommand is not allowed: it runs a program on this machine"), r.toString());
        assertTrue(r.err().contains("Nothing was applied"), r.toString());
        assertFalse(Files.exists(canary), "the ProxyCommand ran: " + r);
        assertFalse(fleet.ip(0, "rule", "show").contains("lookup 100"), "nothing was applied");
    }

    /** Positive control: every kind of option that only tunes the connection still reaches ssh and works. */
    @Test
    void optionsThatOnlyTuneTheConnectionStillWork() throws IOException {
        int loginsBefore = fleet.acceptedLogins(0);
        writeInventory(String.join("\n",
                "      ansible_port: 22",
                "      ansible_user: root",
                "      ansible_ssh_private_key_file: " + fleet.dir().resolve("client_key"),
                // through h0 itself as the jump host (its ssh_config alias, so ssh sees no loop)
                "      ansible_ssh_common_args: \"-o ServerAliveInterval=15 -o ServerAliveCountMax=3 -J root@h0:22\"",
                "      ansible_ssh_extra_args: \"-C -4 -o Ciphers=aes256-gcm@openssh.com -o IdentitiesOnly=yes -o LogLevel=ERROR -o ConnectTimeout=5\"",
                ""));
        CliRunner.Result r = run("plan", "-i", inventory.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("h0  changes pending (5)"), r.toString());
        // allowed, but routesync's own --connect-timeout wins: said, not silently dropped
        assertTrue(r.err().contains("the ssh option connecttimeout in ansible_ssh_common_args/ansible_ssh_extra_args has no effect"), r.toString());
        assertTrue(fleet.acceptedLogins(0) >= loginsBefore + 2, "one login for the jump, one for the host: " + fleet.acceptedLogins(0));
    }

    /**
     * routesync's host key checking holds for a jump host too: the user's configuration accepts any key
     * of "lax-jump" (StrictHostKeyChecking no, its own known_hosts), which ssh's own ProxyJump would use;
     * routesync's ProxyCommand checks the jump strictly, so the run refuses the unknown key, writes no key,
     * and reports the host unreachable. The same configuration through a known jump (the positive
     * control above) works.
     */
    @Test
    void anUnknownJumpHostKeyIsRefusedWhateverTheUsersConfigurationSays() throws IOException {
        Path laxKnown = dir.resolve("lax_known_hosts");
        Path config = Files.writeString(dir.resolve("ssh_config"), "Host lax-jump\n  HostName " + fleet.host(0).address()
                + "\n  StrictHostKeyChecking no\n  UserKnownHostsFile " + laxKnown + "\n" + Files.readString(fleet.sshConfig()));
        String program = String.join(" ", fleet.inController(List.of("ssh", "-F", config.toString())));
        int loginsBefore = fleet.acceptedLogins(0);
        writeInventory("      ansible_ssh_common_args: \"-J root@lax-jump:22\"\n");
        CliRunner.Result r = CliRunner.run("plan", "-i", inventory.toString(), "--ssh-program", program);
        assertEquals(ExitCodes.UNAVAILABLE, r.exitCode(), r.toString());
        assertTrue(r.out().contains("h0  unreachable"), r.toString());
        assertTrue(r.out().contains("h0  unreachable: the connection through the jump host root@lax-jump:22 failed"), r.toString());
        assertFalse(Files.exists(laxKnown) && Files.size(laxKnown) > 0, "a jump host key was accepted and written");
        assertEquals(loginsBefore, fleet.acceptedLogins(0), "no login through an unverified jump host");
    }

    private void assertRefused(CliRunner.Result r, String message) {
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertTrue(r.err().contains(message), r.toString());
        assertTrue(r.err().contains("host h0"), "names the host: " + r);
        assertTrue(r.err().contains("~/.ssh/config or --ssh-program"), "says what to do instead: " + r);
        assertFalse(Files.exists(canary), "a program ran: " + r);
    }

    /** One host h0, the fleet's, with its on-target paths in this test's directory; {@code more} adds its variables. */
    private void writeInventory(String more) throws IOException {
        SshFleet.Host h = fleet.host(0);
        Path targets = dir.resolve("targets");
        Files.writeString(inventory, String.join("\n",
                "all:",
                "  vars:",
                "    routesync_states: [uplink]",
                "    routesync_etc_dir: " + targets.resolve("iproute2"),
                "    routesync_state_dir: " + targets.resolve("lib/routesync"),
                "    routesync_lock_dir: " + targets.resolve("run/routesync"),
                "  hosts:",
                "    h0:",
                "      ansible_host: " + h.address(),
                "      host_addr: " + h.address(),
                "      gateway: " + h.controllerAddress(),
                "      service_net: " + FleetFiles.serviceNet(0),
                "") + more);
    }

    private static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--ssh-program", String.join(" ", fleet.sshProgram())));
        return CliRunner.run(all);
    }
}

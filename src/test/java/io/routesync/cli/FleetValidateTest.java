package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.routesync.git.TestRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate -i checks every selected host's assembled state offline and reports all hosts' errors at once. */
class FleetValidateTest {
    @TempDir
    Path dir;

    @BeforeEach
    void checkout() throws IOException {
        Files.createDirectories(dir.resolve("inventory"));
        Files.createDirectories(dir.resolve("states"));
        Files.writeString(dir.resolve("states/uplink.yml"), String.join("\n",
                "tables:",
                "  uplink: 100",
                "rules:",
                "  - { priority: 1000, from: \"{{ host_addr }}\", table: uplink }",
                "routes:",
                "  uplink:",
                "    - { to: \"{{ service_net }}\", via: \"{{ gateway }}\", dev: eth0 }",
                ""));
        Files.writeString(dir.resolve("states/broken.yml"), "tables:\n  uplink: 100\nrulez: []\n");
        Files.writeString(dir.resolve("inventory/hosts.yml"), String.join("\n",
                "all:",
                "  vars:",
                "    routesync_states: [uplink]",
                "    service_net: 198.18.0.0/29",
                "  hosts:",
                "    h1: { host_addr: 10.0.0.1 }",
                "    h2: { host_addr: 10.0.0.2 }",
                "    h3: { host_addr: 10.0.0.3, gateway: 10.0.0.254, routesync_states: [] }",
                "    h4: { host_addr: 10.0.0.4, gateway: 10.0.0.254, routesync_state_dir: var/lib/rs }",
                "    h5: { host_addr: 10.0.0.5, gateway: 10.0.0.254, service_net: 198.18.0.0/33 }",
                "    h6: { host_addr: 10.0.0.6, gateway: 10.0.0.254, routesync_states: [broken] }",
                "    h7: { host_addr: 10.0.0.7, gateway: 10.0.0.254 }",
                ""));
    }

    @Test
    void everyHostsErrorsAreReportedTogetherWithTheirPlaceAndHost() {
        CliRunner.Result r = CliRunner.run("validate", "-i", dir.resolve("inventory/hosts.yml").toString());
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertEquals("", r.out());
        String inv = dir.resolve("inventory/hosts.yml").toString();
        String states = dir.resolve("states").toString();
        assertEquals(String.join("\n",
                inv + ":8:5: error: host h3: no routesync_states: routesync has nothing to manage there",
                "  fix: list the host's states in routesync_states (host_vars/h3.yml or a group's vars), or leave it out with --limit",
                inv + ":9:53: error: host h4: routesync_state_dir 'var/lib/rs' is not a path routesync can use on the host",
                "  fix: an absolute path of letters, digits and _ . + @ - /, without '..'",
                states + "/broken.yml:3:1: error: host h6: unknown key 'rulez' in a state file",
                "  fix: did you mean 'rules'?",
                states + "/uplink.yml:7:14: error: host h5: destination: prefix length /33 is out of range for IPv4",
                "  fix: a length from 0 to 32",
                // one error for the two hosts that lack the variable, at its place in the shared state
                states + "/uplink.yml:7:40: error: hosts h1, h2: variable 'gateway' is not defined in the inventory or by any --var",
                "  fix: set gateway in host_vars/, group_vars/ or the inventory, or pass --var gateway=VALUE, or correct the name",
                "5 errors; nothing was changed.",
                ""), r.err());
    }

    @Test
    void varOverridesTheInventoryOnEveryHost() {
        CliRunner.Result r = CliRunner.run("validate", "-i", dir.resolve("inventory/hosts.yml").toString(),
                "--limit", "h1:h2:h7", "--var", "gateway=10.0.0.253");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals("  h1  1 rules, 1 routes, 1 owned tables\n  h2  1 rules, 1 routes, 1 owned tables\n"
                + "  h7  1 rules, 1 routes, 1 owned tables\nValid: 3 hosts.\n", r.out());
    }

    @Test
    void aListIsNotAValueForAState() throws IOException {
        Files.writeString(dir.resolve("inventory/hosts.yml"), "all:\n  hosts:\n    h1:\n      routesync_states: [uplink]\n"
                + "      host_addr: [10.0.0.1, 10.0.0.2]\n      service_net: 198.18.0.0/29\n      gateway: 10.0.0.254\n");
        CliRunner.Result r = CliRunner.run("validate", "-i", dir.resolve("inventory/hosts.yml").toString());
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertEquals(dir.resolve("states/uplink.yml") + ":4:30: error: host h1: variable 'host_addr' is not defined in the inventory"
                + " or by any --var\n  fix: 'host_addr' is a list (set at " + dir.resolve("inventory/hosts.yml")
                + ":5:7); give it a single value there or pass --var host_addr=VALUE, or correct the name\n"
                + "1 error; nothing was changed.\n", r.err());
    }

    @Test
    void aLimitMatchingNothingIsAnError() {
        CliRunner.Result r = CliRunner.run("validate", "-i", dir.resolve("inventory/hosts.yml").toString(), "--limit", "h1:h8");
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertEquals("--limit: error: 'h8' matches no host or group (did you mean 'h1'?)", r.err().lines().findFirst().orElse(""));
    }

    @Test
    void inventoryOptionsAreCheckedAgainstEachOther() {
        String inv = dir.resolve("inventory/hosts.yml").toString();
        assertEquals(ExitCodes.USAGE, CliRunner.run("validate", "-i", inv, "-f", dir.resolve("states/uplink.yml").toString()).exitCode());
        assertEquals(ExitCodes.USAGE, CliRunner.run("validate", "-f", dir.resolve("states/uplink.yml").toString(), "--limit", "h1").exitCode());
        assertEquals(ExitCodes.USAGE, CliRunner.run("plan", "-i", inv, "--netns", "x").exitCode());
        assertEquals(ExitCodes.USAGE, CliRunner.run("plan", "-f", dir.resolve("states/uplink.yml").toString(), "--forks", "3").exitCode());
        assertEquals(ExitCodes.USAGE, CliRunner.run("plan", "-i", inv, "--forks", "0").exitCode());
        assertEquals(ExitCodes.USAGE, CliRunner.run("apply", "-i", inv, "--json").exitCode());
        assertEquals(ExitCodes.USAGE, CliRunner.run("show", "-i", inv).exitCode());
    }

    @Test
    void anInventoryIsReadFromAGitCommitWithFilesNamedByTheCommit() throws IOException {
        String commit = commitAll(dir);
        String shortId = commit.substring(0, 12);
        CliRunner.Result ok = CliRunner.run("validate", "--repo", dir.toString(), "-i", "inventory/hosts.yml", "--limit", "h7");
        assertEquals(ExitCodes.OK, ok.exitCode(), ok.toString());
        assertEquals("  h7  1 rules, 1 routes, 1 owned tables\nValid: 1 host.\n", ok.out());

        // the working tree is not what is read: break the state there, the commit still validates
        Files.writeString(dir.resolve("states/uplink.yml"), "rulez: []\n");
        CliRunner.Result committed = CliRunner.run("validate", "--repo", dir.toString(), "--ref", commit, "-i", "inventory/hosts.yml",
                "--limit", "h1");
        assertEquals(ExitCodes.DATA, committed.exitCode(), committed.toString());
        List<String> err = committed.err().lines().toList();
        assertTrue(err.get(0).startsWith("warning: " + dir + " has 1 uncommitted or untracked file(s); they are not used"), err.get(0));
        assertTrue(err.get(1).startsWith("Desired state from commit " + shortId), err.get(1));
        assertEquals(shortId + ":states/uplink.yml:7:40: error: host h1: variable 'gateway' is not defined in the inventory or by any --var",
                err.get(2));
        assertEquals(ExitCodes.USAGE, CliRunner.run("validate", "--repo", dir.toString(), "-i", dir.resolve("inventory/hosts.yml").toString())
                .exitCode(), "with --repo, -i is a path in the repository");
        assertEquals(ExitCodes.USAGE, CliRunner.run("validate", "--repo", dir.toString(), "-f", "states/uplink.yml").exitCode());
    }

    /** Commits everything in {@code repo} (a new repository; JGit, so no git binary is needed) and returns the commit id. */
    static String commitAll(Path repo) {
        try (TestRepo git = TestRepo.init(repo)) {
            return git.commit("fleet").getName();
        }
    }

    @Test
    void everySubcommandHasHelpWithItsExitCodes() {
        CliRunner.Result r = CliRunner.run("plan", "--help");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertTrue(r.out().contains("-i, --inventory=FILE"), r.out());
        assertTrue(r.out().replace("\n", " ").contains("1 if any host failed; else 69 if any host was unreachable; else 2"), r.out());
    }
}

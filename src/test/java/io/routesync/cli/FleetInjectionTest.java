package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.Shell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inventory values built to run a command on the controller or on a host. Each is either refused
 * before any host is contacted (exit 65, a diagnostic naming the host) or reaches ssh as one argv
 * word and the remote shell as one single-quoted word. The proof is a canary file that a command
 * would create, and a stand-in ssh (--ssh-program) that records its argv and parses the remote
 * command the way the remote login shell would ({@code eval set -- COMMAND}), without running it:
 * an unquoted {@code $(...)} or backtick there would create the canary.
 */
class FleetInjectionTest {
    @TempDir
    Path dir;
    private Path canary;
    private Path argvLog;
    private Path remoteWords;
    private Path fakeSsh;

    @BeforeEach
    void files() throws IOException {
        canary = dir.resolve("CANARY");
        argvLog = dir.resolve("ssh-argv");
        remoteWords = dir.resolve("remote-words");
        fakeSsh = dir.resolve("fake-ssh");
        Files.writeString(fakeSsh, String.join("\n",
                "#!/bin/sh",
                "# routesync's ssh stand-in: records every argument, NUL-terminated",
                "for a; do printf '%s\\0' \"$a\" >> '" + argvLog + "'; done",
                "# the remote command is the last argument; split it as the remote login shell would",
                "for last; do :; done",
                "eval \"set -- $last\"",
                "for a; do printf '%s\\0' \"$a\" >> '" + remoteWords + "'; done",
                "echo 'fake ssh: not connecting' >&2",
                "exit 255",
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fakeSsh, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(dir.resolve("inventory"));
        Files.createDirectories(dir.resolve("states"));
        Files.writeString(dir.resolve("states/uplink.yml"), FleetFiles.STATE);
    }

    @Test
    void theCanaryAndTheStandInWork() throws IOException {
        // positive control: the stand-in's eval runs what is not quoted
        Shell.Result r = Shell.run(List.of(fakeSsh.toString(), "host", "touch " + canary + " $(touch " + canary + ")"), null);
        assertEquals(255, r.exitCode());
        assertTrue(Files.exists(canary), "an unquoted $(...) in the remote command creates the canary");
        assertTrue(Files.exists(argvLog));
    }

    /** One hostile host line each (h1), beside a good host (h2) that must not be contacted either. */
    @ParameterizedTest
    @ValueSource(strings = {
        "'h1;touch CANARY': {}",
        "'h1$(touch CANARY)': {}",
        "h1: { ansible_host: '$(touch CANARY)' }",
        "h1: { ansible_host: '-oProxyCommand=touch CANARY' }",
        "h1: { ansible_host: '`touch CANARY`' }",
        "h1: { ansible_host: '10.0.0.1 -oProxyCommand=touch' }",
        "h1: { ansible_user: 'root;touch CANARY' }",
        "h1: { ansible_user: '-oProxyCommand=touch CANARY' }",
        "h1: { ansible_user: 'ro ot' }",
        "h1: { ansible_port: '22;touch CANARY' }",
        "h1: { ansible_ssh_private_key_file: '$(touch CANARY)' }",
        "h1: { ansible_ssh_private_key_file: '-oProxyCommand=touch' }",
        "h1: { ansible_ssh_common_args: \"-o ProxyCommand='touch CANARY'\" }",
        "h1: { ansible_ssh_common_args: '-F x; touch CANARY' }",
        "h1: { ansible_ssh_extra_args: \"-o PermitLocalCommand=yes -o LocalCommand='touch CANARY'\" }",
        "h1: { ansible_ssh_extra_args: \"-o SetEnv='RS_NOTE=$(touch CANARY)'\" }",
        "h1: { ansible_ssh_extra_args: '$(touch CANARY)' }",
        "h1: { ansible_ssh_extra_args: 'otherhost touch CANARY' }",
        "h1: { gateway: '10.0.0.254;touch CANARY' }",
        "h1: { gateway: '$(touch CANARY)' }",
        "h1: { gateway: '`touch CANARY`' }",
        "h1: { gateway: '10.0.0.254 dev eth0' }",
        "h1: { gateway: '-10.0.0.254' }",
        "h1: { service_net: '198.18.0.0/29 table main' }",
        "h1: { routesync_state_dir: '/tmp/x$(touch CANARY)' }",
        "h1: { routesync_lock_dir: '/tmp/x;touch CANARY' }",
        "h1: { routesync_etc_dir: '/tmp/`touch CANARY`' }",
        "h1: { routesync_etc_dir: '/tmp/x/../../etc' }",
    })
    void hostileValuesAreRefusedBeforeAnyHostIsContacted(String hostLine) throws IOException {
        String line = hostLine.replace("CANARY", canary.toString());
        writeInventory("    " + line + "\n    h2: {}\n");
        CliRunner.Result r = plan();
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertTrue(r.err().contains(dir.resolve("inventory/hosts.yml") + ":") || r.err().contains(dir.resolve("states/uplink.yml") + ":"),
                "a diagnostic with the place: " + r);
        assertTrue(r.err().contains("h1"), "the diagnostic names the host: " + r);
        assertFalse(Files.exists(argvLog), "ssh was never started: " + r);
        assertFalse(Files.exists(canary));
    }

    @Test
    void allowedValuesWithShellCharactersReachSshAsSingleWords() throws IOException {
        // a word with a space: one argv word for ssh, never split by a shell
        String rekey = "RekeyLimit=1G 1h";
        writeInventory(String.join("\n",
                "    h1:",
                "      ansible_host: 10.0.0.1",
                "      ansible_user: deploy-user.1",
                "      ansible_port: 2222",
                "      ansible_ssh_private_key_file: ~/keys/id+test@fleet",
                "      ansible_ssh_extra_args:",
                "        - -o",
                "        - '" + rekey + "'",
                // a variable no state uses reaches nothing at all
                "      note: '$(touch " + canary + ")'",
                "      routesync_state_dir: /tmp/rs-injection/--state/routesync",
                ""));
        CliRunner.Result r = plan("--var", "unused=`touch " + canary + "`");
        assertEquals(ExitCodes.UNAVAILABLE, r.exitCode(), r.toString());
        assertTrue(r.out().contains("  h1  unreachable: fake ssh: not connecting\n"), r.toString());

        List<String> argv = words(argvLog);
        assertEquals(List.of("-o", "BatchMode=yes"), argv.subList(0, 2), "routesync's own options come first: " + argv);
        assertTrue(argv.contains("StrictHostKeyChecking=yes"), argv.toString());
        int extra = argv.indexOf(rekey);
        assertTrue(extra > 0 && argv.get(extra - 1).equals("-o"), "the -o value is one word: " + argv);
        assertEquals(List.of("-p", "2222"), argv.subList(argv.indexOf("-p"), argv.indexOf("-p") + 2));
        assertEquals(List.of("-l", "deploy-user.1"), argv.subList(argv.indexOf("-l"), argv.indexOf("-l") + 2));
        assertEquals(List.of("-i", "~/keys/id+test@fleet"), argv.subList(argv.indexOf("-i"), argv.indexOf("-i") + 2));
        int end = argv.indexOf("--");
        assertEquals("10.0.0.1", argv.get(end + 1), "the host comes after --, so it is never an option");
        assertEquals(end + 3, argv.size(), "nothing after the host but the remote command: " + argv);

        List<String> remote = words(remoteWords);
        assertEquals(List.of("sh", "-c"), remote.subList(0, 2));
        assertEquals("routesync", remote.get(3));
        // read.sh's arguments: marker, netns, etc dir, lock file, lock wait, state dir, tables
        assertEquals(List.of("", "/etc/iproute2", "/run/routesync/routesync.lock", "10", "/tmp/rs-injection/--state/routesync", "100"),
                remote.subList(5, remote.size()));
        assertFalse(Files.exists(canary), "nothing ran");
    }

    /**
     * Inventory variables are data: they cannot pick the directory routesync writes into (here a copy of
     * /etc/sudoers.d, root's and 0750; with ansible_connection local that would be the controller's).
     */
    @Test
    void inventoryDirectoriesMustBeNamedForWhatRoutesyncKeepsThere() throws IOException {
        Path sudoers = Files.createDirectories(dir.resolve("etc-copy/sudoers.d"));
        Files.setPosixFilePermissions(sudoers, PosixFilePermissions.fromString("rwxr-x---"));
        writeInventory("    h1:\n      ansible_connection: local\n      routesync_state_dir: " + sudoers + "\n    h2: {}\n");
        CliRunner.Result r = plan();
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        assertTrue(r.err().contains(dir.resolve("inventory/hosts.yml") + ":10:7: error: host h1: routesync_state_dir '" + sudoers
                + "' does not end in /routesync: routesync would write its files there"), r.toString());
        assertTrue(r.err().contains("fix: from data, a state or lock directory must be an absolute, normalised path whose last component"
                + " is 'routesync'"), r.toString());
        assertFalse(Files.exists(argvLog), "no host was contacted: " + r);
        for (String bad : new String[] {"routesync_etc_dir: " + sudoers, "routesync_lock_dir: " + sudoers,
            "routesync_etc_dir: " + dir.resolve("x/iproute2/../../etc-copy/sudoers.d/iproute2"), "routesync_state_dir: /var//lib/routesync"}) {
            writeInventory("    h1:\n      ansible_connection: local\n      " + bad + "\n    h2: {}\n");
            r = plan();
            assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
            assertTrue(r.err().contains(":10:") && r.err().contains("host h1: " + bad.substring(0, bad.indexOf(':'))), r.toString());
        }
        try (var files = Files.list(sudoers)) {
            assertEquals(List.of(), files.toList());
        }
        // --var does not reach them (it fills templates), and says so
        r = plan("--var", "routesync_state_dir=" + sudoers);
        assertEquals(ExitCodes.USAGE, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--var routesync_state_dir: where routesync keeps its files is read from the inventory or given with"
                + " --state-dir"), r.toString());
        // the operator's own --state-dir is not limited: the run gets past its inputs and reaches for the host
        writeInventory("    h1: { routesync_state_dir: " + sudoers + " }\n");
        r = plan("--state-dir", sudoers.toString());
        assertEquals(ExitCodes.UNAVAILABLE, r.exitCode(), r.toString());
        assertTrue(r.out().contains("  h1  unreachable: fake ssh: not connecting\n"), r.toString());
        assertTrue(words(remoteWords).contains(sudoers.toString()), "the command line's directory is used");
    }

    private void writeInventory(String hosts) throws IOException {
        Files.writeString(dir.resolve("inventory/hosts.yml"), String.join("\n",
                "all:",
                "  vars:",
                "    routesync_states: [uplink]",
                "    host_addr: 10.0.0.1",
                "    gateway: 10.0.0.254",
                "    service_net: 198.18.0.0/29",
                "  hosts:",
                "") + hosts);
    }

    private CliRunner.Result plan(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("plan", "-i", dir.resolve("inventory/hosts.yml").toString(),
                "--ssh-program", fakeSsh.toString()));
        args.addAll(Arrays.asList(more));
        return CliRunner.run(args);
    }

    private static List<String> words(Path nulTerminated) throws IOException {
        String text = Files.readString(nulTerminated, StandardCharsets.UTF_8);
        return Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1));
    }
}

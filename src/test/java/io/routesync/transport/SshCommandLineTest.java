package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ssh argument array, and the remote command surviving a real shell exactly. */
class SshCommandLineTest {
    private static final Path CONTROL = Path.of("/tmp/routesync-ssh-1");
    private static final SshCommandLine.Control RUN_OWNED = new SshCommandLine.Control(CONTROL, SshCommandLine.CONTROL_PERSIST, false);

    /** Prints $0 and every argument between brackets: what arrives, byte for byte. */
    private static final String ECHO_ARGS = "for a in \"$0\" \"$@\"; do printf '[%s]\\n' \"$a\"; done";

    /** Words a shell would love to interpret. */
    private static final List<String> HOSTILE = List.of(
            "it's", "'", "''", "'\\''", "$(touch CANARY)", "`touch CANARY`", "a; touch CANARY", "a && b || c",
            "line1\nline2\n", " leading and trailing ", "\t", "", "$HOME ${x:-y} $$ $? $#", "\"double\" \\back\\",
            "*", "?[a-z]", "~root", "#not a comment", "a|b>c<d&e", "(sub)", "{a,b}", "!event", "%C %h %%",
            "-oProxyCommand=touch CANARY", "ünïcødé ✓");

    @Test
    void routesyncOptionsComeFirstThenUserValuesThenTheHost() {
        SshSettings s = SshSettings.of("edge1.example.net").withPort(2222).withUser("deploy")
                .withIdentityFile("/keys/id_ed25519").withExtraArgs(List.of("-C", "-o", "ProxyJump=bastion"))
                .withConnectTimeout(Duration.ofSeconds(7));
        List<String> argv = SshCommandLine.argv(List.of("ssh"), RUN_OWNED, s, "echo hi", List.of("a b"));
        assertEquals(List.of("ssh",
                "-o", "BatchMode=yes", "-o", "RequestTTY=no", "-o", "ConnectTimeout=7",
                "-o", "StrictHostKeyChecking=yes", "-o", "ControlMaster=auto",
                "-o", "ControlPath=/tmp/routesync-ssh-1/%C", "-o", "ControlPersist=60s",
                "-p", "2222", "-l", "deploy", "-i", "/keys/id_ed25519",
                "-o", "ProxyCommand=ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o ConnectTimeout=7 -W '[%h]:%p' -- bastion",
                "-C",
                "--", "edge1.example.net", "sh -c 'echo hi' routesync 'a b'"), argv);
    }

    /**
     * A kept master (--ssh-persist) persists as long as asked and asks its host while idle, after the
     * inventory's arguments: a ServerAliveInterval the data gives comes first, so it wins.
     */
    @Test
    void aKeptMasterPersistsAsAskedAndKeepsItsHostAsked() {
        SshCommandLine.Control kept = new SshCommandLine.Control(Path.of("/run/user/0/routesync-kept"), Duration.ofSeconds(600), true);
        List<String> argv = SshCommandLine.argv(List.of("ssh"), kept, SshSettings.of("edge1").withExtraArgs(List.of("-o", "ServerAliveInterval=30")),
                "true", List.of());
        assertEquals(List.of("-o", "ControlMaster=auto", "-o", "ControlPath=/run/user/0/routesync-kept/%C", "-o", "ControlPersist=600s"),
                argv.subList(argv.indexOf("ControlMaster=auto") - 1, argv.indexOf("ControlPersist=600s") + 1));
        assertEquals(List.of("-o", "ServerAliveInterval=30", "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=2", "--", "edge1"),
                argv.subList(argv.indexOf("--") - 6, argv.indexOf("--") + 2));
        assertFalse(SshCommandLine.argv(List.of("ssh"), RUN_OWNED, SshSettings.of("edge1"), "true", List.of()).contains("ServerAliveInterval=5"),
                "a run's own masters end with the run: no asks of routesync's own");
    }

    /** A run that reaches each host once (plan) shares no connection: no master, and none of the user's either. */
    @Test
    void aRunWithoutSharedConnectionsStartsNoMasterAndUsesNone() throws Exception {
        SshConnections once = SshConnections.openUnshared(List.of("ssh"));
        try {
            assertEquals(null, once.controlDir(), "no control directory is made");
            List<String> argv = SshCommandLine.argv(once.program(), once.control(), SshSettings.of("edge1.example.net"), "echo hi",
                    List.of());
            assertEquals(List.of("ssh",
                    "-o", "BatchMode=yes", "-o", "RequestTTY=no", "-o", "ConnectTimeout=" + SshSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds(),
                    "-o", "StrictHostKeyChecking=yes", "-o", "ControlMaster=no", "-o", "ControlPath=none",
                    "--", "edge1.example.net", "sh -c 'echo hi' routesync"), argv);
            assertEquals(List.of(), once.sockets());
        } finally {
            once.close();
        }
    }

    /**
     * A jump host from data gets routesync's own ProxyCommand: the same program (its -F, its netns or
     * VRF), batch mode, host key checking and connect timeout, the data's address family, user and port.
     * ssh expands its % tokens and the user's shell reads it back word for word.
     */
    @Test
    void aJumpHostGetsRoutesyncsOptionsInAProxyCommandEveryShellReadsBack() {
        List<String> program = List.of("ip", "netns", "exec", "ctl", "ssh", "-F", "/etc/routesync/ssh config?",
                "-o", "ControlPath=~/.ssh/cm-%r@%h:%p");
        SshSettings s = SshSettings.of("2001:db8::7").withAcceptNewHostKeys(true).withConnectTimeout(Duration.ofSeconds(4))
                .withExtraArgs(List.of("-6", "-o", "ServerAliveInterval=5", "-J", "deploy@bastion-1.example.net:2222", "-C"));
        List<String> argv = SshCommandLine.argv(program, RUN_OWNED, s, "true", List.of());
        assertFalse(argv.contains("-J"), argv.toString());
        int at = argv.indexOf("ServerAliveInterval=5");
        assertEquals(List.of("-6", "-o", "ServerAliveInterval=5", "-C", "--", "2001:db8::7"), argv.subList(at - 2, at + 4));
        String command = argv.get(argv.indexOf("ControlPersist=60s") + 2);
        assertEquals("ProxyCommand=ip netns exec ctl ssh -F '/etc/routesync/ssh config?' -o 'ControlPath=~/.ssh/cm-%%r@%%h:%%p'"
                + " -o BatchMode=yes -o StrictHostKeyChecking=accept-new -o ConnectTimeout=4 -6 -l deploy -p 2222 -W '[%h]:%p'"
                + " -- bastion-1.example.net", command);
        // what ssh then runs: its % tokens expanded, "exec " in front, through the user's shell
        String expanded = java.util.regex.Pattern.compile("%(.)").matcher(command.substring("ProxyCommand=".length()))
                .replaceAll(m -> m.group(1).equals("h") ? "2001:db8::7" : m.group(1).equals("p") ? "22" : "%");
        for (String shell : List.of("sh", "bash")) {
            String words = Shell.check(shell, "-c", "printf '<%s>\\n' " + expanded).stdout();
            assertEquals("<ip>\n<netns>\n<exec>\n<ctl>\n<ssh>\n<-F>\n</etc/routesync/ssh config?>\n<-o>\n"
                    + "<ControlPath=~/.ssh/cm-%r@%h:%p>\n<-o>\n<BatchMode=yes>\n<-o>\n<StrictHostKeyChecking=accept-new>\n<-o>\n"
                    + "<ConnectTimeout=4>\n<-6>\n<-l>\n<deploy>\n<-p>\n<2222>\n<-W>\n<[2001:db8::7]:22>\n<-->\n"
                    + "<bastion-1.example.net>\n", words, shell);
        }
    }

    @Test
    void aProgramWordNoShellReadsBackTheSameIsRefusedForAJump() {
        SshSettings s = SshSettings.of("edge1").withExtraArgs(List.of("-J", "bastion"));
        for (String word : List.of("it's", "a\\b", "hi!")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> SshCommandLine.argv(List.of("ssh", "-o", word), RUN_OWNED, s, "true", List.of()));
            assertTrue(e.getMessage().contains("cannot be passed on to the jump host's connection"), e.getMessage());
        }
        // without a jump the same program is run as it is, with no shell in between
        SshCommandLine.argv(List.of("ssh", "-o", "it's"), RUN_OWNED, SshSettings.of("edge1"), "true", List.of());
    }

    @Test
    void absentValuesAreLeftToTheUsersSshConfig() {
        List<String> argv = SshCommandLine.argv(List.of("ip", "netns", "exec", "ctl", "ssh"), RUN_OWNED,
                SshSettings.of("10.0.0.1").withAcceptNewHostKeys(true), "true", List.of());
        assertEquals(List.of("ip", "netns", "exec", "ctl", "ssh"), argv.subList(0, 5));
        assertTrue(argv.contains("StrictHostKeyChecking=accept-new"));
        assertFalse(argv.contains("-p") || argv.contains("-l") || argv.contains("-i"));
        assertEquals(List.of("--", "10.0.0.1", "sh -c 'true' routesync"), argv.subList(argv.size() - 3, argv.size()));
    }

    /**
     * ssh -G prints the options ssh would use, without connecting: ask ssh itself who wins. The config
     * comes with the ssh program (the trusted way: data may not name one with -F).
     */
    @Test
    void neitherExtraArgsNorAConfigFileCanUndoRoutesyncsOptions(@TempDir Path dir) throws java.io.IOException {
        Path config = dir.resolve("ssh_config");
        Files.writeString(config, "Host *\n  StrictHostKeyChecking no\n  BatchMode no\n  ControlMaster no\n"
                + "  ControlPath /elsewhere/%C\n  RequestTTY force\n  Port 2200\n  User fromconfig\n  ProxyJump bastion\n");
        SshSettings s = SshSettings.of("edge1").withUser("deploy").withExtraArgs(List.of(
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=99"));
        List<String> argv = new ArrayList<>(SshCommandLine.argv(List.of("ssh", "-F", config.toString()), RUN_OWNED, s, "true", List.of()));
        argv.add(1, "-G");
        String effective = Shell.run(argv, null).check(argv).stdout();
        for (String line : List.of("batchmode yes", "stricthostkeychecking true", "controlmaster auto",
                "controlpersist 60", "requesttty false", "connecttimeout 10",
                "user deploy", "hostname edge1")) {
            assertTrue(effective.lines().anyMatch(line::equals), "expected '" + line + "' in\n" + effective);
        }
        // ssh -G prints ControlPath with %C already expanded
        assertTrue(effective.lines().anyMatch(l -> l.matches("controlpath /tmp/routesync-ssh-1/[0-9a-f]{40}")), effective);
        // what routesync does not set stays the user's
        assertTrue(effective.lines().anyMatch("port 2200"::equals), effective);
        assertTrue(effective.lines().anyMatch("proxyjump bastion"::equals), effective);
    }

    @Test
    void quotingFollowsPosixSingleQuotes() {
        assertEquals("'plain'", SshCommandLine.quote("plain"));
        assertEquals("''", SshCommandLine.quote(""));
        assertEquals("'it'\\''s'", SshCommandLine.quote("it's"));
        assertThrows(IllegalArgumentException.class, () -> SshCommandLine.quote("a\0b"));
    }

    /** sshd runs {@code $SHELL -c COMMAND}: the remote command must mean what LocalTarget's argv means. */
    @ParameterizedTest
    @ValueSource(strings = {"sh", "dash", "bash"})
    void hostileArgumentsArriveExactlyThroughALoginShell(String shell, @TempDir Path dir) {
        assertArrive(shell, dir, ECHO_ARGS, HOSTILE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void aScriptFullOfQuotesAndSubstitutionsRunsAsWritten(String shell, @TempDir Path dir) {
        // the script's own text: quotes, $(), backticks, ';', comments, a here-document, CRLF-free newlines
        String script = String.join("\n",
                "# a comment with 'quotes' and \"doubles\"; `ticks` $(subst)",
                "x='single '\"'\"' quote'",
                "printf '[%s]\\n' \"$x\" \"$(printf '%s' sub)\" \"`printf '%s' tick`\"; printf '[%s]\\n' \"$1\"",
                "cat <<'EOF'",
                "here 'doc' $not `expanded`",
                "EOF",
                "");
        assertArrive(shell, dir, script, List.of("$(touch CANARY)"));
    }

    @Test
    void seededRandomArgumentsSurvive(@TempDir Path dir) {
        String alphabet = "ab Z09'\"\\$`;|&<>(){}[]*?~#!%=,.-_\n\t\r\u00e9\u2713/";
        Random random = new Random(20240611L);
        for (int round = 0; round < 20; round++) {
            List<String> args = new ArrayList<>();
            for (int n = random.nextInt(8); n >= 0; n--) {
                StringBuilder word = new StringBuilder();
                for (int k = random.nextInt(40); k > 0; k--) word.append(alphabet.charAt(random.nextInt(alphabet.length())));
                args.add(word.toString());
            }
            assertArrive("sh", dir, ECHO_ARGS, args);
        }
    }

    /**
     * Runs the remote command the way sshd does ({@code SHELL -c COMMAND}) and the script the way
     * LocalTarget does (an argument array), in a directory where a CANARY file would show an escape.
     */
    private static void assertArrive(String shell, Path dir, String script, List<String> args) {
        String command = SshCommandLine.remoteCommand(script, args);
        List<String> viaSsh = List.of("env", "-C", dir.toString(), shell, "-c", command);
        List<String> direct = new ArrayList<>(List.of("env", "-C", dir.toString(), "sh", "-c", script, "routesync"));
        direct.addAll(args);
        Shell.Result remote = Shell.run(viaSsh, null).check(viaSsh);
        Shell.Result local = Shell.run(direct, null).check(direct);
        assertEquals(local.stdout(), remote.stdout(), "through " + shell + " -c " + command);
        if (script.equals(ECHO_ARGS)) {
            StringBuilder expected = new StringBuilder("[routesync]\n");
            for (String a : args) expected.append('[').append(a).append("]\n");
            assertEquals(expected.toString(), remote.stdout());
        }
        assertFalse(Files.exists(dir.resolve("CANARY")), "a word escaped its quotes: " + command);
    }
}

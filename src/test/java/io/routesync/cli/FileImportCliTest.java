package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import --from on the command line: the state it prints, what it lists, its exit codes and its usage errors. */
class FileImportCliTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path to = dir.resolve(name.replace('/', '-'));
        try (InputStream in = FileImportCliTest.class.getResourceAsStream("/import/" + name)) {
            Files.writeString(to, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return to;
    }

    private Path etc() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc/rt_tables.d"));
        Files.writeString(dir.resolve("etc/rt_tables"), "255 local\n254 main\n253 default\n1 rt2\n");
        // names from rt_tables.d count as iproute2 reads them
        Files.writeString(etc.resolve("isp.conf"), "100 isp\n");
        return etc.getParent();
    }

    @Test
    void whatWasNotTranslatedIsListedAtTheTopAndOnStderrAndTheExitCodeIs65ButTheStateStillLoads() throws IOException {
        Path script = resource("script/rc.local");
        CliRunner.Result run = CliRunner.run("import", "--from", "script", script.toString(), "--etc-dir", etc().toString());
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        String out = run.out();
        assertTrue(out.contains("# Not imported (12): write what routing these make by hand, if any.\n"), out);
        assertTrue(out.contains("#   " + script + ":19:31: $WAN is set by a line routesync could not read\n"), out);
        assertTrue(out.contains("#   " + script + ":29:1: (note) 'echo' is not an ip command"), out);
        assertTrue(out.contains("tables:\n  rt2: 1\nrules:\n  - \"pref 1000 from 192.168.2.10 lookup rt2\"  # from " + script + ":13\n"), out);
        assertTrue(out.contains("  - { family: inet6, priority: 1002, from: \"2001:db8:2::/64\", table: \"rt2\" }  # from ")
                || out.contains("  - \"pref 1002 from 2001:db8:2::/64 lookup rt2\"  # from " + script + ":15\n"), out);
        assertTrue(run.err().contains(script + ":19:31: error: $WAN is set by a line routesync could not read\n"), run.err());
        assertTrue(run.err().endsWith("9 lines or values were not imported; the state above lacks what they make (see the list at its top).\n"),
                run.err());

        Path state = dir.resolve("state.yml");
        Files.writeString(state, out);
        CliRunner.Result validate = CliRunner.run("validate", "-f", state.toString());
        assertEquals(0, validate.exitCode(), validate::toString);
    }

    @Test
    void entriesWithAnExplicitProtocolKeepItAndTheOthersLeaveItToTheTag() throws IOException {
        Path network = resource("networkd/10-eth1.network");
        CliRunner.Result run = CliRunner.run("import", "--from", "networkd", network.toString(), "--etc-dir", etc().toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("    - \"default via 192.168.2.1 dev eth1 onlink proto static metric 100 mtu 1536 initcwnd 10"
                + " initrwnd 20 quickack 1\"  # from " + network + ":15\n"), run.out());
        assertTrue(run.out().contains("tables:\n  rt2: 1\n  isp: 100\n"), run.out());
        assertTrue(run.out().contains("  main:\n    - \"default via 192.168.2.254 dev eth1\"  # from " + network + ":7\n"), run.out());
    }

    @Test
    void usageErrors() throws IOException {
        Path f = resource("seed/interfaces");
        CliRunner.Result unknown = CliRunner.run("import", "--from", "yaml", f.toString());
        assertEquals(ExitCodes.USAGE, unknown.exitCode());
        assertEquals("error: --from yaml is not a format routesync imports: use interfaces, script, netplan, networkd\n", unknown.err());
        CliRunner.Result none = CliRunner.run("import", "--from", "netplan");
        assertEquals(ExitCodes.USAGE, none.exitCode());
        assertEquals("error: --from netplan needs the files to read, e.g. routesync import --from netplan /etc/netplan/*.yaml\n", none.err());
        CliRunner.Result noFormat = CliRunner.run("import", f.toString());
        assertEquals(ExitCodes.USAGE, noFormat.exitCode());
        assertEquals("error: files given without --from FORMAT: say how to read them\n", noFormat.err());
        CliRunner.Result netns = CliRunner.run("import", "--from", "interfaces", f.toString(), "--netns", "x");
        assertEquals(ExitCodes.USAGE, netns.exitCode());
        assertTrue(netns.err().startsWith("error: --from reads files, not a host"), netns.err());
        CliRunner.Result missing = CliRunner.run("import", "--from", "script", dir.resolve("nope.sh").toString());
        assertEquals(ExitCodes.DATA, missing.exitCode());
        assertTrue(missing.err().startsWith(dir.resolve("nope.sh") + ": error: no such file\n"), missing.err());
    }

    @Test
    void nothingReadCanEndAYamlCommentAndBecomeYaml() throws IOException {
        Path netplan = dir.resolve("evil.yaml");
        Files.writeString(netplan, "network:\n  version: 2\n  ethernets:\n    eth1:\n      routes:\n"
                + "        - to: \"10.0.0.0/8\\nroutes: {evil: [x]}\\u2028rules: []\"\n          via: 10.0.0.1\n");
        CliRunner.Result run = CliRunner.run("import", "--from", "netplan", netplan.toString(), "--etc-dir", etc().toString());
        assertEquals(ExitCodes.DATA, run.exitCode(), run::toString);
        // every YAML 1.1 line break: \u2028 would end a comment for snakeyaml as \n does
        Files.writeString(dir.resolve("etc/rt_tables.d/odd.conf"), "7 a:{b}\n");
        Path script = dir.resolve("s.sh");
        Files.writeString(script, "ip route add 10.0.0.0/8 dev eth1 table 7\n");
        CliRunner.Result odd = CliRunner.run("import", "--from", "script", script.toString(), "--etc-dir", dir.resolve("etc").toString());
        assertEquals(0, odd.exitCode(), odd::toString);
        assertTrue(odd.out().endsWith("routes:\n  \"7\":\n    - \"10.0.0.0/8 dev eth1\"  # from " + script + ":1\n"), odd.out());
        assertTrue(odd.err().contains("odd.conf:1: warning: 'a:{b}' is not a valid table name; table 7 is written by number"), odd.err());
        for (String line : run.out().split("[\\r\\n\\u0085\\u2028\\u2029]")) {
            assertTrue(line.startsWith("#") || line.equals("rules: []") || line.equals("routes: {}"), line);
        }
    }
}

package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.formats.export.ToolOracle;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed article's own /etc/network/interfaces (two uplinks, table rt2, its post-up lines), brought up
 * by the real ifup inside a namespace, imported with {@code import --from interfaces}: the plan of the
 * imported state against that namespace is empty (issue 14, "Done means").
 */
class SeedImportNetnsTest {
    @TempDir
    Path dir;
    private Netns ns;

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    @Test
    void theSeedInterfacesFileImportsIntoAStateThatPlansEmptyAgainstTheHostItConfigures() throws IOException {
        KernelAccess.require();
        ToolOracle.require("ifup", "ifupdown");
        ToolOracle.require("unshare", "util-linux");
        Path interfaces = copy("interfaces");
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.copy(resource("rt_tables"), etc.resolve("rt_tables"));
        ns = Netns.create("seedimp");
        ns.vethPair("eth0", "eth0p");
        ns.vethPair("eth1", "eth1p");
        // ifup runs the file's own lines in the namespace; 'table rt2' needs rt2 in /etc/iproute2, so that is the
        // test's etc in a private mount namespace (the machine's /etc/iproute2 is never touched)
        Path ifstate = Files.createDirectories(dir.resolve("ifstate"));
        List<String> ifup = List.of("ip", "netns", "exec", ns.name(), "unshare", "-m", "--propagation", "private", "sh", "-c",
                "mount --bind \"$1\" /etc/iproute2 && exec ifup -i \"$2\" --state-dir \"$3\" --no-scripts eth0 eth1",
                "sh", etc.toString(), interfaces.toString(), ifstate.toString());
        Shell.run(ifup, null).check(ifup);
        assertTrue(ns.ip("rule", "show").contains("from 192.168.2.10 lookup 1"), "ifup ran the post-up lines");

        CliRunner.Result imported = CliRunner.run("import", "--from", "interfaces", interfaces.toString(), "--etc-dir", etc.toString());
        assertEquals(0, imported.exitCode(), imported::toString);
        String file = interfaces.toString();
        assertEquals(String.join("\n",
                "# Imported by routesync from interfaces: " + file + ".",
                "# Each entry says where it came from. Entries without proto/protocol get routesync's tag when applied;",
                "# tables under 'tables:' are owned: routesync deletes routes in them that this file does not list.",
                "tables:",
                "  rt2: 1",
                "rules:",
                "  - \"from 192.168.2.10 lookup rt2\"  # from " + file + ":22",
                "  - \"to 192.168.2.10 lookup rt2\"  # from " + file + ":23",
                "routes:",
                "  main:",
                "    - \"default via 192.168.1.1 dev eth0 onlink\"  # from " + file + ":13",
                "  rt2:",
                "    - \"192.168.2.0/24 dev eth1 src 192.168.2.10\"  # from " + file + ":20",
                "    - \"default via 192.168.2.1 dev eth1\"  # from " + file + ":21",
                ""), imported.out());
        Path state = dir.resolve("imported.yml");
        Files.writeString(state, imported.out());

        CliRunner.Result plan = CliRunner.run("plan", "--detailed-exitcode", "--no-color", "-f", state.toString(),
                "--netns", ns.name(), "--etc-dir", etc.toString(), "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.toString());
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().startsWith("No changes."), plan::toString);
    }

    private Path copy(String name) throws IOException {
        Path to = dir.resolve(name);
        Files.copy(resource(name), to);
        return to;
    }

    private static InputStream resource(String name) {
        return SeedImportNetnsTest.class.getResourceAsStream("/import/seed/" + name);
    }
}

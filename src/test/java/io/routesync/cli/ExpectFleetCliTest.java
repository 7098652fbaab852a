package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.Shell;
import io.routesync.testing.SshFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code expect:} over a real SSH fleet (three namespaces with their own sshd): apply -i checks every
 * host's flows with its kernel after the batch, and {@code routesync test -i} asks each host's kernel,
 * a PASS/FAIL line per flow under each host, failing the run when one host's kernel routes a flow
 * otherwise.
 */
class ExpectFleetCliTest {
    private static final String STATE = String.join("\n",
            "tables: { mgmt: 100 }",
            "rules:",
            "  - { priority: 1000, to: \"{{ route_back }}\", table: mgmt }",
            "routes:",
            "  mgmt:",
            "    - \"{{ route_back }} dev eth0 scope link src {{ host_addr }}\"",
            "expect:",
            "  - { from: \"{{ host_addr }}\", to: \"{{ controller }}\", dev: eth0, table: mgmt }",
            "  - { from: \"{{ host_addr }}\", to: 10.98.0.5, type: unreachable }",
            "");
    private static SshFleet fleet;

    @BeforeAll
    static void startFleet() {
        SshFleet.require();
        fleet = SshFleet.start(3);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) fleet.close();
    }

    private static Path inventory() throws Exception {
        Path root = fleet.dir().resolve("expect");
        Files.createDirectories(root.resolve("states"));
        Files.writeString(root.resolve("states/mgmt.yml"), STATE);
        StringBuilder y = new StringBuilder("all:\n  vars:\n");
        for (String[] kind : new String[][] {{"etc", "iproute2"}, {"state", "lib/routesync"}, {"lock", "run/routesync"}}) {
            y.append("    routesync_").append(kind[0]).append("_dir: \"").append(root).append("/targets/{{ inventory_hostname }}/")
                    .append(kind[1]).append("\"\n");
        }
        y.append("  hosts:\n");
        for (SshFleet.Host h : fleet.hosts()) {
            y.append("    ").append(h.name()).append(":\n")
                    .append("      ansible_host: \"").append(h.address()).append("\"\n")
                    .append("      host_addr: \"").append(h.address()).append("\"\n")
                    .append("      controller: \"").append(h.controllerAddress()).append("\"\n")
                    .append("      route_back: \"").append(ManagedFleetFiles.routeBack(h)).append("\"\n")
                    .append("      routesync_states: [mgmt]\n");
        }
        Files.createDirectories(root.resolve("inventory"));
        return Files.writeString(root.resolve("inventory/hosts.yml"), y.toString());
    }

    private static CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--no-color", "--ssh-program", String.join(" ", fleet.sshProgram())));
        return CliRunner.run(all);
    }

    @Test
    void applyChecksEveryHostsKernelAndTestFailsTheHostThatRoutesAFlowOtherwise() throws Exception {
        String inv = inventory().toString();
        CliRunner.Result applied = run("apply", "-i", inv, "--auto-approve");
        assertEquals(ExitCodes.OK, applied.exitCode(), applied::toString);
        for (SshFleet.Host h : fleet.hosts()) {
            // the route back now lives in table mgmt: main's copy goes, so the expectation is what keeps the host reachable
            fleet.ip(h.index(), "route", "del", ManagedFleetFiles.routeBack(h), "dev", "eth0", "table", "main");
        }
        CliRunner.Result passed = run("test", "-i", inv);
        assertEquals(ExitCodes.OK, passed.exitCode(), passed::toString);
        assertTrue(passed.out().endsWith("Hosts: 3 of 3 passed.\n"), passed::toString);

        // someone routes 10.98.0.0/16 on h1 by hand: only h1 fails, the others still pass
        SshFleet.Host h1 = fleet.host(1);
        Shell.check("ip", "-n", h1.netns(), "route", "add", "10.98.0.0/16", "dev", "eth0");
        try {
            CliRunner.Result failed = run("test", "-i", inv);
            assertEquals(ExitCodes.FAILED, failed.exitCode(), failed::toString);
            String out = failed.out();
            assertTrue(out.contains(h1.name() + "\nPASS  "), out);
            assertTrue(out.contains("/states/mgmt.yml:9:5  from " + h1.address() + " to 10.98.0.5 -> unreachable\n"
                    + "      the kernel (ip route get) gives unicast 10.98.0.5 from " + h1.address() + " dev eth0 table 254"), out);
            assertTrue(out.endsWith("Hosts: 2 of 3 passed.\n"), out);
        } finally {
            Shell.run("ip", "-n", h1.netns(), "route", "del", "10.98.0.0/16", "dev", "eth0");
        }
    }
}

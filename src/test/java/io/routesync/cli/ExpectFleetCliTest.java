package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.Shell;
import io.routesync.testing.SshFleet;
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

    private static Path inventory() {
        return new ManagedFleetFiles(fleet, fleet.dir().resolve("expect")).state("expect", STATE).inventory("expect", java.util.Map.of());
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
            assertTrue(out.contains("/states/expect.yml:9:5  from " + h1.address() + " to 10.98.0.5 -> unreachable\n"
                    + "      the kernel (ip route get) gives unicast 10.98.0.5 from " + h1.address() + " dev eth0 table 254"), out);
            assertTrue(out.endsWith("Hosts: 2 of 3 passed.\n"), out);
        } finally {
            Shell.run("ip", "-n", h1.netns(), "route", "del", "10.98.0.0/16", "dev", "eth0");
        }
    }
}

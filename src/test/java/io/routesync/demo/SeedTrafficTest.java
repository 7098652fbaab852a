package io.routesync.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import io.routesync.cli.CliRunner;
import io.routesync.testing.KernelAccess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed case with real packets: the far end pings the host's second address through gateway 2.
 * Both gateways filter strictly, so the reply only comes back once policy routing sends it out of eth1.
 */
class SeedTrafficTest {
    @TempDir
    Path dir;

    @Test
    void repliesComeBackThroughTheSecondUplinkOnlyAfterApply() throws Exception {
        KernelAccess.require();
        requirePing();
        try (DemoTopology topo = DemoTopology.create("rstraffic")) {
            assertFalse(topo.pingUplink2FromRemote(), "before: the reply leaves by eth0 and gateway 1 drops it");
            assertTrue(topo.routeGet(DemoTopology.REMOTE_ADDR, DemoTopology.UPLINK2_ADDR).contains("dev eth0"));

            CliRunner.Result apply = CliRunner.run("apply", "--auto-approve", "-f", "states/dual-uplink.yml",
                    "--var", "uplink2_addr=" + DemoTopology.UPLINK2_ADDR, "--var", "uplink2_net=" + DemoTopology.UPLINK2_NET,
                    "--var", "uplink2_gw=" + DemoTopology.UPLINK2_GW, "--netns", topo.hostNamespace(),
                    "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                    "--lock-dir", dir.toString());
            assertEquals(0, apply.exitCode(), apply::toString);

            assertTrue(topo.routeGet(DemoTopology.REMOTE_ADDR, DemoTopology.UPLINK2_ADDR).contains("dev eth1"));
            assertTrue(topo.pingUplink2FromRemote(), "after: the reply leaves by eth1 and gateway 2 forwards it");
        }
    }

    @Test
    void theDemoCommandRunsEndToEnd() {
        KernelAccess.require();
        requirePing();
        CliRunner.Result demo = CliRunner.run("demo", "--no-color");
        assertEquals(0, demo.exitCode(), demo::toString);
        assertTrue(demo.out().contains("Apply complete: 5 added, 0 changed, 0 deleted."), demo::toString);
        assertTrue(demo.out().contains("No changes."), demo::toString);
        assertTrue(demo.out().contains("leave by eth1, the uplink they came in on"), demo::toString);
        assertTrue(demo.out().contains("reply received"), demo::toString);
    }

    private static void requirePing() {
        if (DemoTopology.pingAvailable()) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("ping is missing; .ci/run installs iputils-ping");
        abort("skipped: ping is not installed (apt-get install iputils-ping)");
    }
}

package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boot: an apply keeps its desired state on the host, and {@code apply --last} restores it with no state files or git. */
class ApplyLastNetnsTest {
    @TempDir
    Path dir;
    Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("last");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    private CliRunner.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.toString(), "--no-color"));
        return CliRunner.run(all);
    }

    private String routing() {
        return ns.ip("rule", "show") + ns.ip("route", "show", "table", "102");
    }

    @Test
    void applyLastRestoresAFlushedNamespaceFromTheKeptState() throws Exception {
        CliRunner.Result first = cli("apply", "-f", "states/dual-uplink.yml", "--var", "uplink2_addr=192.168.2.10",
                "--var", "uplink2_net=192.168.2.0/24", "--var", "uplink2_gw=192.168.2.1", "--auto-approve");
        assertEquals(0, first.exitCode(), first::toString);
        String converged = routing();
        assertTrue(converged.contains("lookup uplink2") || converged.contains("lookup 102"), converged);
        Path kept = dir.resolve("state/desired.yaml");
        assertTrue(Files.isRegularFile(kept));
        assertFalse(Files.readString(kept).contains("{{"));

        // a reboot, as far as routing goes: the table and the rules are gone
        ns.ip("route", "flush", "table", "102");
        ns.ip("rule", "del", "pref", "1000");
        ns.ip("rule", "del", "pref", "1001");
        assertFalse(routing().contains("192.168.2.1 dev eth1"));

        CliRunner.Result last = cli("apply", "--last", "--auto-approve");
        assertEquals(0, last.exitCode(), last::toString);
        assertEquals(converged, routing());
        CliRunner.Result plan = cli("plan", "-f", "states/dual-uplink.yml", "--var", "uplink2_addr=192.168.2.10",
                "--var", "uplink2_net=192.168.2.0/24", "--var", "uplink2_gw=192.168.2.1");
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("No changes"), plan::toString);
    }

    @Test
    void aTargetFoundConvergedKeepsItsStateToo() throws Exception {
        List<String> apply = List.of("apply", "-f", "states/dual-uplink.yml", "--var", "uplink2_addr=192.168.2.10",
                "--var", "uplink2_net=192.168.2.0/24", "--var", "uplink2_gw=192.168.2.1", "--auto-approve");
        assertEquals(0, cli(apply.toArray(new String[0])).exitCode());
        Path kept = dir.resolve("state/desired.yaml");
        String text = Files.readString(kept);
        // converged before routesync kept states (an upgrade): the next run with nothing to change keeps it
        Files.delete(kept);
        CliRunner.Result again = cli(apply.toArray(new String[0]));
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals(text, Files.readString(kept));
    }

    @Test
    void withNothingKeptApplyLastSaysSoAndChangesNothing() {
        CliRunner.Result last = cli("apply", "--last", "--auto-approve");
        assertEquals(65, last.exitCode(), last::toString);
        assertTrue(last.err().contains("desired.yaml") && last.err().contains("no desired state was kept here"), last::toString);
        assertFalse(last.err().contains("Exception"), last::toString);
    }

    @Test
    void applyLastTakesNoStateFiles() {
        CliRunner.Result last = cli("apply", "--last", "-f", "states/dual-uplink.yml", "--auto-approve");
        assertEquals(64, last.exitCode(), last::toString);
    }

    @Test
    void anInvalidKeptStateIsReportedWithItsPlaceAndNothingIsApplied() throws Exception {
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/desired.yaml"), "rules:\n  - \"pref 10 from 10.0.0.1 lookup nowhere\"\n");
        CliRunner.Result last = cli("apply", "--last", "--auto-approve");
        assertEquals(65, last.exitCode(), last::toString);
        assertTrue(last.err().contains("desired.yaml:2:"), last::toString);
    }
}

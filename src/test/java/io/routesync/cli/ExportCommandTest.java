package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code routesync export}: stdout or --out, refusals as exit 65 with nothing written, usage errors as 64. */
class ExportCommandTest {
    private static final List<String> SEED = List.of("-f", "states/dual-uplink.yml", "--var", "uplink2_addr=192.168.2.10",
            "--var", "uplink2_net=192.168.2.0/24", "--var", "uplink2_gw=192.168.2.1");

    private static CliRunner.Result export(String... args) {
        List<String> all = new ArrayList<>(List.of("export"));
        all.addAll(List.of(args));
        return CliRunner.run(all);
    }

    private static String[] seed(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(SEED);
        return all.toArray(new String[0]);
    }

    @Test
    void printsTheSeedStateAsInterfacesStanzas() {
        CliRunner.Result r = export(seed("--to", "interfaces"));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("# routesync: written by routesync export --to interfaces, for ifupdown 0.8 (Debian 12).\n"
                + "# Tables are written by number: 102 uplink2.\n"), r.out());
        assertTrue(r.out().contains("\niface eth1 inet manual\n"
                + "    post-up ip route add 192.168.2.0/24 dev eth1 table 102 proto 245 src 192.168.2.10\n"
                + "    post-up ip route add default via 192.168.2.1 dev eth1 table 102 proto 245\n"
                + "    post-up ip rule add pref 1000 from 192.168.2.10 lookup 102 protocol 245\n"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void writesNetworkdAndNetplanFilesIntoOut(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("new/dir");
        CliRunner.Result r = export(seed("--to", "networkd", "--out", out.toString()));
        assertEquals(0, r.exitCode(), r.toString());
        Path file = out.resolve("routesync-eth1.network");
        assertEquals("wrote " + file + "\n", r.out());
        assertTrue(Files.readString(file).contains("\n[Match]\nName=eth1\n\n[Route]\nDestination=192.168.2.0/24\n"));

        r = export(seed("--to", "netplan", "--out", out.toString()));
        assertEquals(0, r.exitCode(), r.toString());
        Path yaml = out.resolve("90-routesync.yaml");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(yaml)));
        assertTrue(Files.readString(yaml).contains("network:\n  version: 2\n  ethernets:\n    \"eth1\":\n"));
    }

    @Test
    void whatTheFormatCannotExpressIsExit65AndNothingIsWritten(@TempDir Path tmp) {
        Path out = tmp.resolve("out");
        CliRunner.Result r = export("--to", "netplan", "-f", "src/test/resources/export/everything.yml", "--interface", "eth9",
                "--out", out.toString());
        assertEquals(65, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: netplan 0.106 (Debian 12), rendered by systemd-networkd cannot express 23 entries"
                + " of the state, so nothing was written:\n  ip rule add pref 900 fwmark 0x1 lookup vpn suppress_prefixlength 0"
                + " protocol routesync: netplan 0.106 has no suppress_prefixlength\n"), r.err());
        assertTrue(r.err().endsWith("or leave these entries out of the state given to export (docs/export-formats.md).\n"), r.err());
        assertFalse(Files.exists(out), "nothing is written");
        assertEquals("", r.out());
    }

    @Test
    void commandLineMistakesAreExit64() {
        CliRunner.Result r = export(seed("--to", "yaml"));
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.err().contains("netplan, networkd, interfaces"), r.err());
        r = export(SEED.toArray(new String[0]));
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--to"), r.err());
        r = export("--to", "netplan", "-i", "inventory/hosts.yml");
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.err().contains("export writes one host's state: give it with -f FILE"), r.err());
        r = export(seed("--to", "netplan", "--interface", "eth0;reboot"));
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: --interface eth0;reboot: 'eth0;reboot' is not a valid interface name"), r.err());
        r = export("--to", "netplan");
        assertEquals(64, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no desired state given"), r.err());
    }
}

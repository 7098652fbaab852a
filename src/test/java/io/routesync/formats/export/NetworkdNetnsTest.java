package io.routesync.formats.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Interface;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real systemd-networkd 252 as the oracle: each fixture's networkd export is installed by
 * systemd-networkd itself, run inside a network namespace (and a private mount namespace, with its
 * config directory, runtime directory and D-Bus directory bound to temporary ones: nothing of the
 * machine's is read or touched), on veth links named as the export's interfaces, with addresses added
 * by a test drop-in so the gateways and sources exist. What the kernel then holds, read with
 * routesync's own parsers, must be exactly the exported routes (protocol included) and rules
 * (protocol aside: networkd tags rules static); and the same for what {@code netplan generate} makes of
 * the netplan export, with protocol static on the routes. Needs root and network namespaces (fails under CI=true
 * without them) and systemd-networkd (Debian package systemd).
 */
class NetworkdNetnsTest {
    private static final Path NETWORKD = Path.of("/lib/systemd/systemd-networkd");
    private static final String SCRIPT = String.join("\n",
            "set -e",
            "mount --make-rprivate /",
            "mount --bind \"$1\" /etc/systemd/network",
            "mount -t tmpfs -o mode=0755 tmpfs /run/systemd/netif",
            "mkdir -p /run/systemd/netif/links /run/systemd/netif/leases /run/systemd/netif/lldp",
            "chown -R systemd-network: /run/systemd/netif",
            "mount -t tmpfs -o mode=0755 tmpfs /run/dbus",
            // networkd waits for udev to initialise a link unless /sys is read-only (as in a container)
            "mount -o remount,bind,ro /sys",
            "exec /lib/systemd/systemd-networkd");

    @Test
    void networkdInstallsExactlyTheExportedEntries(@TempDir Path tmp) throws Exception {
        KernelAccess.require();
        if (!Files.isExecutable(NETWORKD)) ToolOracle.require("systemd-networkd", "systemd");
        int n = 0;
        int checked = 0;
        for (Map.Entry<String, ExportInput> f : ExportFixtures.all().entrySet()) {
            if (f.getKey().endsWith("+fallback") && !f.getKey().contains("everything")) continue;
            ExportInput in = f.getValue();
            Exported exported = NetworkdWriter.write(in);
            if (exported.files().isEmpty()) continue;
            InterfaceGroups groups = InterfaceGroups.of(in, "networkd", new NetworkdLimits(in.protocolTag()));
            Path etc = Files.createDirectories(tmp.resolve("etc" + n++));
            for (ExportFile file : exported.files()) Files.writeString(etc.resolve(file.name()), file.text());
            List<String> expected = KernelReadBack.expected(groups, false, -1);
            List<String> installed = install(etc, groups, NetworkdWriter::fileName, expected.size());
            KernelReadBack.assertSame(expected, installed, f.getKey());
            checked += installed.size();
        }
        assertTrue(checked > 40, "checked only " + checked + " entries");
    }

    @Test
    void networkdInstallsWhatNetplanGeneratesFromTheExport(@TempDir Path tmp) throws Exception {
        KernelAccess.require();
        if (!Files.isExecutable(NETWORKD)) ToolOracle.require("systemd-networkd", "systemd");
        Path netplan = ToolOracle.require("netplan", "netplan.io");
        int n = 0;
        int checked = 0;
        for (Map.Entry<String, ExportInput> f : ExportFixtures.all().entrySet()) {
            if (f.getKey().endsWith("+fallback") && !f.getKey().contains("everything")) continue;
            ExportInput in = f.getValue();
            InterfaceGroups groups = InterfaceGroups.of(in, "netplan", new NetplanLimits(in.protocolTag()));
            if (groups.interfaces().isEmpty()) continue;
            Path root = tmp.resolve("root" + n++);
            Path yaml = Files.createDirectories(root.resolve("etc/netplan")).resolve(NetplanWriter.FILE);
            Files.writeString(yaml, NetplanWriter.write(in).files().get(0).text());
            Files.setPosixFilePermissions(yaml, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Shell.check(netplan.toString(), "generate", "--root-dir", root.toString());
            Path etc = root.resolve("run/systemd/network");
            List<String> expected = KernelReadBack.expected(groups, false, NetplanLimits.PROTOCOL_STATIC);
            List<String> installed = install(etc, groups, at -> "10-netplan-" + at.name() + ".network", expected.size());
            KernelReadBack.assertSame(expected, installed, f.getKey());
            checked += installed.size();
        }
        assertTrue(checked > 20, "checked only " + checked + " entries");
    }

    /**
     * In a new namespace: a veth link per device the entries use, with the addresses they need (a drop-in
     * beside the link's file, {@code fileName}, or set by hand on a link without one), then networkd on
     * the files in {@code etc}; what the kernel holds then.
     */
    private static List<String> install(Path etc, InterfaceGroups groups, java.util.function.Function<Interface, String> fileName,
            int count) throws Exception {
        try (Netns ns = Netns.create("nd")) {
            int peer = 0;
            for (Map.Entry<Interface, TreeSet<String>> link : KernelReadBack.addresses(groups).entrySet()) {
                Interface at = link.getKey();
                ns.vethPair(at.name(), "peer" + peer++);
                if (groups.interfaces().contains(at)) {
                    StringBuilder conf = new StringBuilder("[Network]\nIPv6DuplicateAddressDetection=0\n");
                    for (String a : link.getValue()) conf.append("Address=").append(a).append('\n');
                    Path dropIn = Files.createDirectories(etc.resolve(fileName.apply(at) + ".d"));
                    Files.writeString(dropIn.resolve("test-addresses.conf"), conf.toString());
                } else {
                    // a path's device without a file of its own: networkd leaves it alone
                    for (String a : link.getValue()) ns.ip("addr", "add", a, "dev", at.name());
                }
            }
            return run(ns, etc, count);
        }
    }

    /** Starts networkd in the namespace and reads the kernel until it holds as many entries as expected (20 s at most). */
    private static List<String> run(Netns ns, Path etc, int count) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns.name(), "unshare", "-m", "sh", "-c", SCRIPT, "sh", etc.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            List<String> installed = List.of();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < end) {
                Thread.sleep(300);
                installed = KernelReadBack.installed(ns, false);
                if (installed.size() >= count) {
                    Thread.sleep(500);
                    return KernelReadBack.installed(ns, false);
                }
            }
            return installed;
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        }
    }
}

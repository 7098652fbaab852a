package io.routesync.formats.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * (protocol aside: networkd tags rules static). Needs root and network namespaces (fails under CI=true
 * without them) and systemd-networkd (Debian package systemd).
 */
class NetworkdNetnsTest {
    private static final Path NETWORKD = Path.of("/lib/systemd/systemd-networkd");
    private static final Names NAMES = Names.builtin();
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
            List<String> expected = expected(groups);
            try (Netns ns = Netns.create("nd")) {
                int peer = 0;
                for (Map.Entry<Interface, TreeSet<String>> link : addresses(groups).entrySet()) {
                    Interface at = link.getKey();
                    ns.vethPair(at.name(), "peer" + peer++);
                    if (groups.interfaces().contains(at)) {
                        StringBuilder conf = new StringBuilder("[Network]\nIPv6DuplicateAddressDetection=0\n");
                        for (String a : link.getValue()) conf.append("Address=").append(a).append('\n');
                        Path dropIn = Files.createDirectories(etc.resolve(NetworkdWriter.fileName(at) + ".d"));
                        Files.writeString(dropIn.resolve("test-addresses.conf"), conf.toString());
                    } else {
                        // a path's device without a file of its own: networkd leaves it alone
                        for (String a : link.getValue()) ns.ip("addr", "add", a, "dev", at.name());
                    }
                }
                List<String> installed = run(ns, etc, expected.size());
                assertEquals(expected, installed, f.getKey());
                checked += installed.size();
            }
        }
        assertTrue(checked > 40, "checked only " + checked + " entries");
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
                installed = installed(ns);
                if (installed.size() >= count) {
                    Thread.sleep(500);
                    return installed(ns);
                }
            }
            return installed;
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        }
    }

    private static List<String> installed(Netns ns) throws Exception {
        TreeSet<String> lines = new TreeSet<>();
        for (Family family : Family.values()) {
            String flag = family == Family.INET6 ? "-6" : "-4";
            // networkd 252 sends table main with a Type= rule too; the kernel keeps but never uses it, and ip
            // prints "lookup main blackhole", which routesync's reader refuses as two actions (reported)
            String rules = ns.ip(flag, "rule", "show").replaceAll(" lookup main (blackhole|unreachable|prohibit)", " $1");
            for (Rule r : RuleGrammar.parseShowOutput(rules, family, NAMES, "ip rule show")) {
                if (!r.isDefaultRule()) lines.add(rule(r));
            }
            String routes = ns.ip(flag, "route", "show", "table", "all");
            for (Route r : RouteGrammar.parseShow(routes, family, TableId.MAIN, NAMES, "ip route show table all")) {
                if (r.protocol() != Route.PROTOCOL_KERNEL) lines.add(route(r));
            }
        }
        return List.copyOf(lines);
    }

    private static List<String> expected(InterfaceGroups groups) {
        TreeSet<String> lines = new TreeSet<>();
        for (Interface at : groups.interfaces()) {
            for (Route r : groups.routes(at)) {
                List<NextHop> hops = new ArrayList<>();
                for (NextHop h : r.nexthops()) hops.add(h.dev() != null ? h : new NextHop(h.via(), at, h.weight(), h.onlink()));
                lines.add(route(r.toBuilder().nexthops(hops).build()));
            }
            for (Rule r : groups.rules(at)) lines.add(rule(r));
        }
        return List.copyOf(lines);
    }

    private static String route(Route r) {
        return "route " + r.family() + " " + IpSyntax.routeArgs(r, null, true);
    }

    private static String rule(Rule r) {
        return "rule " + r.family() + " " + IpSyntax.ruleArgs(r.identity(), null);
    }

    /** Per device (a route's own, a path's, or the interface it is written under): the addresses its gateways and sources need. */
    private static Map<Interface, TreeSet<String>> addresses(InterfaceGroups groups) {
        Map<Interface, TreeSet<String>> addresses = new java.util.TreeMap<>();
        for (Interface at : groups.interfaces()) {
            addresses.computeIfAbsent(at, i -> new TreeSet<>());
            for (Route r : groups.routes(at)) {
                for (NextHop h : r.nexthops()) {
                    Interface dev = h.dev() != null ? h.dev() : at;
                    TreeSet<String> mine = addresses.computeIfAbsent(dev, i -> new TreeSet<>());
                    if (h.via() == null || h.onlink() || h.via().toString().startsWith("fe80:")) continue;
                    mine.add(beside(h.via()));
                }
                if (r.prefsrc() != null) addresses.get(at).add(r.prefsrc() + (r.family() == Family.INET ? "/32" : "/128"));
            }
        }
        return addresses;
    }

    /** An address of the gateway's subnet (/24, /64) that is not the gateway. */
    private static String beside(IpAddress gateway) {
        if (gateway.family() == Family.INET) {
            String g = gateway.toString();
            String net = g.substring(0, g.lastIndexOf('.') + 1);
            return net + (g.endsWith(".250") ? "251" : "250") + "/24";
        }
        Prefix net = new Prefix(gateway.masked(64), 64);
        return net.address().toString().replace("::", "::abcd") + "/64";
    }
}

package io.routesync.demo;

import io.routesync.transport.ProcessRunner;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed article's topology in four throwaway network namespaces:
 * <pre>
 *   host  eth0 192.168.1.10/24 ---- lan0 192.168.1.1  gw1  wan0 10.0.1.1/30 ---- up1 10.0.1.2  net
 *         eth1 192.168.2.10/24 ---- lan0 192.168.2.1  gw2  wan0 10.0.2.1/30 ---- up2 10.0.2.2  net
 *                                                                          net: 203.0.113.5/32 on lo
 * </pre>
 * The host's main table has one default route, via gw1. Both gateways forward with strict reverse
 * path filtering, so a reply from 192.168.2.10 that leaves by eth0 is dropped at gw1 as spoofed:
 * exactly the failure policy routing fixes. Everything is removed by {@link #close()}.
 */
public final class DemoTopology implements AutoCloseable {
    public static final String UPLINK2_ADDR = "192.168.2.10";
    public static final String UPLINK2_NET = "192.168.2.0/24";
    public static final String UPLINK2_GW = "192.168.2.1";
    public static final String REMOTE_ADDR = "203.0.113.5";

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String host;
    private final String gw1;
    private final String gw2;
    private final String net;
    private final List<String> created = new ArrayList<>();

    private DemoTopology(String prefix) {
        host = prefix + "-host";
        gw1 = prefix + "-gw1";
        gw2 = prefix + "-gw2";
        net = prefix + "-net";
    }

    /** Builds the topology under namespace names {@code PREFIX-XXXX-{host,gw1,gw2,net}}; cleans up if a step fails. */
    public static DemoTopology create(String prefix) throws TransportException {
        String unique = prefix + "-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 25), 36);
        DemoTopology t = new DemoTopology(unique);
        try {
            t.build();
        } catch (TransportException | RuntimeException e) {
            t.close();
            throw e;
        }
        return t;
    }

    public String hostNamespace() {
        return host;
    }

    public String gateway1Namespace() {
        return gw1;
    }

    public String gateway2Namespace() {
        return gw2;
    }

    public String remoteNamespace() {
        return net;
    }

    private void build() throws TransportException {
        for (String ns : List.of(host, gw1, gw2, net)) {
            run("ip", "netns", "add", ns);
            created.add(ns);
            run("ip", "-n", ns, "link", "set", "lo", "up");
        }
        link(host, "eth0", gw1, "lan0");
        link(host, "eth1", gw2, "lan0");
        link(gw1, "wan0", net, "up1");
        link(gw2, "wan0", net, "up2");
        address(host, "eth0", "192.168.1.10/24");
        address(host, "eth1", UPLINK2_ADDR + "/24");
        address(gw1, "lan0", "192.168.1.1/24");
        address(gw2, "lan0", UPLINK2_GW + "/24");
        address(gw1, "wan0", "10.0.1.1/30");
        address(gw2, "wan0", "10.0.2.1/30");
        address(net, "up1", "10.0.1.2/30");
        address(net, "up2", "10.0.2.2/30");
        address(net, "lo", REMOTE_ADDR + "/32");
        run("ip", "-n", host, "route", "add", "default", "via", "192.168.1.1", "dev", "eth0");
        run("ip", "-n", gw1, "route", "add", "default", "via", "10.0.1.2", "dev", "wan0");
        run("ip", "-n", gw2, "route", "add", "default", "via", "10.0.2.2", "dev", "wan0");
        run("ip", "-n", net, "route", "add", "192.168.1.0/24", "via", "10.0.1.1", "dev", "up1");
        run("ip", "-n", net, "route", "add", "192.168.2.0/24", "via", "10.0.2.1", "dev", "up2");
        for (String gw : List.of(gw1, gw2)) {
            sysctl(gw, "net/ipv4/ip_forward", "1");
            for (String iface : List.of("all", "default", "lan0", "wan0")) sysctl(gw, "net/ipv4/conf/" + iface + "/rp_filter", "1");
        }
        // the host and the far end do not filter: the demonstration is about what the gateways see
        for (String ns : List.of(host, net)) {
            for (String iface : List.of("all", "default")) sysctl(ns, "net/ipv4/conf/" + iface + "/rp_filter", "0");
        }
    }

    private void link(String nsA, String ifA, String nsB, String ifB) throws TransportException {
        run("ip", "link", "add", ifA, "netns", nsA, "type", "veth", "peer", "name", ifB, "netns", nsB);
        run("ip", "-n", nsA, "link", "set", ifA, "up");
        run("ip", "-n", nsB, "link", "set", ifB, "up");
    }

    private void address(String ns, String iface, String cidr) throws TransportException {
        run("ip", "-n", ns, "address", "add", cidr, "dev", iface);
    }

    private void sysctl(String ns, String key, String value) throws TransportException {
        // /proc/sys is per namespace for the process inside it; no procps needed
        run("ip", "netns", "exec", ns, "sh", "-c", "echo \"$1\" > \"/proc/sys/$2\"", "sysctl", value, key);
    }

    /** {@code ip route get TO from FROM} inside the host namespace, as the kernel answers it. */
    public String routeGet(String to, String from) throws TransportException {
        return run("ip", "-n", host, "route", "get", to, "from", from).stdout().strip();
    }

    /**
     * Pings the host's second address from the far end (source 203.0.113.5): true when a reply came
     * back. Needs {@code ping} (iputils-ping).
     */
    public boolean pingUplink2FromRemote() throws TransportException {
        ScriptResult r = ProcessRunner.run(List.of("ip", "netns", "exec", net, "ping", "-c", "1", "-W", "1",
                "-I", REMOTE_ADDR, UPLINK2_ADDR), null, TIMEOUT);
        return r.exitCode() == 0;
    }

    /** Whether a {@code ping} program is installed. */
    public static boolean pingAvailable() {
        try {
            return ProcessRunner.run(List.of("sh", "-c", "command -v ping"), null, TIMEOUT).exitCode() == 0;
        } catch (TransportException e) {
            return false;
        }
    }

    private static ScriptResult run(String... argv) throws TransportException {
        ScriptResult r = ProcessRunner.run(List.of(argv), null, TIMEOUT);
        if (r.exitCode() != 0) {
            throw new TransportException(String.join(" ", argv) + " failed: " + r.stderr().strip(), false);
        }
        return r;
    }

    /** Deletes every namespace created (their links go with them); never throws. */
    @Override
    public void close() {
        for (int i = created.size() - 1; i >= 0; i--) {
            try {
                ProcessRunner.run(List.of("ip", "netns", "del", created.get(i)), null, TIMEOUT);
            } catch (TransportException e) {
                // best effort: keep deleting the others
            }
        }
        created.clear();
    }
}

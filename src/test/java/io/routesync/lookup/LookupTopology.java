package io.routesync.lookup;

import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.testing.Netns;
import io.routesync.testing.Shell;
import java.util.List;
import java.util.Map;

/**
 * The namespace the lookup oracle test routes in: three veth devices with addresses, d2 in interface
 * group 1, forwarding on, and the sysctls that keep the kernel from checking reverse paths (which the
 * simulation does not model): rp_filter 0, accept_local 1, send_redirects 0.
 */
final class LookupTopology {
    static final List<Interface> DEVICES = List.of(Interface.of("d0"), Interface.of("d1"), Interface.of("d2"));
    static final List<IpAddress> LOCAL4 = List.of(IpAddress.parse("192.0.2.1"), IpAddress.parse("198.51.100.1"),
            IpAddress.parse("203.0.113.1"));
    static final List<IpAddress> LOCAL6 = List.of(IpAddress.parse("2001:db8:0:1::1"), IpAddress.parse("2001:db8:0:2::1"));
    static final Map<Interface, Integer> GROUPS = Map.of(Interface.of("d2"), 1);

    private LookupTopology() {
    }

    static Netns create() {
        Netns ns = Netns.create("lookup");
        try {
            // defaults first: devices created afterwards copy them
            for (String conf : List.of("all", "default")) {
                sysctl(ns, "net/ipv4/conf/" + conf + "/rp_filter", "0");
                sysctl(ns, "net/ipv4/conf/" + conf + "/accept_local", "1");
                sysctl(ns, "net/ipv4/conf/" + conf + "/send_redirects", "0");
                sysctl(ns, "net/ipv6/conf/" + conf + "/forwarding", "1");
            }
            sysctl(ns, "net/ipv4/ip_forward", "1");
            for (int i = 0; i < 3; i++) ns.vethPair("d" + i, "d" + i + "p");
            ns.ip("link", "set", "d2", "group", "1");
            ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
            ns.ip("address", "add", "198.51.100.1/24", "dev", "d1");
            ns.ip("address", "add", "203.0.113.1/24", "dev", "d2");
            ns.ip("-6", "address", "add", "2001:db8:0:1::1/64", "dev", "d0", "nodad");
            ns.ip("-6", "address", "add", "2001:db8:0:2::1/64", "dev", "d1", "nodad");
            return ns;
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    private static void sysctl(Netns ns, String key, String value) {
        Shell.Result r = ns.exec("sh", "-c", "echo \"$1\" > \"/proc/sys/$2\"", "sysctl", value, key);
        if (r.exitCode() != 0) throw new IllegalStateException("sysctl " + key + ": " + r.stderr());
    }
}

package io.routesync.testing;

import java.util.stream.Collectors;

/**
 * A namespace's policy routing as the tests compare it before and after a change: every rule and route
 * of both families, except the IPv6 routes the kernel makes by itself ({@code proto kernel}: a link's
 * fe80::/64, its {@code local fe80::...} address route, multicast ff00::/8). Those appear on a new link
 * at the kernel's own time, a moment after it comes up (after DAD), so a whole-table snapshot taken
 * early in a test sometimes lacks one that a later snapshot has. routesync never makes such a route
 * (its routes carry its tag), and the tests' own routes are made with {@code ip route add}, which
 * does not say {@code proto kernel}; IPv4 kernel routes appear when an address is added, at once, and
 * are kept.
 */
public final class RoutingSnapshot {
    private RoutingSnapshot() {
    }

    public static String of(Netns ns) {
        String inet6 = ns.ip("-6", "route", "show", "table", "all").lines()
                .filter(l -> !l.contains(" proto kernel "))
                .collect(Collectors.joining("\n", "", "\n"));
        return ns.ip("rule", "show") + ns.ip("-6", "rule", "show") + ns.ip("-4", "route", "show", "table", "all") + inet6;
    }
}

package io.routesync.lookup;

import io.routesync.model.Family;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.RouteType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The route one table gives a packet: longest prefix match with the kernel's tie-breaks. Returns null
 * when the table has nothing for it (the rules go on); a reject or throw route is returned as found.
 */
final class TableLookup {
    /** A route found, and the next hops of it the packet may use. */
    record Hit(Route route, List<NextHop> paths) {
    }

    /**
     * IPv4's order at a lookup: the longest prefix first, then TOS descending, then metric ascending. One
     * lambda of this class (in the class-data archive), not a chain of Comparator's own, whose lambdas a
     * short run links anew after its read.
     */
    private static final Comparator<Route> INET_ORDER = (a, b) -> {
        int c = Integer.compare(-a.dst().length(), -b.dst().length());
        if (c == 0) c = Integer.compare(-a.tos(), -b.tos());
        return c != 0 ? c : Long.compare(a.metric(), b.metric());
    };
    /** IPv6's destinations at a lookup: the longest prefix first, then the prefixes' order (as for {@link #INET_ORDER}). */
    private static final Comparator<Prefix> INET6_DESTINATIONS = (a, b) -> {
        int c = Integer.compare(-a.length(), -b.length());
        return c != 0 ? c : a.compareTo(b);
    };

    private TableLookup() {
    }

    static Hit find(List<Route> routes, Query q) {
        return q.family() == Family.INET ? inet(routes, q) : inet6(routes, q);
    }

    /**
     * fib_table_lookup(): prefixes from the longest; at one prefix the routes in the kernel's alias
     * order (TOS descending, so a matching TOS beats TOS 0, then metric ascending). A route whose TOS
     * differs from the packet's is passed over, as is one none of whose next hops leaves by the
     * packet's output interface; then shorter prefixes are tried. A reject or throw route ends the
     * table's lookup whatever the output interface.
     */
    private static Hit inet(List<Route> routes, Query q) {
        List<Route> candidates = containing(routes, q.dst());
        candidates.sort(INET_ORDER);
        int tos = q.tos() & RuleMatch.IPV4_TOS_MASK;
        for (Route r : candidates) {
            if (r.tos() != 0 && (r.tos() & RuleMatch.IPV4_TOS_MASK) != tos) continue;
            if (isError(r.type())) return new Hit(r, List.of());
            List<NextHop> paths = r.nexthops();
            if (q.oif() != null && !paths.isEmpty()) {
                paths = paths.stream().filter(h -> q.oif().equals(h.dev())).toList();
                if (paths.isEmpty()) continue;
            }
            return new Hit(r, paths);
        }
        return null;
    }

    /**
     * fib6_table_lookup(): destination prefixes from the longest. Under one destination, routes with a
     * source prefix ({@code from}) live in a subtree: the longest source prefix containing the packet's
     * source wins, and when none contains it the whole destination is passed over, its routes without
     * a source prefix included (seen on 6.x: they are shadowed by the subtree). The exception is
     * {@code ::/0}: a lookup that finds no node falls back to the table's root, whose routes without a
     * source prefix therefore always count. Then the lowest metric.
     */
    private static Hit inet6(List<Route> routes, Query q) {
        IpAddress src = q.src() != null ? q.src() : IpAddress.zero(Family.INET6);
        Map<Prefix, List<Route>> byDst = new TreeMap<>(INET6_DESTINATIONS);
        for (Route r : containing(routes, q.dst())) byDst.computeIfAbsent(r.dst(), p -> new ArrayList<>()).add(r);
        for (List<Route> atDst : byDst.values()) {
            List<Route> chosen = bySource(atDst, src);
            if (chosen.isEmpty()) continue;
            Route best = chosen.get(0);
            // the first of the lowest metric, as min() gives it
            for (Route r : chosen) if (r.metric() < best.metric()) best = r;
            return new Hit(best, isError(best.type()) ? List.of() : best.nexthops());
        }
        return null;
    }

    private static List<Route> bySource(List<Route> atDst, IpAddress src) {
        boolean subtree = atDst.stream().anyMatch(r -> r.from() != null);
        if (!subtree) return atDst;
        int best = -1;
        for (Route r : atDst) {
            if (r.from() != null && r.from().contains(src)) best = Math.max(best, r.from().length());
        }
        if (best < 0 && atDst.get(0).dst().isAll()) return atDst.stream().filter(r -> r.from() == null).toList();
        if (best < 0) return List.of();
        int length = best;
        return atDst.stream().filter(r -> r.from() != null && r.from().length() == length && r.from().contains(src)).toList();
    }

    private static List<Route> containing(List<Route> routes, IpAddress dst) {
        List<Route> out = new ArrayList<>();
        for (Route r : routes) {
            if (r.dst().contains(dst)) out.add(r);
        }
        return out;
    }

    /** Route types whose lookup result is an error for the rules: reject routes, throw and nat. */
    static boolean isError(RouteType type) {
        return type.isReject() || type == RouteType.NAT;
    }
}

package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.MetricValue;
import io.routesync.model.NextHop;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.RouteType;
import io.routesync.model.RouterPref;
import io.routesync.model.TableId;
import java.util.List;
import java.util.Map;

/**
 * The fields of a route while it is being read. Defaults are what {@code ip route list} leaves out:
 * unicast, metric 0, proto boot, scope 0 (global). {@link #build} validates through the model, which
 * may throw {@link io.routesync.model.InvalidValueException}.
 */
final class RouteFields {
    Family family;
    TableId table;
    RouteType type;
    Prefix dst;
    Prefix from;
    int tos;
    long metric;
    long nhid;
    IpAddress via;
    Interface dev;
    boolean onlink;
    List<NextHop> multipath;
    int protocol;
    /** -1: the scope {@code ip route add} would pick (add mode only) */
    int scope;
    IpAddress prefsrc;
    long realms;
    Map<RouteMetric, MetricValue> metrics;
    RouterPref pref;
    /**
     * The path list read from via, dev and onlink (no nexthop lines), or null: set by {@link #build}, which
     * takes it as read when it is set before (RouteShowParser's reuse).
     */
    List<NextHop> path;
    /** Where equal next-hop lists of the routes built by one reader are shared; null: not shared. */
    SharedValues shared;

    void reset(TableId tableId) {
        family = null;
        table = tableId;
        type = RouteType.UNICAST;
        dst = null;
        from = null;
        tos = 0;
        metric = 0;
        nhid = 0;
        via = null;
        dev = null;
        onlink = false;
        multipath = null;
        path = null;
        protocol = Route.PROTOCOL_BOOT;
        scope = Route.SCOPE_UNIVERSE;
        prefsrc = null;
        realms = 0;
        metrics = null;
        pref = null;
    }

    /**
     * Copies what the words after a route's destination set (every field but the family, type,
     * destination and the nexthop lines after it) to {@code to}. Values are immutable or never
     * changed once read (the metrics map is copied by {@link Route}), so two routes may share them.
     */
    void copyAttributes(RouteFields to) {
        to.table = table;
        to.from = from;
        to.tos = tos;
        to.metric = metric;
        to.nhid = nhid;
        to.via = via;
        to.dev = dev;
        to.onlink = onlink;
        to.protocol = protocol;
        to.scope = scope;
        to.prefsrc = prefsrc;
        to.realms = realms;
        to.metrics = metrics;
        to.pref = pref;
    }

    List<NextHop> nexthops() {
        if (multipath != null) return multipath;
        if (via != null || dev != null) return List.of(new NextHop(via, dev, 1, onlink));
        return List.of();
    }

    Route build() {
        if (nhid != 0 && type == RouteType.BLACKHOLE && via == null && multipath == null && dev != null
                && dev.name().equals("lo")) {
            // the kernel reports a route through a blackhole nexthop object as "blackhole ... nhid N dev lo"
            // whatever type it was added with (seen on 6.18): the blackhole is the object's, the route is
            // the unicast "PREFIX nhid N" that was added. A route of type blackhole through another
            // object prints that object's path ("blackhole ... nhid 1 via A dev D") and stays blackhole.
            type = RouteType.UNICAST;
        }
        List<NextHop> hops = multipath == null && path != null ? path : nexthops();
        if (shared != null && hops != path) hops = shared.nexthops(hops);
        // the list as read, before the route drops what its type has no use for (a reject route's dev)
        path = multipath == null ? hops : null;
        int s = scope >= 0 ? scope : Route.defaultScope(type, hops, nhid);
        return new Route(family, table, type, dst, from, tos, metric, nhid, hops, protocol, s, prefsrc, realms,
                metrics == null ? Map.of() : metrics, pref);
    }
}

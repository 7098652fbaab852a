package io.routesync.model;

import java.util.Objects;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One route in one table. Canonical: the destination has no host bits, a single path has weight 1,
 * reject routes carry no next hop (IPv6 shows them on {@code lo}), a route through a nexthop object
 * ({@code nhid}) carries none of its own (a reject type with {@code nhid} is only ever read from a host:
 * the add grammar refuses it), IPv6 metric 0 is the kernel's
 * 1024 and IPv6 has no scope and no tos. {@link #key()} is the kernel's identity; the other fields
 * are the data that {@code ip route replace} rewrites.
 *
 * <p>Unset values: {@code from}, {@code prefsrc} null; {@code tos}, {@code nhid}, {@code realms} 0;
 * {@code pref} null for IPv4.
 */
public record Route(
        Family family,
        TableId table,
        RouteType type,
        Prefix dst,
        Prefix from,
        int tos,
        long metric,
        long nhid,
        List<NextHop> nexthops,
        int protocol,
        int scope,
        IpAddress prefsrc,
        long realms,
        Map<RouteMetric, MetricValue> metrics,
        RouterPref pref) implements Entry {

    public static final int PROTOCOL_BOOT = 3;
    public static final int PROTOCOL_KERNEL = 2;
    public static final int SCOPE_UNIVERSE = 0;
    public static final int SCOPE_LINK = 253;
    public static final int SCOPE_HOST = 254;
    public static final long IPV6_DEFAULT_METRIC = 1024;

    public Route {
        if (family == null || table == null || type == null || dst == null) {
            throw new NullPointerException("family, table, type and dst are required");
        }
        if (dst.family() != family) {
            throw new InvalidValueException("destination " + dst + " does not match the route's family",
                    family == Family.INET6 ? "an IPv6 prefix" : "an IPv4 prefix");
        }
        if (!dst.isCanonical()) {
            throw new InvalidValueException("destination " + dst + " has host bits set; the kernel refuses it",
                    dst.canonical().toString());
        }
        if (from != null) {
            if (family != Family.INET6) {
                throw new InvalidValueException("a source prefix (from) exists only for IPv6 routes",
                        "src ADDRESS for the preferred source address of an IPv4 route");
            }
            if (from.family() != family || !from.isCanonical()) {
                throw new InvalidValueException("source prefix " + from + " must be a canonical IPv6 prefix",
                        from.family() == family ? from.canonical().toString() : "an IPv6 prefix");
            }
            if (from.isAll()) from = null;
        }
        if (metric < 0 || metric > 0xffff_ffffL) {
            throw new InvalidValueException("metric " + metric + " is out of range", "a metric from 0 to 4294967295");
        }
        if (tos < 0 || tos > 255) throw new InvalidValueException("tos " + tos + " is out of range", "0x00 to 0xff");
        if (protocol < 0 || protocol > 255) {
            throw new InvalidValueException("protocol " + protocol + " is out of range", "a protocol name or 0-255");
        }
        if (scope < 0 || scope > 255) throw new InvalidValueException("scope " + scope + " is out of range", "a scope name or 0-255");
        if (prefsrc != null && prefsrc.family() != family) {
            throw new InvalidValueException("src " + prefsrc + " does not match the route's family", "an address of the route's family");
        }
        if (realms < 0 || realms > 0xffff_ffffL) throw new InvalidValueException("realms out of range", "FROM/TO, each 0-65535");
        if (nhid < 0 || nhid > 0xffff_ffffL) throw new InvalidValueException("nhid " + nhid + " is out of range", "1-4294967295");
        nexthops = nexthops == null ? List.of() : List.copyOf(nexthops);
        if (nhid != 0) {
            // with a nexthop object the kernel prints the object's via/dev (dev lo for a blackhole
            // object, whatever the route's type): they are not the route's own
            nexthops = List.of();
        }
        if (type.isReject()) {
            // reject routes have no path; IPv6 lists them on lo
            if (family == Family.INET6 && nexthops.size() == 1 && nexthops.get(0).via() == null
                    && nexthops.get(0).dev() != null && nexthops.get(0).dev().name().equals("lo")) {
                nexthops = List.of();
            }
            if (!nexthops.isEmpty()) {
                throw new InvalidValueException("a " + type.word() + " route takes no gateway or device",
                        type.word() + " " + dst + " without via/dev");
            }
        }
        if (nexthops.size() == 1 && nexthops.get(0).weight() != 1) nexthops = List.of(nexthops.get(0).withWeight(1));
        metrics = metrics == null || metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(metrics));
        if (family == Family.INET6) {
            if (tos != 0) throw new InvalidValueException("tos exists only for IPv4 routes", "no tos on IPv6 routes");
            if (metric == 0) metric = IPV6_DEFAULT_METRIC;
            if (pref == null) pref = RouterPref.MEDIUM;
            scope = SCOPE_UNIVERSE;
        } else if (pref != null) {
            throw new InvalidValueException("pref exists only for IPv6 routes", "no pref on IPv4 routes");
        }
    }

    /** The kernel's identity of a route: two routes with equal keys cannot both exist (without append). */
    public record Key(Family family, TableId table, Prefix dst, Prefix from, int tos, long metric) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return compare(family, table, dst, from, tos, metric, o.family, o.table, o.dst, o.from, o.tos, o.metric);
        }

        // two keys, field by field, so neither is made
        private static int compare(Family family, TableId table, Prefix dst, Prefix from, int tos, long metric,
                Family oFamily, TableId oTable, Prefix oDst, Prefix oFrom, int oTos, long oMetric) {
            int c = family.compareTo(oFamily);
            if (c == 0) c = table.compareTo(oTable);
            if (c == 0) c = dst.compareTo(oDst);
            if (c == 0) c = from == null ? (oFrom == null ? 0 : -1) : oFrom == null ? 1 : from.compareTo(oFrom);
            if (c == 0) c = Integer.compare(tos, oTos);
            if (c == 0) c = Long.compare(metric, oMetric);
            return c;
        }

        // equals and hashCode as the record would make them (written out: see docs/speed.md, start-up)
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof Key k && family == k.family && table.equals(k.table) && dst.equals(k.dst)
                    && java.util.Objects.equals(from, k.from) && tos == k.tos && metric == k.metric;
        }

        @Override
        public int hashCode() {
            int h = family.hashCode();
            h = 31 * h + table.hashCode();
            h = 31 * h + Objects.hashCode(dst);
            h = 31 * h + java.util.Objects.hashCode(from);
            h = 31 * h + tos;
            return 31 * h + Long.hashCode(metric);
        }
    }

    public Key key() {
        return new Key(family, table, dst, from, tos, metric);
    }

    /**
     * {@code a.key().compareTo(b.key())} without making the keys: a plan sorts 100k routes by key, and the
     * two keys a comparison made were most of its time (JFR, converging 100k routes).
     */
    public static int compareKeys(Route a, Route b) {
        return Key.compare(a.family, a.table, a.dst, a.from, a.tos, a.metric, b.family, b.table, b.dst, b.from, b.tos, b.metric);
    }

    public static Builder builder(Family family, TableId table) {
        return new Builder(family, table);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public Route withProtocol(int newProtocol) {
        return newProtocol == protocol ? this : toBuilder().protocol(newProtocol).build();
    }

    /** The single path's gateway, or null (no gateway, multipath, nexthop object, reject route). */
    public IpAddress via() {
        return nexthops.size() == 1 ? nexthops.get(0).via() : null;
    }

    /** The single path's device, or null. */
    public Interface dev() {
        return nexthops.size() == 1 ? nexthops.get(0).dev() : null;
    }

    public boolean isMultipath() {
        return nexthops.size() > 1;
    }

    /** True when a path names a gateway but leaves its device to the kernel ({@code via A} without {@code dev}). */
    public boolean leavesDeviceToKernel() {
        // by index: C1, which runs routesync's short processes, allocates an iterator for every for-each
        for (int i = 0; i < nexthops.size(); i++) {
            if (nexthops.get(i).dev() == null) return true;
        }
        return false;
    }

    /**
     * This route with every device it leaves to the kernel taken from {@code observed}, path by path,
     * where {@code observed} has the same paths in the same order and each such path the same gateway
     * (docs/route-identity.md): then the two are equal exactly when the kernel's choice is the only
     * difference. Otherwise (another gateway, another path count) this route unchanged, so it differs.
     */
    public Route withDevicesFrom(Route observed) {
        if (!leavesDeviceToKernel() || observed.nexthops.size() != nexthops.size()) return this;
        List<NextHop> filled = new java.util.ArrayList<>(nexthops.size());
        for (int i = 0; i < nexthops.size(); i++) {
            NextHop want = nexthops.get(i);
            NextHop have = observed.nexthops.get(i);
            if (want.dev() != null || have.dev() == null || !java.util.Objects.equals(want.via(), have.via())) {
                filled.add(want);
            } else {
                filled.add(new NextHop(want.via(), have.dev(), want.weight(), want.onlink()));
            }
        }
        return toBuilder().nexthops(filled).build();
    }

    /**
     * The scope {@code ip route add} picks when none is given: host for local and nat routes, link for
     * broadcast/multicast/anycast and for unicast routes without a gateway, else universe.
     */
    public static int defaultScope(RouteType type, List<NextHop> nexthops, long nhid) {
        switch (type) {
            case LOCAL: case NAT: return SCOPE_HOST;
            case BROADCAST: case MULTICAST: case ANYCAST: return SCOPE_LINK;
            case UNICAST:
                boolean gateway = nhid != 0 || nexthops.size() > 1 || (nexthops.size() == 1 && nexthops.get(0).via() != null);
                return gateway ? SCOPE_UNIVERSE : SCOPE_LINK;
            default: return SCOPE_UNIVERSE;
        }
    }

    /** A mutable helper; {@code scope} left at -1 becomes what {@code ip route add} would choose. */
    public static final class Builder {
        private final Family family;
        private TableId table;
        private RouteType type = RouteType.UNICAST;
        private Prefix dst;
        private Prefix from;
        private int tos;
        private long metric;
        private long nhid;
        private List<NextHop> nexthops = List.of();
        private int protocol = PROTOCOL_BOOT;
        private int scope = -1;
        private IpAddress prefsrc;
        private long realms;
        private Map<RouteMetric, MetricValue> metrics = Map.of();
        private RouterPref pref;

        private Builder(Family family, TableId table) {
            this.family = family;
            this.table = table;
        }

        private Builder(Route r) {
            family = r.family; table = r.table; type = r.type; dst = r.dst; from = r.from; tos = r.tos;
            metric = r.metric; nhid = r.nhid; nexthops = r.nexthops; protocol = r.protocol; scope = r.scope;
            prefsrc = r.prefsrc; realms = r.realms; metrics = r.metrics; pref = r.pref;
        }

        public Family family() { return family; }
        public Builder table(TableId v) { table = v; return this; }
        public Builder type(RouteType v) { type = v; return this; }
        public Builder dst(Prefix v) { dst = v; return this; }
        public Builder from(Prefix v) { from = v; return this; }
        public Builder tos(int v) { tos = v; return this; }
        public Builder metric(long v) { metric = v; return this; }
        public Builder nhid(long v) { nhid = v; return this; }
        public Builder nexthops(List<NextHop> v) { nexthops = v; return this; }
        public Builder nexthop(NextHop v) { nexthops = List.of(v); return this; }
        public Builder protocol(int v) { protocol = v; return this; }
        public Builder scope(int v) { scope = v; return this; }
        public Builder prefsrc(IpAddress v) { prefsrc = v; return this; }
        public Builder realms(long v) { realms = v; return this; }
        public Builder metrics(Map<RouteMetric, MetricValue> v) { metrics = v; return this; }
        public Builder pref(RouterPref v) { pref = v; return this; }

        public Route build() {
            if (dst == null) throw new InvalidValueException("a route needs a destination", "a prefix or default");
            int effectiveScope = scope >= 0 ? scope : defaultScope(type, nexthops, nhid);
            return new Route(family, table, type, dst, from, tos, metric, nhid, nexthops, protocol, effectiveScope,
                    prefsrc, realms, metrics, pref);
        }
    }

    // equals and hashCode as the record would make them (written out: see docs/speed.md, start-up)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Route x && family == x.family && Objects.equals(table, x.table) && type == x.type
                && Objects.equals(dst, x.dst) && Objects.equals(from, x.from) && tos == x.tos && metric == x.metric && nhid == x.nhid
                && NextHop.sameList(nexthops, x.nexthops) && protocol == x.protocol && scope == x.scope
                && Objects.equals(prefsrc, x.prefsrc) && realms == x.realms && metrics.equals(x.metrics) && pref == x.pref;
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(family);
        h = 31 * h + Objects.hashCode(table);
        h = 31 * h + Objects.hashCode(type);
        h = 31 * h + Objects.hashCode(dst);
        h = 31 * h + Objects.hashCode(from);
        h = 31 * h + tos;
        h = 31 * h + Long.hashCode(metric);
        h = 31 * h + Long.hashCode(nhid);
        h = 31 * h + nexthops.hashCode();
        h = 31 * h + protocol;
        h = 31 * h + scope;
        h = 31 * h + Objects.hashCode(prefsrc);
        h = 31 * h + Long.hashCode(realms);
        h = 31 * h + metrics.hashCode();
        h = 31 * h + Objects.hashCode(pref);
        return h;
    }
}

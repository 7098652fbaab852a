package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.MetricValue;
import io.routesync.model.NextHop;
import io.routesync.model.PortRange;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.RouteType;
import io.routesync.model.RouterPref;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import io.routesync.model.UidRange;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of rules and routes that the add grammar accepts: every field, every kind, values
 * at their edges. Entries are syntactically valid and kernel-plausible (no ECN bits in tos, no realms on
 * IPv6, rto_min locked as iproute2 always does), not necessarily addable to a given namespace.
 */
final class RandomEntries {
    private static final String[] DEVICES = {"eth0", "eth1", "d0", "lo", "br-lan", "eth0.100", "wg_0", "veth+1", "a@b", "x"};
    private static final String[] ALGORITHMS = {"cubic", "reno", "bbr", "dctcp", "htcp"};

    private final Random random;

    RandomEntries(long seed) {
        random = new Random(seed);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private long u32() {
        switch (random.nextInt(4)) {
            case 0: return 0;
            case 1: return 0xffff_ffffL;
            default: return random.nextLong() & 0xffff_ffffL;
        }
    }

    private Family family() {
        return random.nextBoolean() ? Family.INET : Family.INET6;
    }

    private IpAddress address(Family f) {
        if (f == Family.INET) return new IpAddress(f, 0, random.nextLong() & 0xffff_ffffL);
        long hi = random.nextLong();
        long lo = chance(30) ? random.nextInt(256) : random.nextLong();
        if (chance(10)) hi = 0; // ::a.b.c.d and friends
        return new IpAddress(f, hi, lo);
    }

    private Prefix prefix(Family f, boolean canonical) {
        int len = chance(20) ? f.bits() : random.nextInt(f.bits() + 1);
        Prefix p = new Prefix(address(f), len);
        return canonical ? p.canonical() : p;
    }

    private Interface device() {
        return Interface.of(DEVICES[random.nextInt(DEVICES.length)]);
    }

    private PortRange ports() {
        int a = random.nextInt(65536);
        return chance(50) ? PortRange.single(a) : new PortRange(a, a + random.nextInt(65536 - a));
    }

    Rule rule() {
        Family f = family();
        Rule.Builder b = Rule.builder(f);
        Priority prio = chance(10) ? null : Priority.of(chance(20) ? 0 : random.nextInt(100_000));
        b.priority(prio);
        b.not(chance(20));
        if (chance(50)) b.from(prefix(f, false));
        if (chance(40)) b.to(prefix(f, false));
        if (chance(20)) b.tos(f == Family.INET ? 4 * (1 + random.nextInt(7)) : 4 * (1 + random.nextInt(63)));
        if (chance(30)) {
            long mark = u32();
            long mask = chance(50) ? FwMark.FULL_MASK : u32();
            b.fwmark(new FwMark(mark, mark == 0 && mask == 0 ? FwMark.FULL_MASK : mask));
        }
        if (chance(25)) b.iif(device());
        if (chance(25)) b.oif(device());
        if (chance(15)) {
            // 4294967295 is the kernel's invalid uid
            long a = Math.min(u32(), 0xffff_fffeL);
            b.uidRange(new UidRange(a, a + (long) (random.nextDouble() * (0xffff_fffeL - a))));
        }
        if (chance(25)) b.ipProto(1 + random.nextInt(255));
        if (chance(15)) b.sport(ports());
        if (chance(15)) b.dport(ports());
        if (chance(10)) b.tunId(chance(50) ? random.nextInt(1000) + 1 : random.nextLong() & Long.MAX_VALUE);
        if (chance(20)) b.protocol(random.nextInt(256));
        RuleAction action = RuleAction.values()[random.nextInt(RuleAction.values().length)];
        // without a priority the kernel picks one, usually after any target: a goto needs its own priority
        if (action == RuleAction.GOTO && prio == null) action = RuleAction.NOP;
        switch (action) {
            case TABLE:
                if (chance(10)) {
                    b.action(RuleAction.TABLE).l3mdev(true);
                } else {
                    b.lookup(TableId.of(chance(50) ? 1 + random.nextInt(255) : Math.max(1, u32())));
                    // ip rule show prints the suppress options only beside a table
                    if (chance(20)) b.suppressPrefixLength(random.nextInt(f.bits() + 1));
                    if (chance(20)) b.suppressIfgroup(chance(30) ? 0 : random.nextInt(Integer.MAX_VALUE));
                }
                break;
            case GOTO: {
                long from = prio == null ? 0 : prio.value();
                b.gotoTarget(Priority.of(from + 1 + random.nextInt(1000)));
                break;
            }
            default:
                b.action(action);
        }
        if (f == Family.INET && chance(15)) b.realms(chance(50) ? random.nextInt(256) << 16 | random.nextInt(256) : u32());
        return b.build();
    }

    Route route() {
        Family f = family();
        Route.Builder b = Route.builder(f, TableId.of(1 + (u32() % 0xffff_fffeL)));
        RouteType type = chance(60) ? RouteType.UNICAST : RouteType.values()[random.nextInt(RouteType.values().length)];
        // the add grammar refuses nat (the kernel keeps only a path-less "nat X scope nowhere", which does nothing)
        if (type == RouteType.NAT) type = RouteType.UNICAST;
        b.type(type);
        b.dst(chance(5) ? Prefix.all(f) : prefix(f, true));
        if (f == Family.INET6 && chance(20)) b.from(prefix(f, true));
        if (f == Family.INET && chance(20)) b.tos(4 * random.nextInt(64));
        b.metric(u32());
        if (!type.isReject()) {
            if (type == RouteType.UNICAST && chance(10)) {
                b.nhid(1 + (u32() % 0xffff_fffeL));
            } else if (chance(20)) {
                List<NextHop> hops = new ArrayList<>();
                int n = 2 + random.nextInt(3);
                for (int i = 0; i < n; i++) hops.add(nexthop(f, 1 + random.nextInt(256)));
                b.nexthops(hops);
            } else {
                b.nexthop(nexthop(f, 1));
            }
        }
        b.protocol(random.nextInt(256));
        b.scope(random.nextInt(256));
        if (chance(30)) b.prefsrc(address(f));
        if (f == Family.INET && chance(15)) b.realms(u32());
        if (chance(40)) b.metrics(metrics());
        if (f == Family.INET6 && chance(70)) b.pref(RouterPref.values()[random.nextInt(3)]);
        return b.build();
    }

    private NextHop nexthop(Family f, int weight) {
        IpAddress via = null;
        if (chance(70)) via = f == Family.INET && chance(15) ? address(Family.INET6) : address(f);
        // a link-local gateway needs its device (the kernel refuses it without, and so does NextHop)
        boolean linkLocal = via != null && via.family() == Family.INET6 && (via.hi() >>> 54) == 0x3fa;
        Interface dev = via == null || linkLocal || chance(70) ? device() : null;
        return new NextHop(via, dev, weight, chance(15));
    }

    private Map<RouteMetric, MetricValue> metrics() {
        Map<RouteMetric, MetricValue> m = new EnumMap<>(RouteMetric.class);
        for (RouteMetric metric : RouteMetric.values()) {
            if (!chance(25)) continue;
            boolean lock = chance(30);
            switch (metric) {
                case FEATURES: m.put(metric, MetricValue.number(1, false)); break;
                case QUICKACK: case FASTOPEN_NO_COOKIE: m.put(metric, MetricValue.number(random.nextInt(2), false)); break;
                case HOPLIMIT: m.put(metric, MetricValue.number(random.nextInt(256), lock)); break;
                case RTO_MIN: m.put(metric, MetricValue.number(u32(), true)); break;
                case RTT: m.put(metric, MetricValue.number(u32() / 8, lock)); break;
                case RTTVAR: m.put(metric, MetricValue.number(u32() / 4, lock)); break;
                case CONGCTL: m.put(metric, MetricValue.name(ALGORITHMS[random.nextInt(ALGORITHMS.length)], lock)); break;
                default: m.put(metric, MetricValue.number(u32(), lock));
            }
        }
        return m;
    }
}

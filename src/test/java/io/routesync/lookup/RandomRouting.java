package io.routesync.lookup;

import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.PortRange;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.RouteType;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import io.routesync.model.UidRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A seeded random rule set and routes for {@link LookupTopology}, built so lookups are interesting:
 * destinations from a small universe of nested prefixes (so prefixes overlap and compete), every
 * route type, metrics and TOS that tie-break, IPv6 source prefixes, and rules using every selector
 * and action. Every unicast path has its own gateway ({@code onlink}), so the gateway
 * {@code ip route get} prints names the route it chose.
 */
final class RandomRouting {
    static final List<TableId> ROUTE_TABLES = List.of(TableId.of(100), TableId.of(101), TableId.of(102), TableId.MAIN);
    /** Tables rules may look up: 103 never has routes, 253 (default) is empty too. */
    static final List<TableId> RULE_TABLES = List.of(TableId.of(100), TableId.of(101), TableId.of(102), TableId.of(103),
            TableId.MAIN, TableId.DEFAULT);

    final List<Rule> rules = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    private final Random random;
    private final Set<Route.Key> keys = new HashSet<>();
    private int gateways;

    RandomRouting(Random random) {
        this.random = random;
        for (Family f : Family.values()) {
            for (TableId t : ROUTE_TABLES) {
                int n = t.equals(TableId.MAIN) ? 2 + random.nextInt(3) : 4 + random.nextInt(8);
                for (int i = 0; i < n; i++) route(f, t);
            }
            int n = 4 + random.nextInt(9);
            for (int i = 0; i < n; i++) rules.add(rule(f));
        }
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    // ---- destinations: 10.A.B.C and 2001:db8:aA:B::C, nested prefixes of them ----

    Prefix destination(Family f) {
        if (chance(5)) return Prefix.all(f);
        int a = random.nextInt(3);
        int b = random.nextInt(4);
        int c = random.nextInt(256);
        if (f == Family.INET) {
            int[] lengths = {8, 16, 24, 26, 32};
            int len = lengths[random.nextInt(lengths.length)];
            return new Prefix(IpAddress.parse("10." + a + "." + b + "." + c), len).canonical();
        }
        int[] lengths = {40, 48, 64, 80, 128};
        int len = lengths[random.nextInt(lengths.length)];
        return new Prefix(IpAddress.parse("2001:db8:a" + a + ":" + b + "::" + Integer.toHexString(c)), len).canonical();
    }

    /** IPv6 source prefixes for "from": foreign sources (2001:db8:f0::/44 ...) and a local subnet. */
    Prefix source6() {
        return Prefix.parse(pick(List.of("2001:db8:f0::/44", "2001:db8:f1::/48", "2001:db8:f1:1::/64", "2001:db8:0:1::/64",
                "2001:db8:f1:1::7")));
    }

    Prefix source4() {
        return Prefix.parse(pick(List.of("172.16.0.0/12", "172.16.1.0/24", "172.16.1.7", "192.0.2.0/24", "192.0.2.1",
                "198.51.100.0/24", "10.0.0.0/8", "10.1.0.0/16")));
    }

    // ---- routes ----

    private void route(Family f, TableId table) {
        Route.Builder b = Route.builder(f, table).dst(destination(f));
        int kind = random.nextInt(100);
        if (kind < 55) {
            b.nexthop(path(f));
        } else if (kind < 63) {
            b.nexthops(List.of(path(f).withWeight(1 + random.nextInt(3)), path(f).withWeight(1 + random.nextInt(3))));
        } else if (kind < 70) {
            b.type(RouteType.UNREACHABLE);
        } else if (kind < 77) {
            b.type(RouteType.PROHIBIT);
        } else if (kind < 84) {
            b.type(RouteType.BLACKHOLE);
        } else if (kind < 95) {
            b.type(RouteType.THROW);
        } else {
            b.type(RouteType.LOCAL).nexthop(new NextHop(null, pick(LookupTopology.DEVICES.subList(0, 2)), 1, false));
        }
        b.metric(pick(List.of(0L, 0L, 10L, 20L)));
        if (f == Family.INET && chance(15)) b.tos(pick(List.of(0x04, 0x08, 0x10, 0x18)));
        if (f == Family.INET6 && chance(25)) b.from(source6());
        Route r = b.build();
        if (r.type() == RouteType.LOCAL && r.dst().isAll()) return;
        // iproute2 hides IPv6 local routes from "ip -6 route list table main" (its filter for kernels
        // without multiple tables): routesync cannot read them there, so the test does not make them
        if (r.type() == RouteType.LOCAL && r.family() == Family.INET6 && table.equals(TableId.MAIN)) return;
        if (keys.add(r.key())) routes.add(r);
    }

    private NextHop path(Family f) {
        int n = ++gateways;
        IpAddress via = f == Family.INET ? IpAddress.parse("100.64." + (n / 250) + "." + (1 + n % 250))
                : IpAddress.parse("2001:db8:ffff::" + Integer.toHexString(n));
        return new NextHop(via, pick(LookupTopology.DEVICES), 1, true);
    }

    // ---- rules ----

    private Rule rule(Family f) {
        long priority = !rules.isEmpty() && chance(15) ? rules.get(random.nextInt(rules.size())).priority().value()
                : 1 + random.nextInt(40_000);
        if (priority == 32766 || priority == 32767) priority = 32000;
        Rule.Builder b = Rule.builder(f).priority(Priority.of(priority));
        if (chance(10)) b.not(true);
        if (chance(25)) b.from(f == Family.INET ? source4() : source6());
        if (chance(25)) b.to(destination(f));
        if (f == Family.INET && chance(10)) b.tos(pick(List.of(0x04, 0x08, 0x10, 0x18, 0x1c)));
        if (chance(20)) {
            long value = pick(List.of(1L, 2L, 0x10L));
            b.fwmark(new FwMark(value, chance(50) ? FwMark.FULL_MASK : pick(List.of(0xffL, 0xf0L, 0x0fL)) | value));
        }
        if (chance(15)) b.iif(Interface.of(pick(List.of("lo", "d0", "d1", "d2", "nope0"))));
        if (chance(10)) b.oif(pick(LookupTopology.DEVICES));
        if (chance(10)) b.uidRange(pick(List.of(new UidRange(0, 0), new UidRange(1000, 1999), new UidRange(1500, 70000))));
        if (chance(15)) {
            b.ipProto(random.nextBoolean() ? 6 : 17);
            if (chance(50)) b.dport(pick(List.of(PortRange.single(443), PortRange.single(53), new PortRange(1000, 2000))));
            if (chance(30)) b.sport(pick(List.of(PortRange.single(443), new PortRange(1000, 2000), new PortRange(1500, 3000))));
        }
        if (chance(3)) b.tunId(42);
        action(b, f, priority);
        return b.build();
    }

    private void action(Rule.Builder b, Family f, long priority) {
        int kind = random.nextInt(100);
        if (kind < 3) {
            b.action(RuleAction.TABLE).l3mdev(true);
        } else if (kind < 68) {
            TableId t = pick(RULE_TABLES);
            if (f == Family.INET6 && t.equals(TableId.DEFAULT)) t = TableId.of(103);
            b.lookup(t);
            if (chance(12)) b.suppressPrefixLength(pick(List.of(0, 8, 16, 24, 48, 64)) % (f.bits() + 1));
            if (chance(6)) b.suppressIfgroup(random.nextInt(2));
        } else if (kind < 76 && priority < 39_000) {
            // a forward jump: sometimes to a priority that exists, sometimes to none (unresolved)
            long target = priority + 1 + random.nextInt(2000);
            for (Rule r : rules) {
                if (r.family() == f && r.priority().value() > priority && chance(50)) target = r.priority().value();
            }
            b.gotoTarget(Priority.of(target));
        } else if (kind < 81) {
            b.action(RuleAction.NOP);
        } else {
            b.action(pick(List.of(RuleAction.BLACKHOLE, RuleAction.UNREACHABLE, RuleAction.PROHIBIT)));
        }
    }
}

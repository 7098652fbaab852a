package io.routesync.plan;

import io.routesync.model.DesiredState;
import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.RouteType;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random but kernel-possible hosts and desired states for property tests, from a seed. The pools are
 * small on purpose so that keys, identities and priorities collide often: drift, adoption, foreign
 * entries, duplicates ({@code ip route append}, rules differing only in protocol) and rules the kernel
 * takes for one another all come up within a few hundred seeds.
 */
final class StateGenerator {
    static final int TAG = Ownership.DEFAULT_PROTOCOL_TAG;
    static final Set<TableId> OWNED = Set.of(TableId.of(100), TableId.of(101));
    private static final long[] TABLES = {100, 101, 200, 254};
    private static final int[] FOREIGN_PROTOCOLS = {Route.PROTOCOL_BOOT, 4, 16, TAG};

    private final Random random;
    /** Whether the host may hold several IPv4 routes with one key (rollback cannot restore those exactly). */
    private final boolean appendedRoutes;

    final DesiredState desired;
    final Observed observed;

    StateGenerator(long seed, boolean appendedRoutes) {
        this.random = new Random(seed);
        this.appendedRoutes = appendedRoutes;
        this.desired = desired();
        this.observed = observed(desired);
    }

    static Ownership ownership() {
        return new Ownership(OWNED, TAG);
    }

    private DesiredState desired() {
        List<TableName> names = new ArrayList<>();
        if (chance(80)) names.add(new TableName("t100", TableId.of(100)));
        if (chance(50)) names.add(new TableName("t101", TableId.of(101)));
        List<Route> routes = new ArrayList<>();
        Set<Route.Key> keys = new HashSet<>();
        for (int i = random.nextInt(25); i > 0; i--) {
            Route r = route(TAG);
            if (keys.add(r.key())) routes.add(r);
        }
        List<Rule> rules = new ArrayList<>();
        Set<Rule> identities = new HashSet<>();
        for (int i = random.nextInt(10); i > 0; i--) {
            Rule r = rule(chance(15) ? -1 : TAG, chance(10));
            if (r == null || !identities.add(r.identity()) || collidesBothWays(r, rules)) continue;
            rules.add(r);
        }
        return new DesiredState(names, OWNED, rules, routes);
    }

    private Observed observed(DesiredState want) {
        List<Route> routes = new ArrayList<>();
        Set<Route.Key> keys = new HashSet<>();
        for (Route d : want.routes()) {
            int dice = random.nextInt(100);
            Route live = dice < 45 ? d
                    : dice < 55 ? d.withProtocol(pick(FOREIGN_PROTOCOLS))
                    : dice < 70 ? d.toBuilder().nexthop(NextHop.of(gateway(d.family()), dev())).type(RouteType.UNICAST).build()
                    : dice < 80 ? d.toBuilder().metric(d.metric() + 7).build()
                    : null;
            if (live != null && keys.add(live.key())) routes.add(live);
        }
        for (int i = random.nextInt(15); i > 0; i--) {
            Route r = route(pick(FOREIGN_PROTOCOLS));
            boolean append = appendedRoutes && r.family() == Family.INET && chance(50);
            if ((keys.add(r.key()) || append) && !routes.contains(r)) routes.add(r);
        }
        List<Rule> rules = new ArrayList<>(Scenario.defaultRules());
        for (Rule d : want.rules()) {
            int dice = random.nextInt(100);
            Rule live = dice < 45 ? Adoption.tagged(d, TAG)
                    : dice < 55 ? d.withProtocol(0)
                    : dice < 65 ? atPriority(d.withProtocol(TAG), 1000 + random.nextInt(8))
                    : null;
            if (live != null && live.priority() == null) live = atPriority(live, 1000 + random.nextInt(8));
            if (live != null) insertLive(rules, live);
        }
        for (int i = random.nextInt(8); i > 0; i--) {
            Rule r = rule(chance(50) ? TAG : pick(new int[] {0, 4}), false);
            if (r != null) insertLive(rules, r);
        }
        List<TableName> names = new ArrayList<>();
        if (chance(60)) names.add(new TableName("t100", TableId.of(100)));
        if (chance(30)) names.add(new TableName("old", TableId.of(101)));
        if (chance(30)) names.add(new TableName("gone", TableId.of(102)));
        Set<TableId> read = new LinkedHashSet<>(want.tablesToRead());
        for (long t : TABLES) read.add(TableId.of(t));
        return new Observed(rules, routes, read, names, List.of(), Map.of());
    }

    /** Adds a rule only if the kernel would have accepted it, as a host built by {@code ip rule add} would be. */
    private static void insertLive(List<Rule> rules, Rule r) {
        if (r == null) return;
        for (Rule existing : rules) {
            if (RuleCollision.refuses(existing, r)) return;
        }
        rules.add(r);
    }

    private static boolean collidesBothWays(Rule r, List<Rule> others) {
        Rule a = Adoption.tagged(r, TAG);
        for (Rule o : others) {
            Rule b = Adoption.tagged(o, TAG);
            if (RuleCollision.refuses(a, b) && RuleCollision.refuses(b, a)) return true;
        }
        return false;
    }

    private Route route(int protocol) {
        Family family = chance(25) ? Family.INET6 : Family.INET;
        Route.Builder b = Route.builder(family, TableId.of(TABLES[random.nextInt(TABLES.length)])).protocol(protocol);
        if (family == Family.INET) {
            int n = random.nextInt(7);
            b.dst(n == 6 ? Prefix.all(family) : Prefix.parse("10." + n + ".0.0/16"));
            b.metric(pick(new int[] {0, 0, 50}));
            if (chance(10)) b.tos(0x10);
        } else {
            int n = random.nextInt(5);
            b.dst(n == 4 ? Prefix.all(family) : Prefix.parse("2001:db8:" + n + "::/48"));
            if (chance(25)) b.from(Prefix.parse("2001:db8:abcd::/48"));
            b.metric(pick(new int[] {1024, 1024, 50}));
        }
        int kind = random.nextInt(100);
        if (kind < 10) {
            b.type(RouteType.BLACKHOLE);
        } else if (kind < 25) {
            b.nexthops(List.of(new NextHop(gateway(family), dev(), 1, false), new NextHop(gateway(family), dev(), 1 + random.nextInt(3), false)));
        } else if (kind < 35) {
            b.nexthop(NextHop.of(null, dev()));
        } else {
            b.nexthop(NextHop.of(gateway(family), dev()));
        }
        try {
            return b.build();
        } catch (InvalidValueException e) {
            return route(protocol);
        }
    }

    /** A rule with a priority from a narrow band, or none; null when the draw is not a valid rule. */
    private Rule rule(int protocol, boolean withoutPriority) {
        boolean v6 = chance(20);
        Family family = v6 ? Family.INET6 : Family.INET;
        Rule.Builder b = Rule.builder(family).protocol(protocol);
        long priority = 1000 + random.nextInt(8);
        if (!withoutPriority) b.priority(Priority.of(priority));
        if (chance(50)) b.from(v6 ? Prefix.parse(pick(new String[] {"2001:db8::/32", "2001:db8:100::/48"}))
                : Prefix.parse(pick(new String[] {"10.0.0.0/8", "10.1.0.0/16", "192.168.2.10"})));
        if (chance(20)) b.to(v6 ? Prefix.parse("2001:db8:200::/48") : Prefix.parse("172.16.0.0/12"));
        if (chance(10)) b.not(true);
        if (chance(15)) b.fwmark(new FwMark(1 + random.nextInt(2), FwMark.FULL_MASK));
        if (chance(10)) b.iif(dev());
        int action = random.nextInt(100);
        if (action < 80 || withoutPriority) b.lookup(TableId.of(TABLES[random.nextInt(TABLES.length)]));
        else if (action < 90) b.gotoTarget(Priority.of(priority + 1 + random.nextInt(20)));
        else b.action(RuleAction.BLACKHOLE);
        try {
            return b.build();
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static Rule atPriority(Rule r, long priority) {
        try {
            return r.withPriority(Priority.of(priority));
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private IpAddress gateway(Family family) {
        int n = 1 + random.nextInt(3);
        return IpAddress.parse(family == Family.INET ? "192.0.2." + n : "2001:db8::" + n);
    }

    private Interface dev() {
        return Interface.of(chance(50) ? "eth0" : "eth1");
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}

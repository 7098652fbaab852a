package io.routesync.bench;

import io.routesync.model.DesiredState;
import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Synthetic states for benchmarks: N routes in one owned table (10.0.0.0/8 cut into /28s, so up to a
 * million distinct prefixes, via one of two gateways on {@code dev}), R rules, and an observed copy
 * with 1% drift: per 300 routes one changed gateway (replace), one missing (add), one extra (delete).
 */
public final class Synthetic {
    public static final TableId TABLE = TableId.of(100);
    public static final int TAG = Ownership.DEFAULT_PROTOCOL_TAG;

    private final Interface dev;
    private final IpAddress gateway;
    private final IpAddress otherGateway;

    public Synthetic(String dev, String gateway, String otherGateway) {
        this.dev = Interface.of(dev);
        this.gateway = IpAddress.parse(gateway);
        this.otherGateway = IpAddress.parse(otherGateway);
    }

    public Route route(int i, boolean other) {
        IpAddress dst = new IpAddress(Family.INET, 0, (10L << 24) | ((long) i << 4));
        return Route.builder(Family.INET, TABLE).dst(new Prefix(dst, 28))
                .nexthop(NextHop.of(other ? otherGateway : gateway, dev)).protocol(TAG).build();
    }

    public Rule rule(int i) {
        IpAddress from = new IpAddress(Family.INET, 0, (172L << 24) | ((long) i << 8));
        return Rule.builder(Family.INET).priority(Priority.of(1000 + i)).from(new Prefix(from, 24)).lookup(TABLE).protocol(TAG).build();
    }

    public DesiredState desired(int routes, int rules) {
        List<Route> r = new ArrayList<>(routes);
        for (int i = 0; i < routes; i++) r.add(route(i, false));
        List<Rule> u = new ArrayList<>(rules);
        for (int i = 0; i < rules; i++) u.add(rule(i));
        return new DesiredState(List.of(new TableName("bench", TABLE)), Set.of(TABLE), u, r);
    }

    /** The desired entries built again (as a parser would build them), with 1% drift. */
    public Observed drifted(int routes, int rules, List<Rule> defaultRules) {
        List<Route> r = new ArrayList<>(routes);
        for (int i = 0; i < routes; i++) {
            int drift = i % 300;
            if (drift == 0) r.add(route(i, true));
            else if (drift != 1) r.add(route(i, false));
            if (drift == 2) r.add(route(routes + i, false));
        }
        List<Rule> u = new ArrayList<>(defaultRules);
        for (int i = 0; i < rules; i++) {
            if (i % 100 != 1) u.add(rule(i));
        }
        return new Observed(u, r, Set.of(TABLE), List.of(new TableName("bench", TABLE)), List.of(), Map.of());
    }

    /** {@code ip -N route list table 100} as the kernel prints these routes. */
    public static String routeListing(int routes) {
        StringBuilder out = new StringBuilder(routes * 64);
        for (int i = 0; i < routes; i++) {
            long a = (10L << 24) | ((long) i << 4);
            out.append(a >>> 24).append('.').append((a >>> 16) & 0xff).append('.').append((a >>> 8) & 0xff).append('.')
                    .append(a & 0xff).append("/28 via 192.0.2.254 dev eth1 proto 245 metric 100 \n");
        }
        return out.toString();
    }

    /** {@code ip -d -N rule show} for R rules. */
    public static String ruleListing(int rules) {
        StringBuilder out = new StringBuilder(rules * 60);
        for (int i = 0; i < rules; i++) {
            long a = (172L << 24) | ((long) i << 8);
            out.append(1000 + i).append(":\tfrom ").append(a >>> 24).append('.').append((a >>> 16) & 0xff).append('.')
                    .append((a >>> 8) & 0xff).append(".0/24 lookup 100 proto 245\n");
        }
        return out.toString();
    }
}

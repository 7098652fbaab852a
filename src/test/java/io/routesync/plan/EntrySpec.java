package io.routesync.plan;

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
import java.util.Locale;
import java.util.Map;

/**
 * Reads the planner's one-line entry form ({@link EntryText}) back into rules and routes, so planner
 * tests can state entries the way plans print them. Test-only and numeric; the real grammar for
 * {@code ip} output and YAML shorthand lives in {@code io.routesync.parse}.
 *
 * <p>Rules: {@code [-6] [pref] N|auto [not] [from P] [to P] ... lookup T|goto N|nop|... [proto N]};
 * a missing proto is -1. Routes: {@code [-6] [TYPE] DST [from P] [tos 0xT] table T [via GW] [dev D]
 * [nexthop via GW dev D weight W]... [proto N] [scope N] [src A] [metric M] [mtu [lock] N] [pref P]};
 * a missing proto is -1 too (the callers choose the default).
 */
final class EntrySpec {
    private final String[] words;
    private int at;

    private EntrySpec(String text) {
        this.words = text.trim().split("\\s+");
    }

    static Rule rule(String text) {
        return new EntrySpec(text).rule();
    }

    /** A route; {@code protocol} stands in when the text names none. */
    static Route route(String text, int protocol) {
        return new EntrySpec(text).route(protocol);
    }

    private Rule rule() {
        Family family = peekIs("-6") ? Family.INET6 : Family.INET;
        if (peekIs("-6")) at++;
        Rule.Builder b = Rule.builder(family).protocol(-1);
        if (peekIs("pref")) at++;
        String pref = next();
        if (!pref.equals("auto")) b.priority(Priority.of(Long.parseLong(pref)));
        while (at < words.length) {
            String w = next();
            switch (w) {
                case "not": b.not(true); break;
                case "from": String f = next(); if (!f.equals("all")) b.from(Prefix.parse(f)); break;
                case "to": b.to(Prefix.parse(next())); break;
                case "tos": b.tos(Integer.decode(next())); break;
                case "fwmark": b.fwmark(mark(next())); break;
                case "iif": b.iif(Interface.of(next())); break;
                case "oif": b.oif(Interface.of(next())); break;
                case "uidrange": String[] u = next().split("-"); b.uidRange(new UidRange(Long.parseLong(u[0]), Long.parseLong(u[1]))); break;
                case "ipproto": b.ipProto(Integer.parseInt(next())); break;
                case "sport": b.sport(ports(next())); break;
                case "dport": b.dport(ports(next())); break;
                case "tun_id": b.tunId(Long.parseLong(next())); break;
                case "l3mdev": b.l3mdev(true).action(RuleAction.TABLE); break;
                case "lookup": b.lookup(TableId.of(Long.parseLong(next()))); break;
                case "goto": b.gotoTarget(Priority.of(Long.parseLong(next()))); break;
                case "suppress_prefixlength": b.suppressPrefixLength(Integer.parseInt(next())); break;
                case "suppress_ifgroup": b.suppressIfgroup(Integer.parseInt(next())); break;
                case "realms": b.realms(realms(next())); break;
                case "proto": b.protocol(Integer.parseInt(next())); break;
                default:
                    b.action(RuleAction.valueOf(w.toUpperCase(Locale.ROOT)));
            }
        }
        return b.build();
    }

    private Route route(int defaultProtocol) {
        Family family = peekIs("-6") ? Family.INET6 : Family.INET;
        if (peekIs("-6")) at++;
        RouteType type = RouteType.lookup(words[at]);
        if (type != null) at++;
        String dst = next();
        Route.Builder b = Route.builder(family, TableId.MAIN).type(type == null ? RouteType.UNICAST : type)
                .dst(dst.equals("default") ? Prefix.all(family) : Prefix.parse(dst)).protocol(defaultProtocol);
        List<NextHop> hops = new ArrayList<>();
        Map<RouteMetric, MetricValue> metrics = new EnumMap<>(RouteMetric.class);
        IpAddress via = null;
        Interface dev = null;
        boolean onlink = false;
        while (at < words.length) {
            String w = next();
            switch (w) {
                case "from": b.from(Prefix.parse(next())); break;
                case "tos": b.tos(Integer.decode(next())); break;
                case "table": b.table(TableId.of(Long.parseLong(next()))); break;
                case "nhid": b.nhid(Long.parseLong(next())); break;
                case "via": if (peekIs("inet") || peekIs("inet6")) at++; via = IpAddress.parse(next()); break;
                case "dev": dev = Interface.of(next()); break;
                case "onlink": onlink = true; break;
                case "nexthop": hops.add(hop()); break;
                case "proto": b.protocol(Integer.parseInt(next())); break;
                case "scope": b.scope(Integer.parseInt(next())); break;
                case "src": b.prefsrc(IpAddress.parse(next())); break;
                case "metric": b.metric(Long.parseLong(next())); break;
                case "realms": b.realms(realms(next())); break;
                case "pref": b.pref(RouterPref.valueOf(next().toUpperCase(Locale.ROOT))); break;
                default:
                    RouteMetric m = RouteMetric.lookup(w);
                    if (m == null) throw new IllegalArgumentException("unknown route word '" + w + "'");
                    boolean lock = peekIs("lock");
                    if (lock) at++;
                    String v = next();
                    metrics.put(m, m.kind() == RouteMetric.Kind.NAME ? MetricValue.name(v, lock) : MetricValue.number(Long.parseLong(v), lock));
            }
        }
        if (via != null || dev != null) hops.add(0, new NextHop(via, dev, 1, onlink));
        return b.nexthops(hops).metrics(metrics).build();
    }

    private NextHop hop() {
        IpAddress via = null;
        Interface dev = null;
        int weight = 1;
        boolean onlink = false;
        while (at < words.length) {
            if (peekIs("via")) { at++; via = IpAddress.parse(next()); }
            else if (peekIs("dev")) { at++; dev = Interface.of(next()); }
            else if (peekIs("weight")) { at++; weight = Integer.parseInt(next()); }
            else if (peekIs("onlink")) { at++; onlink = true; }
            else break;
        }
        return new NextHop(via, dev, weight, onlink);
    }

    private static FwMark mark(String w) {
        String[] p = w.split("/");
        return new FwMark(Long.decode(p[0]), p.length > 1 ? Long.decode(p[1]) : FwMark.FULL_MASK);
    }

    private static PortRange ports(String w) {
        String[] p = w.split("-");
        return new PortRange(Integer.parseInt(p[0]), Integer.parseInt(p[p.length - 1]));
    }

    private static long realms(String w) {
        String[] p = w.split("/");
        return p.length == 1 ? Long.parseLong(p[0]) : (Long.parseLong(p[0]) << 16) | Long.parseLong(p[1]);
    }

    private boolean peekIs(String w) {
        return at < words.length && words[at].equals(w);
    }

    private String next() {
        if (at >= words.length) throw new IllegalArgumentException("unexpected end of '" + String.join(" ", words) + "'");
        return words[at++];
    }
}

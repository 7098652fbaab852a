package io.routesync.plan;

import io.routesync.model.Entry;
import io.routesync.model.Family;
import io.routesync.model.MetricValue;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.RouteType;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableName;
import java.util.Map;

/**
 * A compact, numeric, iproute2-flavoured one-line description of an entry, for conflict messages and
 * the planner's golden tests. Not the batch syntax: that is {@code render.IpSyntax}, which names things.
 * Every attribute that makes two entries different appears, so two different entries never read alike.
 */
public final class EntryText {
    private EntryText() {
    }

    public static String of(Entry entry) {
        if (entry instanceof Rule) return rule((Rule) entry);
        if (entry instanceof Route) return route((Route) entry);
        if (entry instanceof TableName) return entry.toString();
        throw new AssertionError("unknown entry kind " + entry.getClass());
    }

    /** A route identity: {@code [-6 ]table T DST [from SRC] [tos T] metric M}. */
    public static String key(Route.Key key) {
        StringBuilder out = new StringBuilder(64);
        if (key.family() == Family.INET6) out.append("-6 ");
        out.append("table ").append(key.table()).append(' ').append(destination(key.dst().toString(), key.dst().length()));
        if (key.from() != null) out.append(" from ").append(key.from());
        if (key.tos() != 0) out.append(" tos 0x").append(hex2(key.tos()));
        return out.append(" metric ").append(key.metric()).toString();
    }

    static String rule(Rule r) {
        StringBuilder out = new StringBuilder(96);
        if (r.family() == Family.INET6) out.append("-6 ");
        out.append("pref ").append(r.priority() == null ? "auto" : r.priority().toString());
        if (r.not()) out.append(" not");
        out.append(" from ").append(r.from() == null ? "all" : r.from().toString());
        if (r.to() != null) out.append(" to ").append(r.to());
        if (r.tos() != 0) out.append(" tos 0x").append(hex2(r.tos()));
        if (r.fwmark() != null) out.append(" fwmark ").append(r.fwmark());
        if (r.iif() != null) out.append(" iif ").append(r.iif());
        if (r.oif() != null) out.append(" oif ").append(r.oif());
        if (r.uidRange() != null) out.append(" uidrange ").append(r.uidRange());
        if (r.ipProto() != 0) out.append(" ipproto ").append(r.ipProto());
        if (r.sport() != null) out.append(" sport ").append(r.sport());
        if (r.dport() != null) out.append(" dport ").append(r.dport());
        if (r.tunId() != 0) out.append(" tun_id ").append(r.tunId());
        if (r.l3mdev()) out.append(" l3mdev");
        if (r.action() == RuleAction.TABLE) {
            if (r.table() != null) out.append(" lookup ").append(r.table());
        } else if (r.action() == RuleAction.GOTO) {
            out.append(" goto ").append(r.gotoTarget());
        } else {
            out.append(' ').append(r.action().word());
        }
        if (r.suppressPrefixLength() >= 0) out.append(" suppress_prefixlength ").append(r.suppressPrefixLength());
        if (r.suppressIfgroup() >= 0) out.append(" suppress_ifgroup ").append(r.suppressIfgroup());
        if (r.realms() != 0) out.append(" realms ").append(realms(r.realms()));
        if (r.protocol() >= 0) out.append(" proto ").append(r.protocol());
        return out.toString();
    }

    static String route(Route r) {
        StringBuilder out = new StringBuilder(96);
        if (r.family() == Family.INET6) out.append("-6 ");
        if (r.type() != RouteType.UNICAST) out.append(r.type().word()).append(' ');
        out.append(destination(r.dst().toString(), r.dst().length()));
        if (r.from() != null) out.append(" from ").append(r.from());
        if (r.tos() != 0) out.append(" tos 0x").append(hex2(r.tos()));
        out.append(" table ").append(r.table());
        if (r.nhid() != 0) out.append(" nhid ").append(r.nhid());
        if (r.nexthops().size() == 1) {
            hop(out, r.family(), r.nexthops().get(0), false);
        } else {
            for (NextHop h : r.nexthops()) {
                out.append(" nexthop");
                hop(out, r.family(), h, true);
            }
        }
        out.append(" proto ").append(r.protocol());
        // IPv6 routes have no scope (the model keeps 0)
        if (r.family() == Family.INET && r.scope() != Route.defaultScope(r.type(), r.nexthops(), r.nhid())) {
            out.append(" scope ").append(r.scope());
        }
        if (r.prefsrc() != null) out.append(" src ").append(r.prefsrc());
        out.append(" metric ").append(r.metric());
        if (r.realms() != 0) out.append(" realms ").append(realms(r.realms()));
        for (Map.Entry<RouteMetric, MetricValue> m : r.metrics().entrySet()) {
            MetricValue v = m.getValue();
            out.append(' ').append(m.getKey().word()).append(v.lock() ? " lock " : " ");
            out.append(v.name() != null ? v.name() : Long.toString(v.number()));
        }
        if (r.pref() != null) out.append(" pref ").append(r.pref().word());
        return out.toString();
    }

    private static void hop(StringBuilder out, Family family, NextHop h, boolean weight) {
        if (h.via() != null) {
            out.append(" via ");
            if (h.via().family() != family) out.append(h.via().family().keyword()).append(' ');
            out.append(h.via());
        }
        if (h.dev() != null) out.append(" dev ").append(h.dev());
        if (weight) out.append(" weight ").append(h.weight());
        if (h.onlink()) out.append(" onlink");
    }

    private static String destination(String prefix, int length) {
        return length == 0 ? "default" : prefix;
    }

    private static String realms(long realms) {
        long from = realms >>> 16;
        long to = realms & 0xffff;
        return from == 0 ? Long.toString(to) : from + "/" + to;
    }

    private static String hex2(int v) {
        return (v < 16 ? "0" : "") + Integer.toHexString(v);
    }
}

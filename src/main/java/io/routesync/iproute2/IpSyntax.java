package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.IpAddress;
import io.routesync.model.MetricValue;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.RouteType;
import io.routesync.model.RouterPref;
import io.routesync.model.Rule;
import java.util.Map;

/**
 * Writes one entry as the words after {@code ip rule add} or {@code ip route add}: the inverse of
 * {@link RuleGrammar} and {@link RouteGrammar}, {@code parse(write(x)).equals(x)}. One method per entry
 * kind decides which words an entry has and in what order; how each value is spelled (numbers, or names
 * for people) is {@link Spelling}'s. {@link ChangeSyntax} puts the verb in front.
 */
public final class IpSyntax {
    private IpSyntax() {
    }

    /**
     * The arguments after {@code ip rule add}/{@code ip rule del}: every attribute the rule has, the
     * priority first, the protocol last. With {@code names} null everything is numeric (batch lines);
     * otherwise tables, protocols and IP protocols are named where a name is known (human output).
     */
    public static String ruleArgs(Rule rule, Names names) {
        StringBuilder out = new StringBuilder(64);
        if (rule.priority() != null) word(out, "pref").append(rule.priority().value());
        if (rule.not()) flag(out, "not");
        if (rule.from() != null) rule.from().appendTo(word(out, "from"));
        if (rule.to() != null) rule.to().appendTo(word(out, "to"));
        if (rule.tos() != 0) word(out, "tos").append(Spelling.tos(rule.tos()));
        if (rule.fwmark() != null) word(out, "fwmark").append(Spelling.fwmark(rule.fwmark()));
        if (rule.iif() != null) word(out, "iif").append(rule.iif().name());
        if (rule.oif() != null) word(out, "oif").append(rule.oif().name());
        if (rule.uidRange() != null) word(out, "uidrange").append(rule.uidRange());
        if (rule.ipProto() != 0) word(out, "ipproto").append(Spelling.ipProto(rule.ipProto(), names));
        if (rule.sport() != null) word(out, "sport").append(rule.sport());
        if (rule.dport() != null) word(out, "dport").append(rule.dport());
        if (rule.tunId() != 0) word(out, "tun_id").append(rule.tunId());
        switch (rule.action()) {
            case TABLE:
                if (rule.l3mdev()) flag(out, "l3mdev");
                else word(out, "lookup").append(Spelling.table(rule.table(), names));
                break;
            case GOTO:
                word(out, "goto").append(rule.gotoTarget().value());
                break;
            default:
                flag(out, rule.action().word());
        }
        if (rule.suppressPrefixLength() != -1) word(out, "suppress_prefixlength").append(rule.suppressPrefixLength());
        if (rule.suppressIfgroup() != -1) word(out, "suppress_ifgroup").append(rule.suppressIfgroup());
        if (rule.realms() != 0) word(out, "realms").append(Spelling.realms(rule.realms()));
        if (rule.protocol() != -1) word(out, "protocol").append(Spelling.protocol(rule.protocol(), names));
        return out.toString();
    }

    /**
     * The arguments after {@code ip route add|replace|del}, fully specified (type, dst, from, tos,
     * nexthops, table, proto, scope, src, metric, metrics, pref) so a delete matches only this route.
     * {@code withTable} false leaves out {@code table T} (for YAML shorthand under a table key).
     * Multipath {@code nexthop} groups come last, because iproute2 reads nothing after them.
     *
     * <p>With {@code names} (output for people) the values {@code ip route add} would choose anyway are
     * left out: the type's default scope, IPv4 metric 0, IPv6 metric 1024 and {@code pref medium}. The
     * add grammar reads them back, so the round trip holds in both forms.
     */
    public static String routeArgs(Route route, Names names, boolean withTable) {
        StringBuilder out = new StringBuilder(96);
        appendRouteArgs(out, route, names, withTable);
        return out.toString();
    }

    /**
     * {@link #routeArgs} appended to {@code out}, which is empty or ends in a space (a batch appends each
     * line's words to one buffer: no string per route).
     */
    static void appendRouteArgs(StringBuilder out, Route route, Names names, boolean withTable) {
        if (route.type() != RouteType.UNICAST) flag(out, route.type().word());
        if (route.dst().isAll()) flag(out, "default");
        else route.dst().appendTo(separate(out));
        if (route.from() != null) route.from().appendTo(word(out, "from"));
        if (route.tos() != 0) word(out, "tos").append(Spelling.tos(route.tos()));
        if (route.nhid() != 0) word(out, "nhid").append(route.nhid());
        if (route.nexthops().size() == 1) {
            NextHop hop = route.nexthops().get(0);
            path(out, route.family(), hop, true);
        }
        // numbers are appended as numbers (no string each) when there are no names
        if (withTable) {
            if (names == null) word(out, "table").append(route.table().id());
            else word(out, "table").append(Spelling.table(route.table(), names));
        }
        if (names == null) word(out, "proto").append(route.protocol());
        else word(out, "proto").append(Spelling.protocol(route.protocol(), names));
        if (route.family() == Family.INET) {
            if (names == null) word(out, "scope").append(route.scope());
            else if (route.scope() != Route.defaultScope(route.type(), route.nexthops(), route.nhid())) {
                word(out, "scope").append(Spelling.scope(route.scope(), names));
            }
        }
        if (route.prefsrc() != null) route.prefsrc().appendTo(word(out, "src"));
        long usualMetric = route.family() == Family.INET ? 0 : Route.IPV6_DEFAULT_METRIC;
        if (names == null || route.metric() != usualMetric) word(out, "metric").append(route.metric());
        if (route.realms() != 0) word(out, "realms").append(Spelling.realms(route.realms()));
        for (Map.Entry<RouteMetric, MetricValue> e : route.metrics().entrySet()) {
            RouteMetric m = e.getKey();
            MetricValue v = e.getValue();
            word(out, m.word());
            // iproute2 locks rto_min by itself and would read a "lock" word there as the value
            if (v.lock() && m != RouteMetric.RTO_MIN) out.append("lock ");
            out.append(Spelling.metric(m, v));
        }
        if (route.pref() != null && (names == null || route.pref() != RouterPref.MEDIUM)) word(out, "pref").append(route.pref().word());
        if (route.nexthops().size() > 1) {
            for (NextHop hop : route.nexthops()) {
                flag(out, "nexthop");
                path(out, route.family(), hop, false);
                word(out, "weight").append(hop.weight());
                if (hop.onlink()) flag(out, "onlink");
            }
        }
    }

    private static void path(StringBuilder out, Family family, NextHop hop, boolean withOnlink) {
        IpAddress via = hop.via();
        if (via != null) {
            word(out, "via");
            if (via.family() != family) out.append(via.family().keyword()).append(' ');
            via.appendTo(out);
        }
        if (hop.dev() != null) word(out, "dev").append(hop.dev().name());
        if (withOnlink && hop.onlink()) flag(out, "onlink");
    }

    /** Appends {@code keyword} and a space for its value (after a separating space unless at the start). */
    private static StringBuilder word(StringBuilder out, String keyword) {
        separate(out);
        return out.append(keyword).append(' ');
    }

    /** Appends a word that takes no value. */
    private static void flag(StringBuilder out, String keyword) {
        separate(out);
        out.append(keyword);
    }

    private static StringBuilder separate(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') out.append(' ');
        return out;
    }
}

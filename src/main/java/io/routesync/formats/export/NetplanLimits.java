package io.routesync.formats.export;

import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.MetricValue;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.RouterPref;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What netplan 0.106 (Debian 12) cannot express. Its {@code routes} keys are to, via, from (the
 * preferred source), on-link, metric, type, scope (global/link/host), table, mtu, congestion-window and
 * advertised-receive-window; its {@code routing-policy} keys are from, to, table, priority, mark and
 * type-of-service, and a policy rule always looks up a table. netplan has no protocol key: networkd
 * installs what it generates with protocol static.
 */
final class NetplanLimits implements InterfaceGroups.Limits {
    static final int PROTOCOL_STATIC = 4;
    /** netplan reads a metric or priority of 2^32-1 as "unset" and leaves it out of what it generates. */
    static final long UNSET = 0xffff_ffffL;
    private static final String HAS_NO = "netplan 0.106 has no ";

    private final int protocolTag;

    NetplanLimits(int protocolTag) {
        this.protocolTag = protocolTag;
    }

    @Override
    public List<String> route(Route r) {
        List<String> why = new ArrayList<>();
        if (r.nhid() != 0) why.add(HAS_NO + "nexthop objects (nhid)");
        if (r.isMultipath()) why.add(HAS_NO + "multipath routes (several nexthops)");
        if (r.from() != null) why.add(HAS_NO + "source prefix for a route (its from is the preferred source, src)");
        if (r.tos() != 0) why.add(HAS_NO + "tos for a route");
        if (r.realms() != 0) why.add(HAS_NO + "realms");
        if (r.pref() != null && r.pref() != RouterPref.MEDIUM) why.add(HAS_NO + "IPv6 route preference (pref)");
        if (r.family() == Family.INET && scopeWord(r.scope()) == null) {
            why.add(HAS_NO + "scope " + r.scope() + " (only global, link and host)");
        }
        if (r.metric() == UNSET) why.add("netplan 0.106 reads metric 4294967295 as unset");
        for (NextHop h : r.nexthops()) {
            if (h.via() != null && h.via().family() != r.family()) why.add(HAS_NO + "gateway of the other address family");
        }
        for (Map.Entry<RouteMetric, MetricValue> m : r.metrics().entrySet()) {
            if (metricKey(m.getKey()) == null) why.add(HAS_NO + "route metric " + m.getKey().word());
            else if (m.getValue().lock()) why.add(HAS_NO + "locked route metrics (lock " + m.getKey().word() + ")");
            else if (m.getValue().number() == 0) why.add("netplan 0.106 takes only a positive " + m.getKey().word());
        }
        protocol(r.protocol(), why);
        return why;
    }

    @Override
    public List<String> rule(Rule r) {
        List<String> why = new ArrayList<>();
        if (r.action() != RuleAction.TABLE) why.add(HAS_NO + "rule action " + r.action().word() + " (a policy rule looks up a table)");
        if (r.l3mdev()) why.add(HAS_NO + "l3mdev");
        if (r.not()) why.add(HAS_NO + "inverted rules (not)");
        if (r.iif() != null) why.add(HAS_NO + "iif");
        if (r.oif() != null) why.add(HAS_NO + "oif");
        if (r.uidRange() != null) why.add(HAS_NO + "uidrange");
        if (r.ipProto() != 0) why.add(HAS_NO + "ipproto");
        if (r.sport() != null) why.add(HAS_NO + "sport");
        if (r.dport() != null) why.add(HAS_NO + "dport");
        if (r.tunId() != 0) why.add(HAS_NO + "tun_id");
        if (r.suppressPrefixLength() != -1) why.add(HAS_NO + "suppress_prefixlength");
        if (r.suppressIfgroup() != -1) why.add(HAS_NO + "suppress_ifgroup");
        if (r.realms() != 0) why.add(HAS_NO + "realms");
        FwMark mark = r.fwmark();
        if (mark != null && mark.mask() != FwMark.FULL_MASK) why.add(HAS_NO + "fwmark mask (mark takes a value only)");
        if (mark != null && mark.value() == 0) why.add("netplan 0.106 takes only a positive mark");
        if (r.priority() != null && r.priority().value() == UNSET) why.add("netplan 0.106 reads priority 4294967295 as unset");
        protocol(r.protocol(), why);
        return why;
    }

    /** The protocol routesync tags with is its own marker; any other the state sets must survive. */
    private void protocol(int protocol, List<String> why) {
        if (protocol != -1 && protocol != protocolTag && protocol != PROTOCOL_STATIC) {
            why.add(HAS_NO + "protocol key (networkd installs its routes and rules with protocol static)");
        }
    }

    /** netplan's scope word, or null. */
    static String scopeWord(int scope) {
        switch (scope) {
            case Route.SCOPE_UNIVERSE: return "global";
            case Route.SCOPE_LINK: return "link";
            case Route.SCOPE_HOST: return "host";
            default: return null;
        }
    }

    /** netplan's key for a route metric, or null. */
    static String metricKey(RouteMetric metric) {
        switch (metric) {
            case MTU: return "mtu";
            case INITCWND: return "congestion-window";
            case INITRWND: return "advertised-receive-window";
            default: return null;
        }
    }
}

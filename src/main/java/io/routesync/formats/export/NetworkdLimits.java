package io.routesync.formats.export;

import io.routesync.model.MetricValue;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What systemd-networkd 252 (Debian 12) cannot express, from systemd.network(5) of that version:
 * [Route] has no tos and no realms, only some route metrics and none locked, named scopes only, a
 * {@code NextHop=} only with a [NextHop] section the state does not have, and {@code MultiPathRoute=}
 * paths that each name a gateway; [RoutingPolicyRule] has no goto, nop, l3mdev, tun_id, realms or
 * protocol (networkd installs its rules with protocol static) and takes only a non-zero fwmark.
 * A gateway of the other address family is refused too: systemd 252 does not accept one.
 */
final class NetworkdLimits implements InterfaceGroups.Limits {
    private static final String HAS_NO = "systemd-networkd 252 has no ";

    private final int protocolTag;

    NetworkdLimits(int protocolTag) {
        this.protocolTag = protocolTag;
    }

    @Override
    public List<String> route(Route r) {
        List<String> why = new ArrayList<>();
        if (r.nhid() != 0) why.add(HAS_NO + "nexthop object a state can describe (NextHop= needs a [NextHop] section)");
        if (r.tos() != 0) why.add(HAS_NO + "tos for a route");
        if (r.realms() != 0) why.add(HAS_NO + "realms");
        if (scopeWord(r.scope()) == null) why.add(HAS_NO + "scope " + r.scope() + " (only global, site, link, host, nowhere)");
        for (NextHop h : r.nexthops()) {
            if (h.via() != null && h.via().family() != r.family()) why.add(HAS_NO + "gateway of the other address family");
            if (r.isMultipath() && h.via() == null) why.add(HAS_NO + "multipath path without a gateway (MultiPathRoute= takes one)");
            if (r.isMultipath() && h.onlink()) why.add(HAS_NO + "onlink for one path of a multipath route");
        }
        for (Map.Entry<RouteMetric, MetricValue> m : r.metrics().entrySet()) {
            String problem = metricProblem(m.getKey(), m.getValue());
            if (problem != null) why.add(problem);
        }
        return why;
    }

    @Override
    public List<String> rule(Rule r) {
        List<String> why = new ArrayList<>();
        if (r.action() == RuleAction.GOTO || r.action() == RuleAction.NOP) why.add(HAS_NO + "rule action " + r.action().word());
        if (r.l3mdev()) why.add(HAS_NO + "l3mdev");
        if (r.tunId() != 0) why.add(HAS_NO + "tun_id");
        if (r.realms() != 0) why.add(HAS_NO + "realms");
        if (r.fwmark() != null && r.fwmark().value() == 0) why.add("systemd-networkd 252 takes only a non-zero FirewallMark=");
        if (r.protocol() != -1 && r.protocol() != protocolTag && r.protocol() != NetplanLimits.PROTOCOL_STATIC) {
            why.add(HAS_NO + "protocol for a rule (it installs rules with protocol static)");
        }
        return why;
    }

    private static String metricProblem(RouteMetric metric, MetricValue value) {
        if (metricKey(metric) == null) return HAS_NO + "route metric " + metric.word();
        if (value.lock()) return HAS_NO + "locked route metrics (lock " + metric.word() + ")";
        if ((metric == RouteMetric.INITCWND || metric == RouteMetric.INITRWND) && (value.number() < 1 || value.number() > 1023)) {
            return "systemd-networkd 252 takes " + metric.word() + " from 1 to 1023 only";
        }
        if ((metric == RouteMetric.QUICKACK || metric == RouteMetric.FASTOPEN_NO_COOKIE) && value.number() > 1) {
            return "systemd-networkd 252 takes " + metric.word() + " as a boolean (0 or 1) only";
        }
        if ((metric == RouteMetric.MTU || metric == RouteMetric.ADVMSS) && value.number() == 0) {
            return "systemd-networkd 252 takes only a positive " + metric.word();
        }
        return null;
    }

    /** networkd's [Route] key for a route metric, or null. */
    static String metricKey(RouteMetric metric) {
        switch (metric) {
            case MTU: return "MTUBytes";
            case ADVMSS: return "TCPAdvertisedMaximumSegmentSize";
            case INITCWND: return "InitialCongestionWindow";
            case INITRWND: return "InitialAdvertisedReceiveWindow";
            case QUICKACK: return "QuickAck";
            case FASTOPEN_NO_COOKIE: return "FastOpenNoCookie";
            case CONGCTL: return "TCPCongestionControlAlgorithm";
            default: return null;
        }
    }

    /** networkd's scope word, or null. */
    static String scopeWord(int scope) {
        switch (scope) {
            case Route.SCOPE_UNIVERSE: return "global";
            case 200: return "site";
            case Route.SCOPE_LINK: return "link";
            case Route.SCOPE_HOST: return "host";
            case 255: return "nowhere";
            default: return null;
        }
    }
}

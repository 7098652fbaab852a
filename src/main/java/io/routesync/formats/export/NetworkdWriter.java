package io.routesync.formats.export;

import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.Interface;
import io.routesync.model.MetricValue;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.RouteType;
import io.routesync.model.RouterPref;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state as systemd-networkd files for systemd 252 (Debian 12): one {@code routesync-IFACE.network}
 * per interface, matching it by name, with a [Route] section per route and a [RoutingPolicyRule]
 * section per rule. networkd applies only the first .network file (in lexical order) that matches a
 * link: where one already matches, the sections go into a drop-in of that file instead
 * (docs/export-formats.md). Routes carry their protocol (routesync's tag too), so routesync keeps
 * owning them; rules cannot (networkd tags them static).
 */
public final class NetworkdWriter {
    public static final String TARGET = "systemd-networkd 252 (Debian 12)";

    private NetworkdWriter() {
    }

    public static String fileName(Interface at) {
        return "routesync-" + at.name() + ".network";
    }

    public static Exported write(ExportInput in) {
        InterfaceGroups groups = InterfaceGroups.of(in, "networkd", new NetworkdLimits(in.protocolTag()));
        List<ExportFile> files = new ArrayList<>();
        for (Interface at : groups.interfaces()) {
            String name = fileName(at);
            StringBuilder out = new StringBuilder(1024);
            out.append(Header.of(name, "networkd", TARGET, in, List.of(
                    "networkd applies only the first .network file that matches a link: if one matches " + at.name()
                            + " already, put the sections below [Match] into a drop-in of that file.")));
            out.append("\n[Match]\nName=").append(at.name()).append('\n');
            for (Route r : groups.routes(at)) route(out, r);
            for (Rule r : groups.rules(at)) rule(out, r);
            files.add(new ExportFile(name, out.toString()));
        }
        return new Exported(files, groups.refused);
    }

    private static void route(StringBuilder out, Route r) {
        out.append("\n[Route]\n");
        key(out, "Destination", r.dst().toString());
        if (r.from() != null) key(out, "Source", r.from().toString());
        if (r.nexthops().size() == 1) {
            NextHop hop = r.nexthops().get(0);
            if (hop.via() != null) key(out, "Gateway", hop.via().toString());
            if (hop.onlink()) key(out, "GatewayOnLink", "yes");
        }
        for (NextHop hop : r.isMultipath() ? r.nexthops() : List.<NextHop>of()) {
            key(out, "MultiPathRoute", hop.via() + (hop.dev() == null ? "" : "@" + hop.dev().name()) + " " + hop.weight());
        }
        if (r.prefsrc() != null) key(out, "PreferredSource", r.prefsrc().toString());
        if (r.type() != RouteType.UNICAST) key(out, "Type", r.type().word());
        if (r.family() == Family.INET && r.scope() != Route.defaultScope(r.type(), r.nexthops(), r.nhid())) {
            key(out, "Scope", NetworkdLimits.scopeWord(r.scope()));
        }
        if (r.metric() != NetplanWriter.usualMetric(r.family())) key(out, "Metric", Long.toString(r.metric()));
        if (r.pref() != null && r.pref() != RouterPref.MEDIUM) key(out, "IPv6Preference", r.pref().word());
        key(out, "Table", Long.toString(r.table().id()));
        key(out, "Protocol", Integer.toString(r.protocol()));
        for (Map.Entry<RouteMetric, MetricValue> m : r.metrics().entrySet()) {
            MetricValue v = m.getValue();
            String value = v.name() != null ? v.name() : m.getKey() == RouteMetric.QUICKACK
                    || m.getKey() == RouteMetric.FASTOPEN_NO_COOKIE ? (v.number() == 1 ? "yes" : "no") : Long.toString(v.number());
            key(out, NetworkdLimits.metricKey(m.getKey()), value);
        }
    }

    private static void rule(StringBuilder out, Rule r) {
        out.append("\n[RoutingPolicyRule]\n");
        key(out, "Family", r.family() == Family.INET6 ? "ipv6" : "ipv4");
        if (r.priority() != null) key(out, "Priority", Long.toString(r.priority().value()));
        if (r.not()) key(out, "InvertRule", "yes");
        if (r.from() != null) key(out, "From", r.from().toString());
        if (r.to() != null) key(out, "To", r.to().toString());
        if (r.tos() != 0) key(out, "TypeOfService", Integer.toString(r.tos()));
        FwMark mark = r.fwmark();
        if (mark != null) key(out, "FirewallMark", mark.value() + (mark.mask() == FwMark.FULL_MASK ? "" : "/" + mark.mask()));
        if (r.iif() != null) key(out, "IncomingInterface", r.iif().name());
        if (r.oif() != null) key(out, "OutgoingInterface", r.oif().name());
        if (r.uidRange() != null) key(out, "User", r.uidRange().toString());
        if (r.ipProto() != 0) key(out, "IPProtocol", Integer.toString(r.ipProto()));
        if (r.sport() != null) key(out, "SourcePort", r.sport().toString());
        if (r.dport() != null) key(out, "DestinationPort", r.dport().toString());
        if (r.action() == RuleAction.TABLE) key(out, "Table", Long.toString(r.table().id()));
        else key(out, "Type", r.action().word());
        if (r.suppressPrefixLength() != -1) key(out, "SuppressPrefixLength", Integer.toString(r.suppressPrefixLength()));
        if (r.suppressIfgroup() != -1) key(out, "SuppressInterfaceGroup", Integer.toString(r.suppressIfgroup()));
    }

    private static void key(StringBuilder out, String key, String value) {
        out.append(key).append('=').append(value).append('\n');
    }
}

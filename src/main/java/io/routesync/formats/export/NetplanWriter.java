package io.routesync.formats.export;

import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.MetricValue;
import io.routesync.model.NextHop;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.RouteType;
import io.routesync.model.Rule;
import java.util.List;
import java.util.Map;

/**
 * The state as one netplan file ({@value #FILE}) for netplan 0.106 (Debian 12): each interface under
 * {@code ethernets} with its {@code routes} and {@code routing-policy}. Everything that is a string is
 * double-quoted (IPv6 addresses start with ':', names may start with '@'); prefixes are always written
 * in full ({@code 0.0.0.0/0}, never {@code default}: netplan 0.106 aborts on a local route to
 * {@code default}). A rule that matches every source and destination gets {@code from: 0.0.0.0/0}
 * (or {@code ::/0}): netplan wants a from or a to in every policy rule.
 */
public final class NetplanWriter {
    public static final String FILE = "90-routesync.yaml";
    public static final String TARGET = "netplan 0.106 (Debian 12), rendered by systemd-networkd";

    private NetplanWriter() {
    }

    public static Exported write(ExportInput in) {
        InterfaceGroups groups = InterfaceGroups.of(in, "netplan", new NetplanLimits(in.protocolTag()));
        StringBuilder out = new StringBuilder(1024);
        out.append(Header.of(FILE, "netplan", TARGET, in, List.of(
                "Routes and rules are installed by networkd with protocol static, not routesync's tag " + in.protocolTag() + ".",
                "An interface defined elsewhere as a bond, bridge, vlan or tunnel takes these keys in that definition.")));
        out.append("network:\n  version: 2\n");
        if (!groups.interfaces().isEmpty()) out.append("  ethernets:\n");
        for (Interface at : groups.interfaces()) {
            out.append("    ").append(quote(at.name())).append(":\n");
            List<Route> routes = groups.routes(at);
            if (!routes.isEmpty()) out.append("      routes:\n");
            for (Route r : routes) route(out, r);
            List<Rule> rules = groups.rules(at);
            if (!rules.isEmpty()) out.append("      routing-policy:\n");
            for (Rule r : rules) rule(out, r);
        }
        return new Exported(List.of(new ExportFile(FILE, out.toString())), groups.refused);
    }

    private static void route(StringBuilder out, Route r) {
        String item = "        - ";
        String key = "          ";
        out.append(item).append("to: ").append(quote(r.dst().toString())).append('\n');
        NextHop hop = r.nexthops().isEmpty() ? null : r.nexthops().get(0);
        if (hop != null && hop.via() != null) out.append(key).append("via: ").append(quote(hop.via().toString())).append('\n');
        if (hop != null && hop.onlink()) out.append(key).append("on-link: true\n");
        if (r.prefsrc() != null) out.append(key).append("from: ").append(quote(r.prefsrc().toString())).append('\n');
        if (r.type() != RouteType.UNICAST) out.append(key).append("type: ").append(r.type().word()).append('\n');
        if (r.family() == Family.INET && r.scope() != Route.defaultScope(r.type(), r.nexthops(), r.nhid())) {
            out.append(key).append("scope: ").append(NetplanLimits.scopeWord(r.scope())).append('\n');
        }
        if (r.metric() != usualMetric(r.family())) out.append(key).append("metric: ").append(r.metric()).append('\n');
        out.append(key).append("table: ").append(r.table().id()).append('\n');
        for (Map.Entry<RouteMetric, MetricValue> m : r.metrics().entrySet()) {
            out.append(key).append(NetplanLimits.metricKey(m.getKey())).append(": ").append(m.getValue().number()).append('\n');
        }
    }

    private static void rule(StringBuilder out, Rule r) {
        String item = "        - ";
        String key = "          ";
        Prefix from = r.from() == null && r.to() == null ? Prefix.all(r.family()) : r.from();
        String first = from != null ? "from: " + quote(from.toString()) : "to: " + quote(r.to().toString());
        out.append(item).append(first).append('\n');
        if (from != null && r.to() != null) out.append(key).append("to: ").append(quote(r.to().toString())).append('\n');
        out.append(key).append("table: ").append(r.table().id()).append('\n');
        if (r.priority() != null) out.append(key).append("priority: ").append(r.priority().value()).append('\n');
        if (r.fwmark() != null) out.append(key).append("mark: ").append(r.fwmark().value()).append('\n');
        if (r.tos() != 0) out.append(key).append("type-of-service: ").append(r.tos()).append('\n');
    }

    static long usualMetric(Family family) {
        return family == Family.INET ? 0 : Route.IPV6_DEFAULT_METRIC;
    }

    /** A YAML double-quoted scalar; the values written here never hold a quote or a backslash. */
    private static String quote(String s) {
        return '"' + s + '"';
    }
}

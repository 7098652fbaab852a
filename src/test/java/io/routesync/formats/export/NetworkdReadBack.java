package io.routesync.formats.export;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.iproute2.SyntaxException;
import io.routesync.model.Family;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the routes and rules of a systemd-networkd .network file back into the model, the way
 * networkd 252 would install them on the link its [Match] names (a route's path gets that device,
 * an unset Protocol= is static), by turning each section into the {@code ip} words that mean the same
 * and parsing those with routesync's own grammars. Keys are checked against what systemd.network(5) of
 * systemd 252 lists for each section, so a misspelt or invented key fails. A test oracle, written apart
 * from the writers (an import helper may later replace it).
 */
final class NetworkdReadBack {
    private static final Set<String> MATCH = Set.of("Name");
    private static final Set<String> NETWORK = Set.of("LinkLocalAddressing");
    private static final Set<String> ROUTE = Set.of("Gateway", "GatewayOnLink", "Destination", "Source", "Metric",
            "IPv6Preference", "Scope", "PreferredSource", "Table", "Protocol", "Type", "InitialCongestionWindow",
            "InitialAdvertisedReceiveWindow", "QuickAck", "FastOpenNoCookie", "MTUBytes", "TCPAdvertisedMaximumSegmentSize",
            "TCPCongestionControlAlgorithm", "MultiPathRoute");
    private static final Set<String> RULE = Set.of("TypeOfService", "From", "To", "FirewallMark", "Table", "Priority",
            "IncomingInterface", "OutgoingInterface", "SourcePort", "DestinationPort", "IPProtocol", "InvertRule", "Family",
            "User", "SuppressPrefixLength", "SuppressInterfaceGroup", "Type");
    private static final Names NAMES = Names.builtin();

    /** What one file installs: its link, its routes and its rules, in file order. */
    record Read(String link, List<Route> routes, List<Rule> rules) {
    }

    private NetworkdReadBack() {
    }

    static Read read(String text) throws SyntaxException {
        String link = null;
        List<Route> routes = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        String section = null;
        Map<String, List<String>> keys = null;
        List<Map.Entry<String, Map<String, List<String>>>> sections = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("[")) {
                section = line.substring(1, line.length() - 1);
                keys = new LinkedHashMap<>();
                sections.add(Map.entry(section, keys));
                continue;
            }
            int eq = line.indexOf('=');
            assertTrue(eq > 0 && keys != null, "not a key=value line in a section: " + line);
            String key = line.substring(0, eq);
            assertTrue(allowed(section).contains(key), "[" + section + "] has no key " + key + " in systemd 252");
            keys.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(eq + 1));
        }
        for (Map.Entry<String, Map<String, List<String>>> s : sections) {
            if (s.getKey().equals("Match")) link = one(s.getValue(), "Name");
        }
        for (Map.Entry<String, Map<String, List<String>>> s : sections) {
            if (s.getKey().equals("Route")) routes.add(route(s.getValue(), link));
            if (s.getKey().equals("RoutingPolicyRule")) rules.add(rule(s.getValue()));
        }
        return new Read(link, routes, rules);
    }

    private static Set<String> allowed(String section) {
        switch (section) {
            case "Match": return MATCH;
            case "Network": return NETWORK;
            case "Route": return ROUTE;
            case "RoutingPolicyRule": return RULE;
            default: throw new AssertionError("unexpected section [" + section + "]");
        }
    }

    private static Route route(Map<String, List<String>> k, String link) throws SyntaxException {
        List<String> w = new ArrayList<>();
        String type = one(k, "Type");
        boolean reject = type != null && Set.of("blackhole", "unreachable", "prohibit", "throw").contains(type);
        if (type != null) w.add(type);
        Prefix dst = Prefix.parse(one(k, "Destination"));
        w.add(dst.toString());
        add(w, "from", one(k, "Source"));
        add(w, "via", one(k, "Gateway"));
        if (!reject && !k.containsKey("MultiPathRoute")) add(w, "dev", link);
        if ("yes".equals(one(k, "GatewayOnLink")) || "true".equals(one(k, "GatewayOnLink"))) w.add("onlink");
        String protocol = one(k, "Protocol");
        add(w, "proto", protocol == null ? "static" : protocol);
        add(w, "scope", one(k, "Scope"));
        add(w, "src", one(k, "PreferredSource"));
        add(w, "metric", one(k, "Metric"));
        add(w, "pref", one(k, "IPv6Preference"));
        add(w, "mtu", one(k, "MTUBytes"));
        add(w, "advmss", one(k, "TCPAdvertisedMaximumSegmentSize"));
        add(w, "initcwnd", one(k, "InitialCongestionWindow"));
        add(w, "initrwnd", one(k, "InitialAdvertisedReceiveWindow"));
        add(w, "quickack", bool(one(k, "QuickAck")));
        add(w, "fastopen_no_cookie", bool(one(k, "FastOpenNoCookie")));
        add(w, "congctl", one(k, "TCPCongestionControlAlgorithm"));
        for (String path : k.getOrDefault("MultiPathRoute", List.of())) {
            String[] parts = path.split(" ");
            String[] via = parts[0].split("@");
            w.add("nexthop");
            add(w, "via", via[0]);
            add(w, "dev", via.length > 1 ? via[1] : link);
            add(w, "weight", parts.length > 1 ? parts[1] : "1");
        }
        String table = one(k, "Table");
        return RouteGrammar.parseAdd(w, dst.family(), TableId.of(table == null ? 254 : Long.parseLong(table)), NAMES, -1);
    }

    private static Rule rule(Map<String, List<String>> k) throws SyntaxException {
        List<String> w = new ArrayList<>();
        add(w, "pref", one(k, "Priority"));
        if ("yes".equals(one(k, "InvertRule")) || "true".equals(one(k, "InvertRule"))) w.add("not");
        add(w, "from", one(k, "From"));
        add(w, "to", one(k, "To"));
        String tos = one(k, "TypeOfService");
        // networkd reads a decimal number; ip reads tos as hex
        add(w, "tos", tos == null ? null : "0x" + Integer.toHexString(Integer.parseInt(tos)));
        add(w, "fwmark", one(k, "FirewallMark"));
        add(w, "iif", one(k, "IncomingInterface"));
        add(w, "oif", one(k, "OutgoingInterface"));
        String user = one(k, "User");
        add(w, "uidrange", user == null || user.contains("-") ? user : user + "-" + user);
        add(w, "ipproto", one(k, "IPProtocol"));
        add(w, "sport", one(k, "SourcePort"));
        add(w, "dport", one(k, "DestinationPort"));
        String type = one(k, "Type");
        if (type != null) w.add(type);
        else add(w, "lookup", one(k, "Table") == null ? "main" : one(k, "Table"));
        add(w, "suppress_prefixlength", one(k, "SuppressPrefixLength"));
        add(w, "suppress_ifgroup", one(k, "SuppressInterfaceGroup"));
        String family = one(k, "Family");
        Family f = "ipv6".equals(family) ? Family.INET6 : "ipv4".equals(family) ? Family.INET : null;
        if (f == null) {
            String address = one(k, "From") != null ? one(k, "From") : one(k, "To");
            f = address != null && address.contains(":") ? Family.INET6 : Family.INET;
        }
        // networkd tags its rules static; the protocol is set aside where rules are compared
        return RuleGrammar.parseAdd(w, f, NAMES, -1);
    }

    private static String bool(String value) {
        return value == null ? null : value.equals("yes") || value.equals("true") ? "1" : "0";
    }

    private static void add(List<String> words, String keyword, String value) {
        if (value == null) return;
        words.add(keyword);
        words.add(value);
    }

    private static String one(Map<String, List<String>> keys, String key) {
        List<String> values = keys.get(key);
        if (values == null) return null;
        assertTrue(values.size() == 1, key + "= given " + values.size() + " times");
        return values.get(0);
    }
}

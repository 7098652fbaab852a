package io.routesync.iproute2;

import com.fasterxml.jackson.databind.JsonNode;
import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.MetricValue;
import io.routesync.model.NextHop;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.RouteType;
import io.routesync.model.RouterPref;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code ip -j [-d] [-N] [-6] route list table T}: a second reading of a table, independent of the
 * text grammar, that tests compare with it. Keys are iproute2's (ip/iproute.c print_route).
 *
 * <p>JSON does not carry a metric's {@code lock}: every metric read here is unlocked, so a comparison
 * with the text reading must ignore locks. Time metrics are in milliseconds, as in the model.
 */
public final class RouteJsonReader {
    private static final Set<String> KEYS = Set.of("type", "dst", "from", "nhid", "tos", "gateway", "via", "dev", "table",
            "protocol", "scope", "prefsrc", "metric", "flags", "flow", "expires", "metrics", "pref", "nexthops",
            // -d describes the nexthop object of an nhid route; it belongs to the object, not the route
            "nh_info");
    private static final Set<String> NEXTHOP_KEYS = Set.of("gateway", "via", "dev", "weight", "flags");
    private static final Set<String> STATE_FLAGS = Set.of("dead", "pervasive", "offload", "trap", "notify", "linkdown",
            "unresolved", "rt_offload", "rt_trap", "rt_offload_failed");

    private RouteJsonReader() {
    }

    /** Parses the JSON array for table {@code table} of family {@code family}. */
    public static List<Route> parse(String json, Family family, TableId table, Names names, String command) throws OutputException {
        return JsonEntries.read(json, command, entry -> read(entry, family, table, names));
    }

    private static Route read(JsonNode e, Family family, TableId table, Names names) throws JsonEntries.Problem {
        JsonEntries.checkKeys(e, KEYS);
        RouteFields f = new RouteFields();
        f.reset(table);
        f.family = family;
        try {
            String type = JsonEntries.text(e, "type");
            if (type != null) {
                f.type = RouteType.lookup(type);
                if (f.type == null) throw new JsonEntries.Problem("type '" + type + "' is unknown");
            }
            String dst = JsonEntries.text(e, "dst");
            if (dst == null) throw new JsonEntries.Problem("no dst");
            f.dst = dst.equals("default") ? Prefix.all(family) : Prefix.parse(dst);
            String from = JsonEntries.text(e, "from");
            if (from != null) f.from = Prefix.parse(from);
            long nhid = JsonEntries.number(e, "nhid");
            if (nhid >= 0) f.nhid = nhid;
            String tos = JsonEntries.text(e, "tos");
            if (tos != null) f.tos = RuleJsonReader.known(names.dsfield(tos), "tos", tos);
            f.via = gateway(e);
            String dev = JsonEntries.text(e, "dev");
            if (dev != null) f.dev = Interface.of(dev);
            String t = JsonEntries.text(e, "table");
            if (t != null) {
                f.table = names.table(t);
                if (f.table == null) throw new JsonEntries.Problem("table '" + t + "' is unknown");
            }
            String proto = JsonEntries.text(e, "protocol");
            if (proto != null) f.protocol = RuleJsonReader.known(names.protocol(proto), "protocol", proto);
            String scope = JsonEntries.text(e, "scope");
            if (scope != null) f.scope = RuleJsonReader.known(names.scope(scope), "scope", scope);
            String prefsrc = JsonEntries.text(e, "prefsrc");
            if (prefsrc != null) f.prefsrc = IpAddress.parse(prefsrc);
            long metric = JsonEntries.number(e, "metric");
            if (metric >= 0) f.metric = metric;
            f.onlink = flags(e);
            f.realms = realms(e.get("flow"), names);
            f.metrics = metrics(e.get("metrics"));
            String pref = JsonEntries.text(e, "pref");
            if (pref != null) f.pref = pref(pref);
            if (e.has("nexthops")) f.multipath = nexthops(e.get("nexthops"));
            return f.build();
        } catch (InvalidValueException ex) {
            throw new JsonEntries.Problem(ex.getMessage());
        }
    }

    private static IpAddress gateway(JsonNode e) throws JsonEntries.Problem {
        String gw = JsonEntries.text(e, "gateway");
        if (gw != null) return IpAddress.parse(gw);
        JsonNode via = e.get("via");
        if (via == null) return null;
        JsonEntries.checkKeys(via, Set.of("family", "host"));
        String host = JsonEntries.text(via, "host");
        if (host == null) throw new JsonEntries.Problem("via without host");
        IpAddress a = IpAddress.parse(host);
        String fam = JsonEntries.text(via, "family");
        if (fam != null && Family.ofKeyword(fam) != a.family()) throw new JsonEntries.Problem("via " + fam + " " + host + " does not match");
        return a;
    }

    /** True when {@code onlink} is among the flags; the other flags are kernel state. */
    private static boolean flags(JsonNode e) throws JsonEntries.Problem {
        JsonNode flags = e.get("flags");
        if (flags == null) return false;
        boolean onlink = false;
        for (JsonNode flag : flags) {
            String f = flag.asText();
            if (f.equals("onlink")) onlink = true;
            else if (!STATE_FLAGS.contains(f)) throw new JsonEntries.Problem("flag '" + f + "' is not one routesync understands");
        }
        return onlink;
    }

    private static long realms(JsonNode flow, Names names) throws JsonEntries.Problem {
        if (flow == null) return 0;
        JsonEntries.checkKeys(flow, Set.of("from", "to"));
        String from = JsonEntries.text(flow, "from");
        String to = JsonEntries.text(flow, "to");
        long f = from == null ? 0 : RuleJsonReader.known(names.realm(from), "realms", from);
        long t = to == null ? 0 : RuleJsonReader.known(names.realm(to), "realms", to);
        return (f << 16) | t;
    }

    private static Map<RouteMetric, MetricValue> metrics(JsonNode array) throws JsonEntries.Problem {
        if (array == null) return null;
        Map<RouteMetric, MetricValue> out = new EnumMap<>(RouteMetric.class);
        for (JsonNode object : array) {
            for (Map.Entry<String, JsonNode> kv : object.properties()) {
                String key = kv.getKey();
                JsonNode v = kv.getValue();
                switch (key) {
                    case "congestion":
                        out.put(RouteMetric.CONGCTL, MetricValue.name(v.asText(), false));
                        break;
                    case "ecn":
                        out.put(RouteMetric.FEATURES, MetricValue.number(1, false));
                        break;
                    case "features":
                        out.put(RouteMetric.FEATURES, MetricValue.number(Numbers.parse(v.asText(), 0xffff_ffffL), false));
                        break;
                    default: {
                        RouteMetric m = RouteMetric.lookup(key);
                        if (m == null || !v.isIntegralNumber()) throw new JsonEntries.Problem("metric '" + key + "' is not one routesync understands");
                        out.put(m, MetricValue.number(v.asLong(), false));
                    }
                }
            }
        }
        return out;
    }

    private static List<NextHop> nexthops(JsonNode array) throws JsonEntries.Problem {
        List<NextHop> hops = new ArrayList<>();
        for (JsonNode h : array) {
            JsonEntries.checkKeys(h, NEXTHOP_KEYS);
            IpAddress via = gateway(h);
            String dev = JsonEntries.text(h, "dev");
            long weight = JsonEntries.number(h, "weight");
            hops.add(new NextHop(via, dev == null ? null : Interface.of(dev), weight < 0 ? 1 : (int) weight, flags(h)));
        }
        return hops;
    }

    private static RouterPref pref(String p) throws JsonEntries.Problem {
        switch (p) {
            case "low": return RouterPref.LOW;
            case "medium": return RouterPref.MEDIUM;
            case "high": return RouterPref.HIGH;
            default: throw new JsonEntries.Problem("pref '" + p + "' is unknown");
        }
    }
}

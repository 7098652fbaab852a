package io.routesync.formats;

import io.routesync.config.Nearest;
import io.routesync.config.SourcePos;
import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * systemd-networkd {@code .network} files (systemd 252): each {@code [Route]} section one route, each
 * {@code [RoutingPolicyRule]} one rule (two for {@code Family=both}), and {@code Gateway=} in {@code
 * [Network]} the main table's default route; keys turned into the {@code ip} words they mean and read by
 * the one grammar. A route is on the file's interface ({@code [Match] Name=}, one plain name) unless it is
 * of a reject type or takes its path from {@code NextHop=}/{@code MultiPathRoute=}. Other sections
 * configure links and addresses and are not read.
 */
final class NetworkdReader {
    /** [Route] key -> ip route keyword whose value is the key's value as written. */
    private static final Map<String, String> ROUTE_KEYS = Map.ofEntries(Map.entry("Source", "from"),
            Map.entry("PreferredSource", "src"), Map.entry("Metric", "metric"), Map.entry("IPv6Preference", "pref"),
            Map.entry("Scope", "scope"), Map.entry("Protocol", "proto"), Map.entry("InitialCongestionWindow", "initcwnd"),
            Map.entry("InitialAdvertisedReceiveWindow", "initrwnd"), Map.entry("TCPCongestionControlAlgorithm", "congctl"),
            Map.entry("HopLimit", "hoplimit"), Map.entry("NextHop", "nhid"), Map.entry("MTUBytes", "mtu"),
            Map.entry("TCPAdvertisedMaximumSegmentSize", "advmss"));
    private static final Map<String, String> ROUTE_FLAGS = Map.of("QuickAck", "quickack", "FastOpenNoCookie", "fastopen_no_cookie");
    private static final Set<String> ROUTE_OTHER = Set.of("Destination", "Gateway", "GatewayOnLink", "Table", "Type", "MultiPathRoute");
    private static final Map<String, String> RULE_KEYS = Map.ofEntries(Map.entry("TypeOfService", "tos"), Map.entry("From", "from"),
            Map.entry("To", "to"), Map.entry("FirewallMark", "fwmark"), Map.entry("Priority", "pref"),
            Map.entry("IncomingInterface", "iif"), Map.entry("OutgoingInterface", "oif"), Map.entry("SourcePort", "sport"),
            Map.entry("DestinationPort", "dport"), Map.entry("IPProtocol", "ipproto"), Map.entry("User", "uidrange"),
            Map.entry("SuppressPrefixLength", "suppress_prefixlength"), Map.entry("SuppressInterfaceGroup", "suppress_ifgroup"),
            Map.entry("GoTo", "goto"));
    private static final Set<String> RULE_OTHER = Set.of("Table", "Type", "Family", "InvertRule", "L3MasterDevice");
    private static final Set<String> REJECT_TYPES = Set.of("blackhole", "unreachable", "prohibit", "throw");

    private final Entries into;
    /** The file's [Network] VRF=, or null: its routes without Table= go to the VRF's table, named in a .netdev. */
    private IniFile.Entry vrf;
    /** VRF name -> its Table= entry, from the .netdev files given. */
    private final Map<String, IniFile.Entry> vrfTables = new java.util.HashMap<>();

    private NetworkdReader(Entries into) {
        this.into = into;
    }

    static void read(List<FormatFile> files, Entries into) {
        NetworkdReader r = new NetworkdReader(into);
        Map<FormatFile, List<IniFile.Section>> parsed = new java.util.LinkedHashMap<>();
        for (FormatFile f : files) parsed.put(f, IniFile.read(f, into));
        parsed.values().forEach(r::vrfTables);
        parsed.forEach(r::file);
    }

    /** A given .netdev file's VRF: [NetDev] Name=, Kind=vrf, [VRF] Table=. */
    private void vrfTables(List<IniFile.Section> sections) {
        IniFile.Entry name = null;
        IniFile.Entry table = null;
        boolean isVrf = false;
        for (IniFile.Section s : sections) {
            if (s.name().equals("NetDev")) {
                name = s.last("Name");
                isVrf = s.last("Kind") != null && s.last("Kind").value().equals("vrf");
            }
            if (s.name().equals("VRF")) table = s.last("Table");
        }
        if (isVrf && name != null && table != null) vrfTables.put(name.value(), table);
    }

    private void file(FormatFile f, List<IniFile.Section> sections) {
        Word iface = null;
        IniFile.Entry name = null;
        vrf = null;
        for (IniFile.Section s : sections) {
            if (s.name().equals("Match") && s.last("Name") != null) name = s.last("Name");
            if (s.name().equals("Network") && s.last("VRF") != null) vrf = s.last("VRF");
        }
        if (name != null && name.value().matches("[^\\s*?\\[\\]!]+")) iface = new Word(name.value(), name.valuePos());
        for (IniFile.Section s : sections) {
            switch (s.name()) {
                case "Network":
                    for (IniFile.Entry e : s.entries()) if (e.key().equals("Gateway")) gateway(e, iface, f);
                    break;
                case "Route": route(s, iface, f); break;
                case "RoutingPolicyRule": rule(s); break;
                default: break;
            }
        }
    }

    private void gateway(IniFile.Entry e, Word iface, FormatFile f) {
        if (dynamic(e)) return;
        List<Word> words = new ArrayList<>(List.of(new Word("default", e.keyPos()), new Word("via", e.keyPos()),
                new Word(e.value(), e.valuePos())));
        if (!dev(words, iface, f, e.keyPos())) return;
        TableId table = vrfTable(e.keyPos());
        if (table == null) return;
        Route r = IpCommand.route(words, null, table, e.keyPos(), into);
        if (r != null) into.route(r, e.keyPos(), Entries.Verb.ADD, Entries.Phase.UP);
    }

    /** A gateway networkd learns at run time (_dhcp4, _ipv6ra): listed, not read. */
    private boolean dynamic(IniFile.Entry e) {
        if (!e.value().startsWith("_")) return false;
        into.problem(e.valuePos(), "Gateway=" + e.value() + " is learnt from DHCP/RA while the link is up: not a route a state"
                + " can hold", "leave dynamic routes to networkd");
        return true;
    }

    private void route(IniFile.Section s, Word iface, FormatFile f) {
        if (!knownKeys(s, ROUTE_KEYS.keySet(), ROUTE_FLAGS.keySet(), ROUTE_OTHER, "Route")) return;
        List<Word> words = new ArrayList<>();
        IniFile.Entry type = s.last("Type");
        String t = type == null ? "unicast" : type.value().equals("resolve") ? "xresolve" : type.value();
        if (!t.equals("unicast")) words.add(new Word(t, type.valuePos()));
        IniFile.Entry dst = s.last("Destination");
        // without Destination=, networkd's route is the default route (prefix length 0)
        words.add(dst == null ? new Word("default", s.at()) : new Word(dst.value(), dst.valuePos()));
        IniFile.Entry gw = s.last("Gateway");
        if (gw != null) {
            if (dynamic(gw)) return;
            words.add(new Word("via", gw.keyPos()));
            words.add(new Word(gw.value(), gw.valuePos()));
        }
        if (!flag(s, "GatewayOnLink", "onlink", words)) return;
        for (IniFile.Entry e : s.entries()) {
            String keyword = ROUTE_KEYS.get(e.key());
            if (keyword != null && e == s.last(e.key())) {
                words.add(new Word(keyword, e.keyPos()));
                words.add(new Word(bytes(e.value()), e.valuePos()));
            }
        }
        for (Map.Entry<String, String> m : ROUTE_FLAGS.entrySet()) {
            IniFile.Entry e = s.last(m.getKey());
            if (e == null) continue;
            Boolean b = Booleans.parse(e.value());
            if (b == null) {
                into.problem(e.valuePos(), m.getKey() + "=" + e.value() + " is not a boolean", m.getKey() + "=yes or no");
                return;
            }
            words.add(new Word(m.getValue(), e.keyPos()));
            words.add(new Word(b ? "1" : "0", e.valuePos()));
        }
        boolean multipath = false;
        for (IniFile.Entry e : s.entries()) {
            if (!e.key().equals("MultiPathRoute")) continue;
            multipath = true;
            String[] parts = e.value().split("[ \t]+");
            int at = parts[0].indexOf('@');
            words.add(new Word("nexthop", e.keyPos()));
            words.add(new Word("via", e.keyPos()));
            words.add(new Word(at < 0 ? parts[0] : parts[0].substring(0, at), e.valuePos()));
            if (at >= 0) {
                words.add(new Word("dev", e.valuePos()));
                words.add(new Word(parts[0].substring(at + 1), e.valuePos()));
            } else if (!dev(words, iface, f, e.keyPos())) {
                return;
            }
            if (parts.length > 1) {
                words.add(new Word("weight", e.valuePos()));
                words.add(new Word(parts[1], e.valuePos()));
            }
        }
        if (!multipath && s.last("NextHop") == null && !REJECT_TYPES.contains(t)) {
            // the path goes before the nexthop groups, which iproute2 reads last
            List<Word> path = new ArrayList<>();
            if (!dev(path, iface, f, s.at())) return;
            words.addAll(t.equals("unicast") ? 1 : 2, path);
        }
        IniFile.Entry tableEntry = s.last("Table");
        TableId table = tableEntry == null ? vrfTable(s.at()) : TableId.MAIN;
        if (table == null) return;
        if (tableEntry != null) {
            table = IpCommand.table(new Word(tableEntry.value(), tableEntry.valuePos()), into);
            if (table == null) return;
        }
        Route r = IpCommand.route(words, null, table, s.at(), into);
        if (r != null) into.route(r, s.at(), Entries.Verb.ADD, Entries.Phase.UP);
    }

    /**
     * The table of a route without Table=: main, or, when the file's link is in a VRF, the VRF's table from
     * its .netdev file (null, after listing why, when that file was not given).
     */
    private TableId vrfTable(SourcePos at) {
        if (vrf == null) return TableId.MAIN;
        IniFile.Entry table = vrfTables.get(vrf.value());
        if (table != null) return IpCommand.table(new Word(table.value(), table.valuePos()), into);
        into.problem(at, "this link is in VRF " + vrf.value() + " (line " + vrf.keyPos().line() + "), so networkd puts this route"
                + " in the VRF's table, which the VRF's .netdev file sets", "give that .netdev file too, or write Table=N in the route");
        return null;
    }

    /** MTUBytes=1.5K: systemd's size suffixes (base 1024). */
    private static String bytes(String value) {
        if (!value.matches("\\d{1,9}(\\.\\d{1,9})?[KMG]")) return value;
        double n = Double.parseDouble(value.substring(0, value.length() - 1));
        int shift = "KMG".indexOf(value.charAt(value.length() - 1)) * 10 + 10;
        return Long.toString((long) (n * (1L << shift)));
    }

    private boolean flag(IniFile.Section s, String key, String word, List<Word> words) {
        IniFile.Entry e = s.last(key);
        if (e == null) return true;
        Boolean b = Booleans.parse(e.value());
        if (b == null) {
            into.problem(e.valuePos(), key + "=" + e.value() + " is not a boolean", key + "=yes or no");
            return false;
        }
        if (b) words.add(new Word(word, e.keyPos()));
        return true;
    }

    private boolean dev(List<Word> words, Word iface, FormatFile f, SourcePos at) {
        if (iface == null) {
            into.problem(at, f.name() + " has no [Match] Name= with one plain interface name, so the interface of this route is"
                    + " known only on the host", "match one interface by name ([Match] Name=eth1)");
            return false;
        }
        words.add(new Word("dev", iface.pos()));
        words.add(iface);
        return true;
    }

    private void rule(IniFile.Section s) {
        if (!knownKeys(s, RULE_KEYS.keySet(), Set.of(), RULE_OTHER, "RoutingPolicyRule")) return;
        List<Word> words = new ArrayList<>();
        IniFile.Entry invert = s.last("InvertRule");
        if (invert != null && !flag(s, "InvertRule", "not", words)) return;
        for (IniFile.Entry e : s.entries()) {
            String keyword = RULE_KEYS.get(e.key());
            if (keyword == null || e != s.last(e.key())) continue;
            words.add(new Word(keyword, e.keyPos()));
            String v = e.value();
            // networkd's User= takes one uid or a range, iproute2's uidrange always a range; TypeOfService= is decimal
            if (keyword.equals("uidrange") && v.matches("\\d+")) v = v + "-" + v;
            if (keyword.equals("tos")) v = Decimal.tos(v);
            words.add(new Word(v, e.valuePos()));
        }
        if (!flag(s, "L3MasterDevice", "l3mdev", words)) return;
        IniFile.Entry type = s.last("Type");
        if (type != null && !type.value().equals("table")) {
            words.add(new Word(type.value(), type.valuePos()));
        } else if (s.last("GoTo") == null || s.last("Table") != null) {
            IniFile.Entry table = s.last("Table");
            Word t = table == null ? new Word("main", s.at()) : new Word(table.value(), table.valuePos());
            if (IpCommand.table(t, into) == null) return;
            words.add(new Word("table", t.pos()));
            words.add(t);
        }
        List<Family> families = new ArrayList<>();
        IniFile.Entry family = s.last("Family");
        String fam = family == null ? "" : family.value();
        switch (fam) {
            case "": families.add(null); break;
            case "ipv4": families.add(Family.INET); break;
            case "ipv6": families.add(Family.INET6); break;
            case "both": families.add(Family.INET); families.add(Family.INET6); break;
            default:
                into.problem(family.valuePos(), "Family=" + fam + " is not ipv4, ipv6 or both", "Family=ipv4, ipv6 or both");
                return;
        }
        for (Family fa : families) {
            Rule r = IpCommand.rule(words, fa, s.at(), into);
            if (r != null) into.rule(r, s.at(), Entries.Verb.ADD, Entries.Phase.UP);
        }
    }

    private boolean knownKeys(IniFile.Section s, Set<String> a, Set<String> b, Set<String> c, String section) {
        boolean ok = true;
        for (IniFile.Entry e : s.entries()) {
            if (a.contains(e.key()) || b.contains(e.key()) || c.contains(e.key())) continue;
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            all.addAll(c);
            String near = Nearest.word(e.key(), all);
            into.problem(e.keyPos(), "[" + section + "] " + e.key() + "= is not read by routesync (not a routing key it can keep in"
                    + " a state: " + (near != null ? "did you mean " + near + "?" : "see docs/import-formats.md") + ")",
                    near != null ? near + "=" : "the section without it");
            ok = false;
        }
        return ok;
    }
}

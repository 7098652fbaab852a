package io.routesync.formats;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.Nearest;
import io.routesync.config.SourceFile;
import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;
import io.routesync.config.yaml.YamlReader;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * netplan YAML ({@code network: version: 2}): of every device ({@code ethernets}, {@code bonds}, ...,
 * {@code vrfs}) its {@code routes}, {@code routing-policy} and the deprecated {@code gateway4}/{@code
 * gateway6}, with every route and rule key netplan 0.106 has, each turned into the {@code ip} words
 * netplan's generated networkd configuration means and read by the one grammar. A route is on its
 * device (the device's {@code set-name}, else its id; a device found by {@code match:} alone has no name
 * to route by); reject types ({@code blackhole}, ...) have none; a {@code vrfs:} device's routes and
 * rules default to its table, and so do those of its member devices (as networkd does). Other keys configure links and addresses and are not read.
 */
final class NetplanReader {
    private static final Set<String> DEVICE_TYPES = Set.of("ethernets", "bonds", "bridges", "vlans", "tunnels", "wifis",
            "vrfs", "dummy-devices", "virtual-ethernets", "modems", "nm-devices");
    /** netplan route key -> ip route keyword ("" for the destination, handled apart: to, type, table, on-link). */
    private static final Map<String, String> ROUTE_KEYS = Map.of("via", "via", "from", "src", "scope", "scope",
            "metric", "metric", "mtu", "mtu", "congestion-window", "initcwnd", "advertised-receive-window", "initrwnd");
    private static final Set<String> ROUTE_OTHER = Set.of("to", "type", "table", "on-link");
    private static final Map<String, String> RULE_KEYS = Map.of("from", "from", "to", "to", "priority", "pref",
            "mark", "fwmark", "type-of-service", "tos");
    private static final Set<String> REJECT_TYPES = Set.of("blackhole", "unreachable", "prohibit", "throw");

    private final Entries into;
    /** A VRF member's id -> the VRF's table value: networkd puts a member's routes in the VRF's table. */
    private final Map<String, YamlNode.Scalar> vrfMembers = new HashMap<>();

    private NetplanReader(Entries into) {
        this.into = into;
    }

    static void read(List<FormatFile> files, Entries into) {
        NetplanReader r = new NetplanReader(into);
        Map<FormatFile, YamlNode> roots = new LinkedHashMap<>();
        for (FormatFile f : files) {
            try {
                roots.put(f, YamlReader.read(new SourceFile(f.name(), f.text())));
            } catch (InvalidInputException e) {
                for (Diagnostic d : e.diagnostics()) into.problem(d.pos(), d.message(), d.fix());
            }
        }
        roots.values().forEach(r::vrfs);
        roots.values().forEach(r::file);
    }

    private void vrfs(YamlNode root) {
        if (root instanceof YamlNode.Mapping m && m.get("network") instanceof YamlNode.Mapping net
                && net.get("vrfs") instanceof YamlNode.Mapping vrfs) {
            for (YamlNode.Field vrf : vrfs.fields()) {
                if (vrf.value() instanceof YamlNode.Mapping v && v.get("table") instanceof YamlNode.Scalar t
                        && v.get("interfaces") instanceof YamlNode.Sequence members) {
                    for (YamlNode member : members.items()) {
                        if (member instanceof YamlNode.Scalar name && name.text() != null) vrfMembers.put(name.text(), t);
                    }
                }
            }
        }
    }

    private void file(YamlNode root) {
        YamlNode network = root instanceof YamlNode.Mapping m ? m.get("network") : null;
        if (!(network instanceof YamlNode.Mapping net)) {
            into.problem(root.pos(), "not a netplan file: it has no 'network:' mapping", "give netplan YAML (network: version: 2 ...)");
            return;
        }
        YamlNode version = net.get("version");
        if (version instanceof YamlNode.Scalar v && !"2".equals(v.text())) {
            into.problem(v.pos(), "netplan version " + v.text() + ": netplan reads version 2 only", "version: 2");
            return;
        }
        for (YamlNode.Field type : net.fields()) {
            if (!DEVICE_TYPES.contains(type.key())) continue;
            if (!(type.value() instanceof YamlNode.Mapping devices)) continue;
            for (YamlNode.Field device : devices.fields()) {
                if (device.value() instanceof YamlNode.Mapping d) device(type.key(), device, d);
            }
        }
    }

    private void device(String type, YamlNode.Field id, YamlNode.Mapping d) {
        Word iface = new Word(id.key(), id.keyPos());
        if (d.get("set-name") instanceof YamlNode.Scalar s && s.text() != null) iface = new Word(s.text(), s.pos());
        else if (d.get("match") != null) iface = null;
        TableId table = TableId.MAIN;
        YamlNode.Scalar vrfTable = type.equals("vrfs") && d.get("table") instanceof YamlNode.Scalar t ? t : vrfMembers.get(id.key());
        if (vrfTable != null) {
            table = IpCommand.table(new Word(vrfTable.text() == null ? "" : vrfTable.text(), vrfTable.pos()), into);
            if (table == null) return;
        }
        for (String gw : List.of("gateway4", "gateway6")) {
            if (d.get(gw) instanceof YamlNode.Scalar g && g.text() != null) {
                List<Word> words = new ArrayList<>(List.of(new Word("default", g.pos()), new Word("via", g.pos()), new Word(g.text(), g.pos())));
                if (!dev(words, iface, id, g.pos())) continue;
                Route r = IpCommand.route(words, null, table, g.pos(), into);
                if (r != null) into.route(r, g.pos(), Entries.Verb.ADD, Entries.Phase.UP);
            }
        }
        for (YamlNode item : items(d, "routes")) route(item, iface, id, table);
        for (YamlNode item : items(d, "routing-policy")) rule(item, table);
    }

    private List<YamlNode> items(YamlNode.Mapping d, String key) {
        YamlNode n = d.get(key);
        if (n == null) return List.of();
        if (n instanceof YamlNode.Sequence s) return s.items();
        into.problem(n.pos(), key + " is " + n.kind() + ", not a list", key + ": [ {...}, ... ]");
        return List.of();
    }

    private void route(YamlNode item, Word iface, YamlNode.Field id, TableId deviceTable) {
        if (!(item instanceof YamlNode.Mapping m)) {
            into.problem(item.pos(), "a route is " + item.kind() + ", not a mapping", "- to: PREFIX, via: GATEWAY");
            return;
        }
        if (!knownKeys(m, ROUTE_KEYS.keySet(), ROUTE_OTHER, "route")) return;
        List<Word> words = new ArrayList<>();
        String type = scalar(m, "type");
        if (type != null && !type.equals("unicast")) words.add(word(m, "type"));
        Word to = word(m, "to");
        if (to == null) {
            into.problem(m.pos(), "a netplan route needs 'to'", "to: PREFIX or to: default");
            return;
        }
        words.add(to);
        for (YamlNode.Field f : m.fields()) {
            String keyword = ROUTE_KEYS.get(f.key());
            if (keyword != null) {
                words.add(new Word(keyword, f.keyPos()));
                words.add(word(m, f.key()));
            }
        }
        String onLink = scalar(m, "on-link");
        if (onLink != null && Booleans.parse(onLink) == null) {
            into.problem(m.get("on-link").pos(), "on-link '" + onLink + "' is not true or false", "on-link: true");
            return;
        }
        if (Boolean.TRUE.equals(Booleans.parse(onLink))) words.add(new Word("onlink", m.field("on-link").keyPos()));
        if (type == null || !REJECT_TYPES.contains(type)) {
            if (!dev(words, iface, id, m.pos())) return;
        }
        TableId table = deviceTable;
        if (m.get("table") != null) {
            table = IpCommand.table(word(m, "table"), into);
            if (table == null) return;
        }
        Route r = IpCommand.route(words, null, table, m.pos(), into);
        if (r != null) into.route(r, m.pos(), Entries.Verb.ADD, Entries.Phase.UP);
    }

    /** Adds {@code dev IFACE}; false (after listing why) when the device has no interface name here. */
    private boolean dev(List<Word> words, Word iface, YamlNode.Field id, SourcePos at) {
        if (iface == null) {
            into.problem(at, "device '" + id.key() + "' is found by match: without set-name, so the interface its routes use is"
                    + " known only on the host", "add set-name: NAME to the device");
            return false;
        }
        words.add(new Word("dev", iface.pos()));
        words.add(iface);
        return true;
    }

    private void rule(YamlNode item, TableId deviceTable) {
        if (!(item instanceof YamlNode.Mapping m)) {
            into.problem(item.pos(), "a routing-policy entry is " + item.kind() + ", not a mapping", "- from: PREFIX, table: N");
            return;
        }
        if (!knownKeys(m, RULE_KEYS.keySet(), Set.of("table"), "routing-policy")) return;
        List<Word> words = new ArrayList<>();
        for (YamlNode.Field f : m.fields()) {
            String keyword = RULE_KEYS.get(f.key());
            if (keyword != null) {
                words.add(new Word(keyword, f.keyPos()));
                Word value = word(m, f.key());
                if (keyword.equals("tos")) value = new Word(Decimal.tos(value.text()), value.pos());
                if (keyword.equals("fwmark")) value = new Word(Decimal.mark(value.text()), value.pos());
                words.add(value);
            }
        }
        Word table = word(m, "table");
        if (table == null && !deviceTable.equals(TableId.MAIN)) table = new Word(Long.toString(deviceTable.id()), m.pos());
        if (table == null) {
            into.problem(m.pos(), "a netplan routing-policy entry needs 'table'", "table: N");
            return;
        }
        if (IpCommand.table(table, into) == null) return;
        words.add(new Word("table", table.pos()));
        words.add(table);
        Rule r = IpCommand.rule(words, null, m.pos(), into);
        if (r != null) into.rule(r, m.pos(), Entries.Verb.ADD, Entries.Phase.UP);
    }

    /** False (after listing each) when the mapping has keys netplan does not have; every value must be a scalar. */
    private boolean knownKeys(YamlNode.Mapping m, Set<String> keys, Set<String> others, String what) {
        boolean ok = true;
        for (YamlNode.Field f : m.fields()) {
            if (!keys.contains(f.key()) && !others.contains(f.key())) {
                List<String> all = new ArrayList<>(keys);
                all.addAll(others);
                String near = Nearest.word(f.key(), all);
                into.problem(f.keyPos(), "'" + f.key() + "' is not a netplan " + what + " key (netplan refuses it too)",
                        near != null ? "did you mean '" + near + "'?" : "one of: " + String.join(", ", all.stream().sorted().toList()));
                ok = false;
            } else if (!(f.value() instanceof YamlNode.Scalar s) || s.isNull()) {
                into.problem(f.value().pos(), f.key() + " is " + (f.value() instanceof YamlNode.Scalar ? "empty" : f.value().kind())
                        + ", not a value", f.key() + ": VALUE");
                ok = false;
            }
        }
        return ok;
    }

    private static String scalar(YamlNode.Mapping m, String key) {
        return m.get(key) instanceof YamlNode.Scalar s ? s.text() : null;
    }

    private static Word word(YamlNode.Mapping m, String key) {
        return m.get(key) instanceof YamlNode.Scalar s && s.text() != null ? new Word(s.text(), s.pos()) : null;
    }
}

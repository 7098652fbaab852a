package io.routesync.iproute2;

import com.fasterxml.jackson.databind.JsonNode;
import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.PortRange;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import io.routesync.model.UidRange;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code ip -j [-d] [-N] [-6] rule show}: a second reading of the rules, independent of the text
 * grammar, that tests compare with it. Keys are iproute2's (ip/iprule.c print_rule); the state keys
 * {@code iif_detached}, {@code oif_detached} and {@code unresolved} are dropped like their text marks.
 */
public final class RuleJsonReader {
    private static final Set<String> KEYS = Set.of("priority", "not", "src", "srclen", "dst", "dstlen", "tos", "fwmark",
            "fwmask", "iif", "iif_detached", "oif", "oif_detached", "l3mdev", "uid_start", "uid_end", "ipproto", "sport",
            "sport_start", "sport_end", "dport", "dport_start", "dport_end", "tun_id", "table", "suppress_prefixlen",
            "suppress_ifgroup", "flow_from", "flow_to", "goto", "unresolved", "nop", "action", "protocol");

    private RuleJsonReader() {
    }

    /** Parses the JSON array; {@code family} is the one listed ({@code -6} or not). */
    public static List<Rule> parse(String json, Family family, Names names, String command) throws OutputException {
        return JsonEntries.read(json, command, entry -> read(entry, family, names));
    }

    private static Rule read(JsonNode e, Family family, Names names) throws JsonEntries.Problem {
        JsonEntries.checkKeys(e, KEYS);
        RuleFields f = new RuleFields();
        try {
            long prio = JsonEntries.number(e, "priority");
            f.priority = Priority.of(Math.max(prio, 0));
            f.not = e.has("not");
            f.from = prefix(e, "src", "srclen", family);
            f.to = prefix(e, "dst", "dstlen", family);
            String tos = JsonEntries.text(e, "tos");
            if (tos != null) f.tos = known(names.dsfield(tos), "tos", tos);
            String mark = JsonEntries.text(e, "fwmark");
            String mask = JsonEntries.text(e, "fwmask");
            if (mark != null || mask != null) {
                f.fwmark = new FwMark(mark == null ? 0 : hex("fwmark", mark), mask == null ? FwMark.FULL_MASK : hex("fwmask", mask));
            }
            String iif = JsonEntries.text(e, "iif");
            if (iif != null) f.iif = Interface.of(iif);
            String oif = JsonEntries.text(e, "oif");
            if (oif != null) f.oif = Interface.of(oif);
            if (e.has("uid_start")) f.uidRange = new UidRange(JsonEntries.number(e, "uid_start"), JsonEntries.number(e, "uid_end"));
            String ipproto = JsonEntries.text(e, "ipproto");
            if (ipproto != null) f.ipProto = known(names.ipProto(ipproto), "ipproto", ipproto);
            f.sport = ports(e, "sport");
            f.dport = ports(e, "dport");
            long tun = JsonEntries.number(e, "tun_id");
            if (tun >= 0) f.tunId = tun;
            long spl = JsonEntries.number(e, "suppress_prefixlen");
            if (spl >= 0) f.suppressPrefixLength = (int) spl;
            String group = JsonEntries.text(e, "suppress_ifgroup");
            if (group != null) f.suppressIfgroup = known(names.group(group), "suppress_ifgroup", group);
            f.realms = realms(e, names);
            action(e, f, names);
            String proto = JsonEntries.text(e, "protocol");
            f.protocol = proto == null ? Rule.PROTOCOL_UNSPEC : known(names.protocol(proto), "protocol", proto);
            return f.build(family);
        } catch (InvalidValueException | SyntaxException ex) {
            throw new JsonEntries.Problem(ex.getMessage());
        }
    }

    private static void action(JsonNode e, RuleFields f, Names names) throws JsonEntries.Problem {
        int actions = 0;
        if (e.has("l3mdev")) {
            f.action = RuleAction.TABLE;
            f.l3mdev = true;
            actions++;
        }
        String table = JsonEntries.text(e, "table");
        if (table != null) {
            TableId id = names.table(table);
            if (id == null) throw new JsonEntries.Problem("table '" + table + "' is unknown");
            f.action = RuleAction.TABLE;
            f.table = id;
            actions++;
        }
        if (e.has("goto")) {
            long target = JsonEntries.number(e, "goto");
            f.action = RuleAction.GOTO;
            f.gotoTarget = Priority.of(target);
            actions++;
        }
        if (e.has("nop")) {
            f.action = RuleAction.NOP;
            actions++;
        }
        String action = JsonEntries.text(e, "action");
        if (action != null) {
            f.action = rejectAction(action);
            actions++;
        }
        if (actions != 1) throw new JsonEntries.Problem("expected exactly one action, found " + actions);
    }

    private static RuleAction rejectAction(String a) throws JsonEntries.Problem {
        switch (a) {
            case "blackhole": case "6": return RuleAction.BLACKHOLE;
            case "unreachable": case "7": return RuleAction.UNREACHABLE;
            case "prohibit": case "8": return RuleAction.PROHIBIT;
            default: throw new JsonEntries.Problem("action '" + a + "' is not one routesync understands");
        }
    }

    private static Prefix prefix(JsonNode e, String key, String lenKey, Family family) throws JsonEntries.Problem {
        String addr = JsonEntries.text(e, key);
        long len = JsonEntries.number(e, lenKey);
        if (addr == null || addr.equals("all")) return null;
        IpAddress a = addr.equals("0") ? IpAddress.zero(family) : IpAddress.parse(addr);
        return new Prefix(a, len < 0 ? a.family().bits() : (int) len);
    }

    private static PortRange ports(JsonNode e, String key) throws JsonEntries.Problem {
        if (e.has(key + "_mask")) throw new JsonEntries.Problem(key + " masks are not supported");
        long single = JsonEntries.number(e, key);
        if (single >= 0) return PortRange.single((int) single);
        long start = JsonEntries.number(e, key + "_start");
        if (start < 0) return null;
        return new PortRange((int) start, (int) JsonEntries.number(e, key + "_end"));
    }

    private static long realms(JsonNode e, Names names) throws JsonEntries.Problem {
        String from = JsonEntries.text(e, "flow_from");
        String to = JsonEntries.text(e, "flow_to");
        if (from == null && to == null) return 0;
        long f = from == null ? 0 : known(names.realm(from), "realms", from);
        long t = to == null ? 0 : known(names.realm(to), "realms", to);
        return (f << 16) | t;
    }

    private static long hex(String key, String value) throws JsonEntries.Problem {
        long n = Numbers.parse(value, FwMark.FULL_MASK);
        if (n < 0) throw new JsonEntries.Problem(key + " '" + value + "' is not a number");
        return n;
    }

    static int known(int n, String key, String value) throws JsonEntries.Problem {
        if (n < 0) throw new JsonEntries.Problem(key + " '" + value + "' is unknown");
        return n;
    }
}

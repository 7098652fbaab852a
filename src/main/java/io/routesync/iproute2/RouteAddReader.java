package io.routesync.iproute2;

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
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the words that follow {@code ip route add}, as a user writes them in a state file. The grammar
 * is iproute2's: {@code [to] [TYPE] PREFIX|default}, attributes in any order, and {@code nexthop} groups
 * last. {@code table} is refused because the state file already says which table a route is in.
 * This class decides what the words mean and what the kernel would refuse or change; {@link Keywords}
 * says which keyword a word is (or why routesync refuses it), {@link ValueWords} and
 * {@link MetricValues} read values.
 */
final class RouteAddReader {
    private final List<String> words;
    private final Names names;
    private final FamilyCheck families;
    private final RouteFields f = new RouteFields();
    private final SeenWords seen = new SeenWords();
    private boolean defaultDst;
    private int dstIndex = -1;
    private int typeIndex = -1;
    /** index of a gateway given as "via inet ADDR" / "via inet6 ADDR", whose family is checked at the end */
    private int foreignViaIndex = -1;
    private int i;

    RouteAddReader(List<String> words, Family family, TableId table, Names names, SharedValues shared) {
        this.words = words;
        f.shared = shared;
        this.names = names;
        this.families = new FamilyCheck("route", family);
        f.reset(table);
        f.scope = -1;
    }

    Route read(int defaultProtocol) throws SyntaxException {
        if (words.isEmpty()) throw new SyntaxException(-1, "the route is empty", "a destination and a next hop, such as: 10.0.0.0/8 via 192.0.2.1 dev eth0");
        for (i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("nexthop")) {
                readNexthops();
                break;
            }
            readWord(w);
        }
        if (f.dst == null && !defaultDst) {
            throw new SyntaxException(-1, "the route has no destination", "a prefix such as 10.0.0.0/8, or default");
        }
        Family family = families.family();
        f.family = family;
        if (defaultDst) f.dst = Prefix.all(family);
        if (!seen.containsKey("protocol")) f.protocol = defaultProtocol;
        check(family);
        try {
            return f.build();
        } catch (InvalidValueException e) {
            throw new SyntaxException(blame(e), e.getMessage(), e.expected());
        }
    }

    /** What the kernel would refuse or silently change, said before anything is applied. */
    private void check(Family family) throws SyntaxException {
        if (foreignViaIndex >= 0 && family == Family.INET6 && words.get(foreignViaIndex + 1).equals("inet")) {
            throw new SyntaxException(foreignViaIndex, "an IPv6 route cannot use an IPv4 gateway", "an IPv6 gateway");
        }
        if (family == Family.INET6 && f.realms != 0) {
            throw new SyntaxException(valueOf("realms"), "realms exist only for IPv4 routes; the kernel ignores them on IPv6 routes",
                    "no realms on an IPv6 route");
        }
        if ((f.tos & 0x03) != 0) {
            throw new SyntaxException(valueOf("tos"), "tos " + Spelling.tos(f.tos) + " sets ECN bits, which the kernel refuses",
                    "a tos value with the two low bits clear, such as 0x10 or EF");
        }
        boolean reject = f.type.isReject();
        if (!reject && f.nhid == 0 && f.nexthops().isEmpty()) {
            throw new SyntaxException(-1, "a " + f.type.word() + " route needs a device or a gateway",
                    "dev NAME and/or via ADDRESS, or nexthop groups, or nhid N");
        }
        if (reject && f.nhid != 0) {
            throw new SyntaxException(typeIndex, "a route with nhid takes its path from the nexthop object, and the kernel"
                    + " reports a blackhole object's routes as blackhole whatever their own type, so a " + f.type.word()
                    + " route with nhid could not be read back", "the route without '" + f.type.word()
                    + "' (a blackhole nexthop object: ip nexthop add id N blackhole), or " + f.type.word() + " without nhid");
        }
        if (reject && !f.nexthops().isEmpty()) {
            int at = seen.getOrDefault("via", seen.getOrDefault("dev", seen.getOrDefault("nhid", typeIndex)));
            throw new SyntaxException(at, "a " + f.type.word() + " route takes no gateway or device",
                    f.type.word() + " " + words.get(dstIndex) + " without via, dev or nexthop");
        }
        if (f.nhid != 0 && !f.nexthops().isEmpty()) {
            throw new SyntaxException(seen.get("nhid"), "a route with nhid takes its gateway and device from the nexthop object",
                    "either nhid N, or via/dev, not both");
        }
    }

    private int blame(InvalidValueException e) {
        String m = e.getMessage();
        if (m.startsWith("destination")) return dstIndex;
        if (m.startsWith("a source prefix") || m.startsWith("source prefix")) return valueOf("from");
        if (m.startsWith("tos")) return valueOf("tos");
        if (m.startsWith("pref")) return valueOf("pref");
        if (m.startsWith("src")) return valueOf("src");
        return -1;
    }

    /** The index of the value after a keyword that was read, or -1. */
    private int valueOf(String key) {
        Integer at = seen.get(key);
        return at == null ? -1 : at + 1;
    }

    private void readWord(String w) throws SyntaxException {
        if (!w.equals("default") && !w.equals("all") && !w.equals("any")) {
            // iproute2's abbreviations and aliases (pri = priority = metric, black = blackhole, oif = dev)
            w = Keywords.routeWord(words, i);
        }
        switch (w) {
            case "to": once("to"); destination(next()); return;
            case "from": {
                once("from");
                String w2 = next();
                f.from = families.prefix("from", w2, i);
                if (f.from != null && f.from.family() == Family.INET6 && !f.from.isCanonical()) throw hostBits("from", w2, f.from);
                return;
            }
            case "tos": once("tos"); f.tos = ValueWords.tos(names, next(), i); return;
            case "via": once("via"); f.via = gateway(); return;
            case "dev": once("dev"); f.dev = ValueWords.iface("dev", next(), i); return;
            case "onlink": once("onlink"); f.onlink = true; return;
            case "nhid": once("nhid"); f.nhid = ValueWords.number("nhid", next(), i, 0xffff_ffffL, "a nexthop object id from 1 to 4294967295"); return;
            case "protocol": once("protocol"); f.protocol = ValueWords.protocol(names, next(), i); return;
            case "scope": once("scope"); f.scope = ValueWords.scope(names, next(), i); return;
            case "src": once("src"); f.prefsrc = families.address("src", next(), i); return;
            case "metric":
                once("metric");
                f.metric = ValueWords.number("metric", next(), i, 0xffff_ffffL, "a metric from 0 to 4294967295");
                return;
            case "realms": once("realms"); f.realms = ValueWords.realms(names, next(), i); return;
            case "pref": once("pref"); f.pref = ValueWords.routerPref(next(), i); return;
            default:
                break;
        }
        RouteMetric m = RouteMetric.lookup(w);
        if (m != null) {
            readMetric(m);
            return;
        }
        boolean wordLike = Character.isLetter(w.charAt(0)) && w.indexOf(':') < 0 && RouteType.lookup(w) == null
                && !w.equals("default") && !w.equals("all") && !w.equals("any");
        if (f.dst == null && !defaultDst && !wordLike) {
            destination(w);
            return;
        }
        throw new SyntaxException(i, "'" + w + "' is not a route attribute routesync understands",
                "one of: " + String.join(", ", Keywords.ROUTE_WORDS));
    }

    /** {@code [TYPE] PREFIX|default}, after an optional {@code to}. */
    private void destination(String w) throws SyntaxException {
        RouteType type = RouteType.lookup(w);
        if (type != null && !(w.charAt(0) >= '0' && w.charAt(0) <= '9')) {
            if (typeIndex >= 0) throw new SyntaxException(i, "the route type is given twice", "one type word before the destination");
            typeIndex = i;
            f.type = type;
            String d = next();
            if (d.equals("to")) {
                once("to");
                d = next();
            }
            destination(d);
            return;
        }
        if (f.dst != null || defaultDst) throw new SyntaxException(i, "the destination is given twice", "one destination prefix");
        dstIndex = i;
        if (w.equals("default") || w.equals("all") || w.equals("any")) {
            defaultDst = true;
            return;
        }
        Prefix p = families.prefix("destination", w, i);
        if (!p.isCanonical()) throw hostBits("destination", w, p);
        f.dst = p;
    }

    /**
     * A prefix with host bits: the kernel refuses it for IPv4 ("Invalid prefix for given prefix length")
     * but silently masks it for IPv6, so the route it stores is not the one written. Either way the state
     * must say the prefix the kernel keeps.
     */
    private SyntaxException hostBits(String what, String w, Prefix p) {
        String canonical = p.canonical().toString();
        String why = p.family() == Family.INET
                ? "; the kernel refuses it (Invalid prefix for given prefix length)"
                : "; the kernel would accept it but store " + canonical + " instead, so the route could never match what is written";
        return new SyntaxException(i, what + " " + w + " has host bits set" + why, canonical);
    }

    private IpAddress gateway() throws SyntaxException {
        String w = next();
        if (w.equals("inet") || w.equals("inet6")) {
            int at = i - 1;
            Family want = Family.ofKeyword(w);
            IpAddress a = FamilyCheck.parseAddress("via", next(), i);
            if (a.family() != want) throw new SyntaxException(i, "via " + w + " " + a + " is not an " + w + " address", "via " + w + " ADDRESS");
            if (families.decided() && a.family() == families.family()) return a;
            foreignViaIndex = at;
            return a;
        }
        IpAddress a = FamilyCheck.parseAddress("via", w, i);
        if (families.decided() && a.family() != families.family() && a.family() == Family.INET6) {
            throw new SyntaxException(i, "via " + w + " is IPv6 but the route is IPv4",
                    "an IPv4 gateway, or 'via inet6 " + w + "' for an IPv4 route through an IPv6 next hop");
        }
        families.check("via", w, i, a.family());
        return a;
    }

    private void readNexthops() throws SyntaxException {
        if (seen.containsKey("via") || seen.containsKey("dev") || seen.containsKey("onlink")) {
            throw new SyntaxException(i, "a route has either one path (via/dev) or nexthop groups, not both",
                    "nexthop via A dev D weight W ... for every path");
        }
        List<NextHop> hops = new ArrayList<>();
        while (i < words.size()) {
            if (!words.get(i).equals("nexthop")) {
                throw new SyntaxException(i, "'" + words.get(i) + "' follows the nexthop groups; iproute2 reads only nexthop groups there",
                        "all other attributes before the first 'nexthop'");
            }
            int start = i;
            IpAddress via = null;
            Interface dev = null;
            int weight = 1;
            boolean onlink = false;
            while (i + 1 < words.size() && !words.get(i + 1).equals("nexthop")) {
                String w = words.get(++i);
                switch (w) {
                    case "via": via = gateway(); break;
                    case "dev": dev = ValueWords.iface("dev", next(), i); break;
                    case "weight": weight = (int) ValueWords.number("weight", next(), i, 256, "a weight from 1 to 256"); break;
                    case "onlink": onlink = true; break;
                    case "encap": case "as":
                        throw new SyntaxException(i, "'" + w + "' (lightweight tunnels, MPLS) is not managed by routesync",
                                "nexthop via ADDRESS dev NAME weight N onlink");
                    default:
                        if (!w.isEmpty() && "realms".startsWith(w)) {
                            throw new SyntaxException(i, "per-path realms (nexthop ... realms) are not managed by routesync",
                                    "realms on the route, before the first nexthop, or no realms");
                        }
                        throw new SyntaxException(i, "'" + w + "' is not a nexthop attribute (or it belongs before the first nexthop)",
                                "nexthop via ADDRESS dev NAME weight N onlink");
                }
            }
            try {
                hops.add(new NextHop(via, dev, weight, onlink));
            } catch (InvalidValueException e) {
                throw new SyntaxException(start, e.getMessage(), e.expected());
            }
            i++;
        }
        f.multipath = hops;
    }

    private void readMetric(RouteMetric m) throws SyntaxException {
        once(m.word());
        String w = next();
        boolean lock = false;
        boolean lockable = m != RouteMetric.FEATURES && m != RouteMetric.QUICKACK && m != RouteMetric.FASTOPEN_NO_COOKIE;
        if (w.equals("lock") && lockable) {
            lock = true;
            if (i + 1 >= words.size()) throw new SyntaxException(i, "'" + m.word() + " lock' needs a value after it", m.word() + " lock VALUE");
            w = next();
        }
        MetricValue value = MetricValues.read(m, w, lock, i);
        if (f.metrics == null) f.metrics = new EnumMap<>(RouteMetric.class);
        f.metrics.put(m, value);
    }

    private String next() throws SyntaxException {
        if (i + 1 >= words.size()) {
            throw new SyntaxException(i, "'" + words.get(i) + "' needs a value after it", words.get(i) + " VALUE");
        }
        return words.get(++i);
    }

    private void once(String key) throws SyntaxException {
        if (seen.putIfAbsent(key, i) != null) throw new SyntaxException(i, "'" + key + "' is given twice", "each attribute at most once");
    }
}

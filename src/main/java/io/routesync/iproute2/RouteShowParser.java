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

/**
 * Reads the output of {@code ip [-6] [-d] [-N] route list table T}: a route line, then its multipath
 * {@code nexthop} continuation lines. This class knows what the words mean; {@link ShowCursor} walks
 * the characters and reads the values. Kernel state ({@code linkdown}, {@code dead}, {@code expires},
 * ...) is dropped; anything not understood is an {@link OutputException} naming the line.
 */
final class RouteShowParser {
    /**
     * The flags iproute2's print_rt_flags prints after a route and after each of its nexthops: the
     * kernel's view of a path (dead, link down, offloaded), not configuration. {@code onlink}, which is
     * configuration, is read as an attribute.
     */
    private static final List<String> PATH_FLAGS = List.of("dead", "pervasive", "offload", "trap", "linkdown",
            "unresolved", "notify");
    /** The hardware offload state of a whole route (RTM_F_OFFLOAD, RTM_F_TRAP, RTM_F_OFFLOAD_FAILED): route lines only. */
    private static final List<String> ROUTE_FLAGS = List.of("rt_offload", "rt_trap", "rt_offload_failed");

    private final ShowCursor w;
    private final Family family;
    private final TableId table;
    private final List<Route> routes = new ArrayList<>();

    private final RouteFields r = new RouteFields();
    private boolean pending;
    private int pendingLineNumber;
    private int pendingStart;
    private int pendingEnd;

    /** Off: every line read word by word (the reference of RouteShowReuseDifferentialTest). */
    private final LastAttributes last;

    RouteShowParser(String text, Family family, TableId table, Names names, String command) {
        this(text, family, table, names, command, true);
    }

    RouteShowParser(String text, Family family, TableId table, Names names, String command, boolean reuse) {
        this.w = new ShowCursor(text, names, command);
        this.family = family;
        this.table = table;
        this.last = new LastAttributes(reuse);
        r.shared = new SharedValues();
    }

    List<Route> parse() throws OutputException {
        while (w.nextLine()) {
            if (!w.nextWord()) continue;
            if (w.indented()) {
                continuation();
            } else {
                flush();
                routeLine();
            }
        }
        flush();
        return routes;
    }

    private void routeLine() throws OutputException {
        r.reset(table);
        pending = true;
        pendingLineNumber = w.lineNumber;
        pendingStart = w.lineStart;
        pendingEnd = w.lineEnd;
        RouteType type = typeWord();
        if (type != null) {
            r.type = type;
            if (!w.nextWord()) throw w.fail("a route type without a destination");
        }
        if (w.is("default")) {
            r.family = family != null ? family : Family.INET;
            r.dst = Prefix.all(r.family);
        } else {
            r.dst = w.prefix("destination");
            r.family = family != null ? family : r.dst.family();
            if (r.dst.family() != r.family) throw w.fail("destination " + w.word() + " is not " + FamilyCheck.describe(r.family));
        }
        int restStart = w.pos;
        if (last.take(w, restStart, r)) return;
        while (w.nextWord()) keyword();
        last.remember(w, restStart, r);
    }

    /** A type word, or a type number as {@code -N} prints it; null when the word is the destination. */
    private RouteType typeWord() {
        char c = w.first();
        if (c >= '0' && c <= '9') {
            long n = w.smallNumber();
            if (n < 0) return null; // a destination such as 10.0.0.0/8
            for (RouteType t : RouteType.values()) {
                if (t.number() == n) return t;
            }
            return null;
        }
        if (c < 'a' || c > 'z' || w.is("default")) return null;
        for (RouteType t : RouteType.values()) {
            if (w.is(t.word())) return t;
        }
        return null;
    }

    private void keyword() throws OutputException {
        switch (w.first()) {
            case 'v':
                if (w.is("via")) { via(); return; }
                break;
            case 'd':
                if (w.is("dev")) { w.needWord("dev"); r.dev = w.iface(); return; }
                break;
            case 'p':
                if (w.is("proto")) { w.needWord("proto"); r.protocol = w.protocol(); return; }
                if (w.is("pref")) { w.needWord("pref"); r.pref = w.routerPref(); return; }
                break;
            case 's':
                if (w.is("src")) { w.needWord("src"); r.prefsrc = address("src"); return; }
                if (w.is("scope")) { w.needWord("scope"); r.scope = w.scope(); return; }
                break;
            case 'm':
                if (w.is("metric")) { w.needWord("metric"); r.metric = w.number("metric", 0xffff_ffffL); return; }
                break;
            case 'f':
                if (w.is("from")) { w.needWord("from"); r.from = w.prefix("from"); return; }
                break;
            case 't':
                if (w.is("tos")) { w.needWord("tos"); r.tos = w.tos(); return; }
                if (w.is("table")) { w.needWord("table"); r.table = w.table(); return; }
                break;
            case 'n':
                if (w.is("nhid")) { w.needWord("nhid"); r.nhid = w.number("nhid", 0xffff_ffffL); return; }
                break;
            case 'o':
                if (w.is("onlink")) { r.onlink = true; return; }
                break;
            case 'r':
                if (w.is("realm") || w.is("realms")) { w.needWord("realms"); r.realms = w.realms(); return; }
                break;
            case 'e':
                if (w.is("expires")) { w.needWord("expires"); return; }
                break;
            default:
                break;
        }
        RouteMetric m = metricWord();
        if (m != null) {
            readMetric(m);
            return;
        }
        if (isAny(PATH_FLAGS) || isAny(ROUTE_FLAGS)) return;
        throw w.fail("'" + w.word() + "' is not a route attribute routesync understands");
    }

    private boolean isAny(List<String> flags) {
        for (String flag : flags) {
            if (w.is(flag)) return true;
        }
        return false;
    }

    private RouteMetric metricWord() {
        for (RouteMetric m : RouteMetric.values()) {
            if (w.is(m.word())) return m;
        }
        return null;
    }

    private void readMetric(RouteMetric m) throws OutputException {
        w.needWord(m.word());
        boolean lock = false;
        if (w.is("lock")) {
            lock = true;
            w.needWord(m.word());
        }
        MetricValue value;
        switch (m.kind()) {
            case MILLIS: {
                long ms = w.millis();
                if (ms < 0) throw w.fail(m.word() + " '" + w.word() + "' is not a time such as 100ms or 1.5s");
                value = MetricValue.number(ms, lock);
                break;
            }
            case FEATURES: {
                long features = 0;
                if (w.is("ecn")) {
                    features = 1;
                    // iproute2 prints the whole value in hex after "ecn" when other bits are set
                    int save = w.pos;
                    if (w.nextWord() && w.startsWith("0x")) features = w.hex("features");
                    else w.pos = save;
                } else {
                    features = w.hex("features");
                }
                value = MetricValue.number(features, lock);
                break;
            }
            case NAME:
                try {
                    value = MetricValue.name(w.word(), lock);
                } catch (InvalidValueException e) {
                    throw w.fail(m.word() + ": " + e.getMessage());
                }
                break;
            default:
                value = MetricValue.number(w.number(m.word(), 0xffff_ffffL), lock);
        }
        if (r.metrics == null) r.metrics = new EnumMap<>(RouteMetric.class);
        r.metrics.put(m, value);
    }

    private void via() throws OutputException {
        w.needWord("via");
        boolean explicit = false;
        if (w.is("inet6") || w.is("inet")) {
            explicit = true;
            w.needWord("via");
        }
        IpAddress a = w.addressAnyFamily("via");
        if (!explicit && r.family != null && a.family() != r.family) {
            throw w.fail("via " + w.word() + " is not " + FamilyCheck.describe(r.family));
        }
        r.via = a;
    }

    private void continuation() throws OutputException {
        if (w.is("nh_info")) return; // -d prints the nexthop object's own description; it is not the route's
        if (!w.is("nexthop")) throw w.fail("'" + w.word() + "' starts a continuation line; expected 'nexthop'");
        if (!pending) throw w.fail("a nexthop line without a route line before it");
        IpAddress via = null;
        Interface dev = null;
        int weight = 1;
        boolean onlink = false;
        while (w.nextWord()) {
            if (w.is("via")) {
                w.needWord("via");
                if (w.is("inet6") || w.is("inet")) w.needWord("via");
                via = w.addressAnyFamily("via");
            } else if (w.is("dev")) {
                w.needWord("dev");
                dev = w.iface();
            } else if (w.is("weight")) {
                w.needWord("weight");
                weight = (int) w.number("weight", 256);
            } else if (w.is("onlink")) {
                onlink = true;
            } else if (!isAny(PATH_FLAGS)) {
                throw w.fail("'" + w.word() + "' is not a nexthop attribute routesync understands");
            }
        }
        try {
            if (r.multipath == null) r.multipath = new ArrayList<>(4);
            r.multipath.add(new NextHop(via, dev, weight, onlink));
        } catch (InvalidValueException e) {
            throw w.fail(e);
        }
    }

    private void flush() throws OutputException {
        if (!pending) return;
        pending = false;
        try {
            routes.add(r.build());
            last.built(r);
        } catch (InvalidValueException e) {
            throw w.failAt(pendingLineNumber, pendingStart, pendingEnd, e);
        }
    }

    private IpAddress address(String what) throws OutputException {
        IpAddress a = w.addressAnyFamily(what);
        if (a.family() != r.family) throw w.fail(what + " " + w.word() + " is not " + FamilyCheck.describe(r.family));
        return a;
    }
}

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
import io.routesync.model.RouterPref;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Reads the output of {@code ip [-6] [-d] [-N] route list table T}. Hand-written over the characters of
 * the output (no regex, no split, no substring per token) because hosts hold a million routes and a
 * no-op check is a dump plus this parse. Names and numbers are both read ({@code -N} prints types,
 * scopes and protocols as numbers). Kernel state ({@code linkdown}, {@code dead}, {@code expires}, ...)
 * is dropped; anything not understood is an {@link OutputException} naming the line.
 */
final class RouteShowParser {
    private final String text;
    private final Family family;
    private final TableId table;
    private final Names names;
    private final String command;
    private final InterfaceCache interfaces = new InterfaceCache();
    private final ToIntFunction<String> protocolNames;
    private final ToIntFunction<String> scopeNames;
    private final ToIntFunction<String> dsfieldNames;
    private final List<Route> routes = new ArrayList<>();

    private int lineStart;
    private int lineEnd;
    private int lineNumber;
    /** the current word is text[ts, te); pos is where the next one is searched */
    private int ts;
    private int te;
    private int pos;

    private final RouteFields r = new RouteFields();
    private boolean pending;
    private int pendingLineNumber;
    private int pendingStart;
    private int pendingEnd;

    RouteShowParser(String text, Family family, TableId table, Names names, String command) {
        this.text = text;
        this.family = family;
        this.table = table;
        this.names = names;
        this.command = command;
        this.protocolNames = names::protocol;
        this.scopeNames = names::scope;
        this.dsfieldNames = names::dsfield;
    }

    List<Route> parse() throws OutputException {
        int n = text.length();
        int p = 0;
        while (p < n) {
            int end = text.indexOf('\n', p);
            if (end < 0) end = n;
            lineStart = p;
            lineEnd = end;
            lineNumber++;
            p = end + 1;
            pos = lineStart;
            if (!nextWord()) continue;
            if (ts > lineStart) {
                continuation();
            } else {
                flush();
                routeLine();
            }
        }
        flush();
        return routes;
    }

    private boolean nextWord() {
        int i = pos;
        while (i < lineEnd && Words.isSpace(text.charAt(i))) i++;
        if (i >= lineEnd) {
            pos = i;
            return false;
        }
        int s = i;
        while (i < lineEnd && !Words.isSpace(text.charAt(i))) i++;
        ts = s;
        te = i;
        pos = i;
        return true;
    }

    private void needWord(String after) throws OutputException {
        if (!nextWord()) throw fail("'" + after + "' has no value");
    }

    private boolean is(String word) {
        return te - ts == word.length() && text.startsWith(word, ts);
    }

    private String word() {
        return text.substring(ts, te);
    }

    private OutputException fail(String problem) {
        return new OutputException(command, lineNumber, text.substring(lineStart, lineEnd).strip(), problem);
    }

    private OutputException fail(InvalidValueException e) {
        return new OutputException(command, lineNumber, text.substring(lineStart, lineEnd).strip(), e.getMessage(), e.unsupported());
    }

    private void routeLine() throws OutputException {
        r.reset(table);
        pending = true;
        pendingLineNumber = lineNumber;
        pendingStart = lineStart;
        pendingEnd = lineEnd;
        RouteType type = typeWord();
        if (type != null) {
            r.type = type;
            if (!nextWord()) throw fail("a route type without a destination");
        }
        if (is("default")) {
            r.family = family != null ? family : Family.INET;
            r.dst = Prefix.all(r.family);
        } else {
            r.dst = prefix("destination");
            r.family = family != null ? family : r.dst.family();
            if (r.dst.family() != r.family) throw fail("destination " + word() + " is not " + FamilyCheck.describe(r.family));
        }
        while (nextWord()) keyword();
    }

    /** A type word, or a type number as {@code -N} prints it; null when the word is the destination. */
    private RouteType typeWord() {
        char c = text.charAt(ts);
        if (c >= '0' && c <= '9') {
            if (te - ts > 2) return null;
            long n = Numbers.parseDecimal(text, ts, te, 255);
            for (RouteType t : RouteType.values()) {
                if (t.number() == n) return t;
            }
            return null;
        }
        if (c < 'a' || c > 'z' || is("default")) return null;
        for (RouteType t : RouteType.values()) {
            if (is(t.word())) return t;
        }
        return null;
    }

    private void keyword() throws OutputException {
        switch (text.charAt(ts)) {
            case 'v':
                if (is("via")) { via(); return; }
                break;
            case 'd':
                if (is("dev")) { needWord("dev"); r.dev = iface(); return; }
                if (is("dead")) return;
                break;
            case 'p':
                if (is("proto")) { needWord("proto"); r.protocol = named("proto", protocolNames, 255); return; }
                if (is("pref")) { needWord("pref"); r.pref = routerPref(); return; }
                if (is("pervasive")) return;
                break;
            case 's':
                if (is("src")) { needWord("src"); r.prefsrc = address("src"); return; }
                if (is("scope")) { needWord("scope"); r.scope = named("scope", scopeNames, 255); return; }
                break;
            case 'm':
                if (is("metric")) { needWord("metric"); r.metric = number("metric", 0xffff_ffffL); return; }
                break;
            case 'f':
                if (is("from")) { needWord("from"); r.from = prefix("from"); return; }
                break;
            case 't':
                if (is("tos")) { needWord("tos"); r.tos = named("tos", dsfieldNames, 255); return; }
                if (is("table")) { needWord("table"); r.table = tableWord(); return; }
                if (is("trap")) return;
                break;
            case 'n':
                if (is("nhid")) { needWord("nhid"); r.nhid = number("nhid", 0xffff_ffffL); return; }
                if (is("notify")) return;
                break;
            case 'o':
                if (is("onlink")) { r.onlink = true; return; }
                if (is("offload")) return;
                break;
            case 'l':
                if (is("linkdown")) return;
                break;
            case 'u':
                if (is("unresolved")) return;
                break;
            case 'r':
                if (is("realm") || is("realms")) { needWord("realms"); r.realms = realms(); return; }
                if (is("rt_offload") || is("rt_trap") || is("rt_offload_failed")) return;
                break;
            case 'e':
                if (is("expires")) { needWord("expires"); return; }
                break;
            default:
                break;
        }
        RouteMetric m = metricWord();
        if (m != null) {
            readMetric(m);
            return;
        }
        throw fail("'" + word() + "' is not a route attribute routesync understands");
    }

    private RouteMetric metricWord() {
        for (RouteMetric m : RouteMetric.values()) {
            if (is(m.word())) return m;
        }
        return null;
    }

    private void readMetric(RouteMetric m) throws OutputException {
        needWord(m.word());
        boolean lock = false;
        if (is("lock")) {
            lock = true;
            needWord(m.word());
        }
        MetricValue value;
        switch (m.kind()) {
            case MILLIS: {
                long ms = MetricValues.parseMillis(text, ts, te);
                if (ms < 0) throw fail(m.word() + " '" + word() + "' is not a time such as 100ms or 1.5s");
                value = MetricValue.number(ms, lock);
                break;
            }
            case FEATURES: {
                long features = 0;
                if (is("ecn")) {
                    features = 1;
                    // iproute2 prints the whole value in hex after "ecn" when other bits are set
                    int save = pos;
                    if (nextWord() && text.startsWith("0x", ts)) features = hex("features");
                    else pos = save;
                } else {
                    features = hex("features");
                }
                value = MetricValue.number(features, lock);
                break;
            }
            case NAME:
                try {
                    value = MetricValue.name(word(), lock);
                } catch (InvalidValueException e) {
                    throw fail(m.word() + ": " + e.getMessage());
                }
                break;
            default:
                value = MetricValue.number(number(m.word(), 0xffff_ffffL), lock);
        }
        if (r.metrics == null) r.metrics = new EnumMap<>(RouteMetric.class);
        r.metrics.put(m, value);
    }

    private void via() throws OutputException {
        needWord("via");
        boolean explicit = false;
        if (is("inet6") || is("inet")) {
            explicit = true;
            needWord("via");
        }
        IpAddress a = addressAnyFamily("via");
        if (!explicit && r.family != null && a.family() != r.family) {
            throw fail("via " + word() + " is not " + FamilyCheck.describe(r.family));
        }
        r.via = a;
    }

    private void continuation() throws OutputException {
        if (is("nh_info")) return; // -d prints the nexthop object's own description; it is not the route's
        if (!is("nexthop")) throw fail("'" + word() + "' starts a continuation line; expected 'nexthop'");
        if (!pending) throw fail("a nexthop line without a route line before it");
        IpAddress via = null;
        Interface dev = null;
        int weight = 1;
        boolean onlink = false;
        while (nextWord()) {
            if (is("via")) {
                needWord("via");
                if (is("inet6") || is("inet")) needWord("via");
                via = addressAnyFamily("via");
            } else if (is("dev")) {
                needWord("dev");
                dev = iface();
            } else if (is("weight")) {
                needWord("weight");
                weight = (int) number("weight", 256);
            } else if (is("onlink")) {
                onlink = true;
            } else if (!(is("dead") || is("linkdown") || is("pervasive") || is("offload") || is("trap")
                    || is("unresolved") || is("notify"))) {
                throw fail("'" + word() + "' is not a nexthop attribute routesync understands");
            }
        }
        try {
            if (r.multipath == null) r.multipath = new ArrayList<>(4);
            r.multipath.add(new NextHop(via, dev, weight, onlink));
        } catch (InvalidValueException e) {
            throw fail(e);
        }
    }

    private void flush() throws OutputException {
        if (!pending) return;
        pending = false;
        try {
            routes.add(r.build());
        } catch (InvalidValueException e) {
            throw new OutputException(command, pendingLineNumber, text.substring(pendingStart, pendingEnd).strip(), e.getMessage(),
                    e.unsupported());
        }
    }

    private Prefix prefix(String what) throws OutputException {
        try {
            return Prefix.parse(text, ts, te);
        } catch (InvalidValueException e) {
            throw fail(what + ": " + e.getMessage());
        }
    }

    private IpAddress address(String what) throws OutputException {
        IpAddress a = addressAnyFamily(what);
        if (a.family() != r.family) throw fail(what + " " + word() + " is not " + FamilyCheck.describe(r.family));
        return a;
    }

    private IpAddress addressAnyFamily(String what) throws OutputException {
        try {
            return IpAddress.parse(text, ts, te);
        } catch (InvalidValueException e) {
            throw fail(what + ": " + e.getMessage());
        }
    }

    private Interface iface() throws OutputException {
        try {
            return interfaces.get(text, ts, te);
        } catch (InvalidValueException e) {
            throw new OutputException(command, lineNumber, text.substring(lineStart, lineEnd).strip(), "dev: " + e.getMessage(),
                    e.unsupported());
        }
    }

    private long number(String what, long max) throws OutputException {
        long n = Numbers.parseDecimal(text, ts, te, max);
        if (n < 0) throw fail(what + " '" + word() + "' is not a number up to " + max);
        return n;
    }

    private long hex(String what) throws OutputException {
        long n = Numbers.parse(text, ts, te, 0xffff_ffffL);
        if (n < 0) throw fail(what + " '" + word() + "' is not a number");
        return n;
    }

    /** A number as {@code -N} prints it, or a name looked up in {@code names}. */
    private int named(String what, ToIntFunction<String> lookup, int max) throws OutputException {
        char c = text.charAt(ts);
        long n = c >= '0' && c <= '9' ? Numbers.parse(text, ts, te, max) : lookup.applyAsInt(word());
        if (n < 0) throw fail(what + " '" + word() + "' is unknown");
        return (int) n;
    }

    private TableId tableWord() throws OutputException {
        try {
            TableId id = names.table(word());
            if (id == null) throw fail("table '" + word() + "' is unknown");
            return id;
        } catch (InvalidValueException e) {
            throw fail(e);
        }
    }

    private long realms() throws OutputException {
        try {
            return NamedValues.realms(names, word(), -1);
        } catch (SyntaxException e) {
            throw fail(e.getMessage());
        }
    }

    private RouterPref routerPref() throws OutputException {
        if (is("low")) return RouterPref.LOW;
        if (is("medium")) return RouterPref.MEDIUM;
        if (is("high")) return RouterPref.HIGH;
        throw fail("pref '" + word() + "' is not low, medium or high");
    }
}

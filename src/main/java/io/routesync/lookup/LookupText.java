package io.routesync.lookup;

import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lookup results in words, for {@code routesync explain} and refusal messages. */
public final class LookupText {
    private LookupText() {
    }

    /** Where the packet goes, in one phrase: {@code via 192.0.2.254 dev eth1}, {@code blocked: No route to host}. */
    public static String verdict(LookupResult r) {
        switch (r.verdict()) {
            case UNICAST:
                if (r.paths().isEmpty()) return r.dev() != null ? "dev " + r.dev() : "sent (nexthop object)";
                List<String> ways = new ArrayList<>();
                for (NextHop h : r.paths()) ways.add(path(h));
                return (ways.size() > 1 ? "one of: " : "") + String.join(" | ", ways);
            case LOCAL:
                return "delivered to this host";
            case BROADCAST: case MULTICAST: case ANYCAST:
                return r.verdict().name().toLowerCase(java.util.Locale.ROOT) + " dev " + r.dev();
            case NO_ROUTE:
                return "no route (" + r.error() + ")";
            case BAD_SOURCE:
                return "refused: " + r.note();
            default:
                return r.verdict().name().toLowerCase(java.util.Locale.ROOT) + " (" + r.error() + ")";
        }
    }

    private static String path(NextHop h) {
        StringBuilder s = new StringBuilder();
        if (h.via() != null) s.append("via ").append(h.via());
        if (h.dev() != null) s.append(s.length() > 0 ? " " : "").append("dev ").append(h.dev());
        return s.toString();
    }

    /** A rule as {@code ip rule show} prints it: {@code 1000: from 192.0.2.10 lookup uplink2}. */
    public static String rule(Rule r, Names names) {
        String args = IpSyntax.ruleArgs(r.withPriority(null).withProtocol(-1), names);
        boolean hasFrom = r.from() != null;
        return r.priority() + ": " + (r.not() || hasFrom ? args : "from all " + args);
    }

    public static String route(Route r, Names names) {
        return IpSyntax.routeArgs(r, names, false);
    }

    /** The facts of one result, by name, in display order; absent facts are left out. */
    public static Map<String, String> facts(LookupResult r, Names names) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("result", verdict(r));
        if (r.rule() != null) f.put("rule", rule(r.rule(), names));
        if (r.table() != null) f.put("table", names.tableName(r.table()));
        if (r.route() != null) f.put("route", route(r.route(), names));
        return f;
    }

    /** The rules whose selectors matched, each with what came of it. */
    public static List<String> chain(LookupResult r, Names names) {
        List<String> lines = new ArrayList<>();
        int skipped = 0;
        for (Step s : r.steps()) {
            if (s.outcome() == Step.Outcome.NO_MATCH) {
                skipped++;
                continue;
            }
            lines.add(rule(s.rule(), names) + "  ->  " + outcome(s, names));
        }
        if (skipped > 0) lines.add("(" + skipped + " other rule" + (skipped == 1 ? "" : "s") + " did not match)");
        if (r.note() != null) lines.add("note: " + r.note());
        if (r.uncertainty() != null) lines.add("uncertain: " + r.uncertainty());
        return lines;
    }

    private static String outcome(Step s, Names names) {
        switch (s.outcome()) {
            case GOTO: return "goto " + s.rule().gotoTarget();
            case GOTO_UNRESOLVED: return "goto " + s.rule().gotoTarget() + ": no such rule, skipped";
            case NOP: return "nop";
            case TABLE_MISS: return "no route in table " + names.tableName(s.table());
            case THROW: return "throw route " + route(s.route(), names) + ": back to the rules";
            case SUPPRESSED: return "route " + route(s.route(), names) + " suppressed";
            case DECIDED: return s.route() != null ? "route " + route(s.route(), names) : s.rule().action().word();
            default: throw new AssertionError(s.outcome());
        }
    }

    /** Two results as columns under their titles, fact by fact, then each one's rule chain. */
    public static String sideBySide(Explanation e, Names names) {
        StringBuilder out = new StringBuilder();
        Map<String, String> live = facts(e.live(), names);
        Map<String, String> desired = e.desired() == null ? null : facts(e.desired(), names);
        int width = "live".length();
        for (String v : live.values()) width = Math.max(width, v.length());
        List<String> keys = new ArrayList<>(live.keySet());
        if (desired != null) {
            for (String k : desired.keySet()) if (!keys.contains(k)) keys.add(k);
        }
        keys.sort((a, b) -> order(a) - order(b));
        String format = "  %-8s %-" + width + "s" + (desired == null ? "%n" : "   %s%n");
        out.append(String.format(format, "", "live", desired == null ? "" : "desired (after apply)").stripTrailing()).append('\n');
        for (String k : keys) {
            String l = live.getOrDefault(k, "-");
            String row = desired == null ? String.format(format, k, l) : String.format(format, k, l, desired.getOrDefault(k, "-"));
            out.append(row.stripTrailing()).append('\n');
        }
        out.append("\nlive, rules that matched:\n");
        for (String line : chain(e.live(), names)) out.append("  ").append(line).append('\n');
        if (desired != null) {
            out.append("\ndesired, rules that matched:\n");
            for (String line : chain(e.desired(), names)) out.append("  ").append(line).append('\n');
            out.append('\n').append(e.changes() ? "The desired state changes where this packet goes."
                    : "The desired state sends this packet the same way.").append('\n');
        }
        return out.toString();
    }

    private static int order(String key) {
        return List.of("result", "rule", "table", "route").indexOf(key);
    }
}

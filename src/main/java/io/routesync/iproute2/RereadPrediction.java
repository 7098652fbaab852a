package io.routesync.iproute2;

import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Family;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.RouteType;
import io.routesync.model.RouterPref;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines {@code ip -N route list table T} is expected to print for the routes a batch adds, each with
 * the route it parses to, made while the batch runs (issue 10): after the batch, a re-read line equal to
 * one of them is that route, with no parse of its own. The route of a line is parsed from that very text,
 * as {@link RereadDelta} parses any changed line, so a hit gives exactly what the parse gives; the line is
 * only a guess at what the kernel prints (the common shapes: one path with its device, no metrics), and a
 * line that differs from every guess (another shape, an attribute the kernel adds, a guess that is wrong)
 * is parsed as before: a wrong guess costs time, never the answer.
 */
public final class RereadPrediction {
    /** The guesses of one listing ({@code route 4 100}): open addressing over the lines, each with its route. */
    private static final class Listing {
        final String[] lines;
        final Route[] routes;
        final int mask;

        Listing(int count) {
            int capacity = Integer.highestOneBit(Math.max(16, count * 2 - 1)) << 1;
            lines = new String[capacity];
            routes = new Route[capacity];
            mask = capacity - 1;
        }

        void put(String line, Route route) {
            int slot = hash(line, 0, line.length()) & mask;
            while (lines[slot] != null) {
                if (lines[slot].equals(line)) return; // the same line twice: one route, the first
                slot = (slot + 1) & mask;
            }
            lines[slot] = line;
            routes[slot] = route;
        }

        Route get(String text, int from, int to) {
            int n = to - from;
            for (int slot = hash(text, from, to) & mask; lines[slot] != null; slot = (slot + 1) & mask) {
                String line = lines[slot];
                if (line.length() == n && line.regionMatches(0, text, from, n)) return routes[slot];
            }
            return null;
        }
    }

    /** How many characters from a line's start go into its hash: the destination, which tells routes apart. */
    private static final int HASHED = 24;

    private final Map<String, Listing> listings;

    private RereadPrediction(Map<String, Listing> listings) {
        this.listings = listings;
    }

    /** No guesses: every changed line is parsed. */
    public static final RereadPrediction NONE = new RereadPrediction(Map.of());

    /** The guesses for the routes {@code changes} add or replace to (a plan's). */
    public static RereadPrediction of(List<Change> changes) {
        List<Route> routes = new ArrayList<>();
        for (Change c : changes) {
            if (c.action() != Action.DELETE && c.entry() instanceof Route r) routes.add(r);
        }
        return ofRoutes(routes);
    }

    /**
     * The guesses for {@code routes} (what a batch adds or replaces to), by listing; a listing whose guesses
     * do not parse one route each is left out.
     */
    static RereadPrediction ofRoutes(List<Route> routes) {
        Map<String, List<Route>> byListing = new HashMap<>();
        Map<String, List<String>> lines = new HashMap<>();
        StringBuilder line = new StringBuilder(96);
        for (Route r : routes) {
            line.setLength(0);
            if (!appendLine(line, r)) continue;
            String key = key(r.family(), r.table());
            byListing.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            lines.computeIfAbsent(key, k -> new ArrayList<>()).add(line.toString());
        }
        Map<String, Listing> listings = new HashMap<>();
        for (Map.Entry<String, List<Route>> e : byListing.entrySet()) {
            List<Route> wanted = e.getValue();
            List<String> guessed = lines.get(e.getKey());
            StringBuilder text = new StringBuilder(guessed.size() * 64);
            for (String l : guessed) text.append(l).append('\n');
            Route first = wanted.get(0);
            List<Route> parsed;
            try {
                parsed = RouteGrammar.parseShow(text.toString(), first.family(), first.table(), Names.builtin(), "the re-read");
            } catch (OutputException e2) {
                continue;
            }
            if (!pairs(wanted, parsed)) continue;
            Listing listing = new Listing(guessed.size());
            for (int i = 0; i < guessed.size(); i++) listing.put(guessed.get(i), parsed.get(i));
            listings.put(e.getKey(), listing);
        }
        return new RereadPrediction(listings);
    }

    /** Whether the parse gave one route a line, each with its line's destination (the routes go with the lines by index). */
    private static boolean pairs(List<Route> wanted, List<Route> parsed) {
        if (parsed.size() != wanted.size()) return false;
        for (int i = 0; i < parsed.size(); i++) {
            if (!parsed.get(i).dst().equals(wanted.get(i).dst())) return false;
        }
        return true;
    }

    /**
     * The route guessed for the route text {@code [from, to)} of {@code text} (one line, its line end
     * left out) in the listing of {@code family} and {@code table}, parsed from that same text; or null.
     */
    public Route route(Family family, TableId table, String text, int from, int to) {
        if (listings.isEmpty()) return null;
        Listing listing = listings.get(key(family, table));
        return listing == null ? null : listing.get(text, from, to);
    }

    private static String key(Family family, TableId table) {
        return (family == Family.INET ? "4 " : "6 ") + table.id();
    }

    /** A polynomial hash of the line's first characters and its length (no string made per line looked up). */
    private static int hash(String text, int from, int to) {
        int h = to - from;
        int end = Math.min(to, from + HASHED);
        for (int i = from; i < end; i++) h = 31 * h + text.charAt(i);
        return h ^ (h >>> 16);
    }

    /**
     * The line {@code ip -N route list table T} prints for {@code r} as iproute2 orders its words (type, dst,
     * via, dev, proto, scope, src, metric, flags, pref), for the shapes guessed: a unicast route with one path
     * that names its device, without from, tos, nexthop object, realms or metrics; false for any other.
     */
    static boolean appendLine(StringBuilder out, Route r) {
        if (r.type() != RouteType.UNICAST || r.from() != null || r.tos() != 0 || r.nhid() != 0 || r.realms() != 0
                || !r.metrics().isEmpty() || r.nexthops().size() != 1 || r.protocol() == 3) {
            return false;
        }
        NextHop hop = r.nexthops().get(0);
        if (hop.dev() == null) return false;
        boolean v4 = r.family() == Family.INET;
        if (r.dst().isAll()) out.append("default");
        else r.dst().appendTo(out);
        IpAddress via = hop.via();
        if (via != null) {
            if (via.family() != r.family()) return false;
            via.appendTo(out.append(" via "));
        }
        out.append(" dev ").append(hop.dev().name());
        out.append(" proto ").append(r.protocol());
        if (v4 && r.scope() != 0) out.append(" scope ").append(r.scope());
        if (!v4 && r.scope() != 0) return false;
        if (r.prefsrc() != null) r.prefsrc().appendTo(out.append(" src "));
        if (!v4 || r.metric() != 0) out.append(" metric ").append(r.metric());
        if (hop.onlink()) out.append(" onlink");
        if (v4) {
            if (r.pref() != null) return false;
            out.append(' ');
        } else {
            out.append(" pref ").append((r.pref() == null ? RouterPref.MEDIUM : r.pref()).word());
        }
        return true;
    }
}

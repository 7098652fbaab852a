package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A host read again after a batch, in the same session as the reading its plan was made from, as that
 * reading changed by the lines that differ: only those lines are parsed (issue 10). A route is one line
 * and its indented continuation lines, and a route's parse depends on nothing else, so the routes of
 * the lines both readings share are the routes they gave before: the result is, route for route, what
 * parsing the whole re-read gives (in another order, which nothing that reads an observed state
 * depends on). When anything but route lines differs (a name file, the rules, a command's exit code or
 * the sections read), or a changed line does not parse, there is no result: the caller parses the
 * re-read whole, with its errors.
 */
public final class RereadDelta {
    /** How far a line that differs is looked for in the other reading before it counts as added or removed. */
    private static final int WINDOW = 32;

    /** The text of the routes only the first reading has ({@code removed}) and only the second ({@code added}). */
    record Lines(String removed, String added) {
    }

    private RereadDelta() {
    }

    /**
     * The re-read {@code again} as {@code before} (what {@code first} was read as) changed by the routes
     * whose lines differ, or null when it cannot be told that way (see the class comment).
     */
    public static HostReading after(Reading first, HostReading before, Reading again) {
        if (first == null || before == null || again == null || again.digest() == null || again.note("fatal") != null) return null;
        if (!first.files().equals(again.files()) || !Objects.equals(first.note("names"), again.note("names"))) return null;
        List<Reading.CommandSection> was = first.commands();
        List<Reading.CommandSection> now = again.commands();
        if (was.size() != now.size()) return null;
        List<Route> gone = new ArrayList<>();
        List<Route> come = new ArrayList<>();
        for (int i = 0; i < was.size(); i++) {
            Reading.CommandSection x = was.get(i);
            Reading.CommandSection y = now.get(i);
            if (!x.words().equals(y.words()) || x.exitCode() != y.exitCode()) return null;
            if (x.output().equals(y.output())) continue;
            List<String> w = x.words();
            if (w.size() != 3 || !w.get(0).equals("route") || x.exitCode() != 0) return null;
            Family family = w.get(1).equals("4") ? Family.INET : w.get(1).equals("6") ? Family.INET6 : null;
            if (family == null || !w.get(2).matches("[0-9]{1,10}")) return null;
            TableId table = TableId.of(Long.parseLong(w.get(2)));
            Lines changed = diff(x.output(), y.output());
            try {
                gone.addAll(RouteGrammar.parseShow(changed.removed(), family, table, Names.builtin(), "the re-read"));
                come.addAll(RouteGrammar.parseShow(changed.added(), family, table, Names.builtin(), "the re-read"));
            } catch (OutputException e) {
                return null;
            }
        }
        List<Route> routes = without(before.observed().routes(), gone);
        if (routes == null) return null;
        routes.addAll(come);
        Observed o = before.observed();
        Observed after = new Observed(o.rules(), routes, o.tablesRead(), o.managedTableNames(), o.otherTableNames(),
                o.otherProtocolNames(), o.siblingTableNames());
        return new HostReading(after, before.names(), before.managedProtocolNames(), again.digest(), before.warnings(),
                ObservedBuilder.keptDigest(again));
    }

    /** {@code routes} less each of {@code gone} once (they were parsed from lines of the same reading), or null when one is missing. */
    private static List<Route> without(List<Route> routes, List<Route> gone) {
        List<Route> kept = new ArrayList<>(routes.size());
        if (gone.isEmpty()) {
            kept.addAll(routes);
            return kept;
        }
        Map<Route, Integer> left = new HashMap<>();
        for (Route r : gone) left.merge(r, 1, Integer::sum);
        int missing = gone.size();
        for (Route r : routes) {
            Integer n = left.get(r);
            if (n != null && n > 0) {
                left.put(r, n - 1);
                missing--;
            } else {
                kept.add(r);
            }
        }
        return missing == 0 ? kept : null;
    }

    /**
     * The routes (a line and its indented continuation lines) of {@code before} that {@code after} lacks,
     * and those it adds: every route of either is in exactly one of the shared, removed or added, so
     * before less removed is after less added. The kernel lists a table in the same order each time, so
     * a walk over both finds the shared routes in step; a route that differs is looked for a few routes
     * ahead in the other reading (a run of adds or deletes), else it counts as removed and added.
     */
    static Lines diff(String before, String after) {
        List<int[]> a = routes(before);
        List<int[]> b = routes(after);
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (same(before, a.get(i), after, b.get(j))) {
                i++;
                j++;
                continue;
            }
            int ahead = find(after, b.get(j), before, a, i + 1);
            if (ahead >= 0) {
                // the routes up to it are gone
                for (; i < ahead; i++) append(removed, before, a.get(i));
                continue;
            }
            ahead = find(before, a.get(i), after, b, j + 1);
            if (ahead >= 0) {
                for (; j < ahead; j++) append(added, after, b.get(j));
                continue;
            }
            append(removed, before, a.get(i++));
            append(added, after, b.get(j++));
        }
        for (; i < a.size(); i++) append(removed, before, a.get(i));
        for (; j < b.size(); j++) append(added, after, b.get(j));
        return new Lines(removed.toString(), added.toString());
    }

    /** Where route {@code r} of {@code text} is among {@code in}'s routes from {@code from} on (a window), or -1. */
    private static int find(String text, int[] r, String inText, List<int[]> in, int from) {
        int end = Math.min(in.size(), from + WINDOW);
        for (int k = from; k < end; k++) {
            if (same(text, r, inText, in.get(k))) return k;
        }
        return -1;
    }

    private static boolean same(String x, int[] rx, String y, int[] ry) {
        int n = rx[1] - rx[0];
        return n == ry[1] - ry[0] && x.regionMatches(rx[0], y, ry[0], n);
    }

    private static void append(StringBuilder out, String text, int[] r) {
        out.append(text, r[0], r[1]);
        // the last route of a listing may lack its line end: the next one appended must not join its line
        if (r[1] == r[0] || text.charAt(r[1] - 1) != '\n') out.append('\n');
    }

    /** The routes of a listing: [start, end) of a line and its indented continuation lines, line ends included. */
    static List<int[]> routes(String text) {
        List<int[]> out = new ArrayList<>();
        int start = -1;
        int at = 0;
        int n = text.length();
        while (at < n) {
            int end = text.indexOf('\n', at);
            end = end < 0 ? n : end + 1;
            char c = text.charAt(at);
            boolean continuation = c == ' ' || c == '\t';
            if (!continuation) {
                if (start >= 0) out.add(new int[] {start, at});
                start = at;
            } else if (start < 0) {
                start = at;
            }
            at = end;
        }
        if (start >= 0) out.add(new int[] {start, n});
        return out;
    }
}

package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.Arrays;
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
        // a table the batch filled (a converge): every route is added, and the walk below would only copy them
        // one by one (~20 ms for 100k routes under C1)
        if (before.isEmpty()) return new Lines("", after.isEmpty() || after.endsWith("\n") ? after : after + "\n");
        int[] a = routes(before);
        int[] b = routes(after);
        int na = a.length - 1;
        int nb = b.length - 1;
        StringBuilder removed = new StringBuilder();
        StringBuilder added = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < na && j < nb) {
            if (same(before, a, i, after, b, j)) {
                i++;
                j++;
                continue;
            }
            int ahead = find(after, b, j, before, a, i + 1);
            if (ahead >= 0) {
                // the routes up to it are gone
                for (; i < ahead; i++) append(removed, before, a, i);
                continue;
            }
            ahead = find(before, a, i, after, b, j + 1);
            if (ahead >= 0) {
                for (; j < ahead; j++) append(added, after, b, j);
                continue;
            }
            append(removed, before, a, i++);
            append(added, after, b, j++);
        }
        // the rest of either listing at once (only a listing's last route may lack its line end)
        if (i < na) append(removed, before, a[i], a[na]);
        if (j < nb) append(added, after, b[j], b[nb]);
        return new Lines(removed.toString(), added.toString());
    }

    /** Where route {@code k} of {@code text} is among {@code in}'s routes from {@code from} on (a window), or -1. */
    private static int find(String text, int[] at, int k, String inText, int[] in, int from) {
        int end = Math.min(in.length - 1, from + WINDOW);
        for (int m = from; m < end; m++) {
            if (same(text, at, k, inText, in, m)) return m;
        }
        return -1;
    }

    private static boolean same(String x, int[] ax, int i, String y, int[] ay, int j) {
        int n = ax[i + 1] - ax[i];
        return n == ay[j + 1] - ay[j] && x.regionMatches(ax[i], y, ay[j], n);
    }

    private static void append(StringBuilder out, String text, int[] at, int k) {
        append(out, text, at[k], at[k + 1]);
    }

    private static void append(StringBuilder out, String text, int from, int to) {
        out.append(text, from, to);
        // the last route of a listing may lack its line end: the next one appended must not join its line
        if (text.charAt(to - 1) != '\n') out.append('\n');
    }

    /**
     * Where each route of a listing starts (a line and its indented continuation lines, line ends
     * included), and last the listing's length: route k is [at[k], at[k+1]).
     */
    static int[] routes(String text) {
        int[] at = new int[64];
        int count = 0;
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            char c = text.charAt(pos);
            // a continuation line belongs to the route before it (a listing that starts with one: a route of its own)
            if (count == 0 || (c != ' ' && c != '\t')) {
                if (count + 1 >= at.length) at = Arrays.copyOf(at, at.length * 2);
                at[count++] = pos;
            }
            int end = text.indexOf('\n', pos);
            pos = end < 0 ? n : end + 1;
        }
        at = Arrays.copyOf(at, count + 1);
        at[count] = n;
        return at;
    }
}

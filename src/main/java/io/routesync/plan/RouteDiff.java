package io.routesync.plan;

import io.routesync.model.Change;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Desired against observed routes, key by key (docs/route-identity.md#identity): a missing key is added, a key
 * whose route differs is replaced in place, an owned route whose key is no longer desired is deleted.
 * A metric or tos change is a different key, so it falls out as add + delete.
 *
 * <p>Built for million-route tables: the live routes go into a {@link RouteIndex}, each desired route
 * is looked up once and marked on its slot, then one pass over the slots finds what is left.
 */
final class RouteDiff {
    private final Ownership ownership;
    private final int tag;
    private final List<Change> changes = new ArrayList<>();

    private RouteDiff(Ownership ownership) {
        this.ownership = ownership;
        this.tag = ownership.protocolTag();
    }

    /** The route changes, unordered; a desired key declared twice with different data goes to {@code conflicts}. */
    static List<Change> diff(List<Route> desired, List<Route> observed, Set<TableId> tablesRead, Ownership ownership,
            List<String> conflicts) {
        return diff(desired, observed, tablesRead, ownership, conflicts, true);
    }

    /** {@link #diff}; without {@code merge}, always through the index (the reference of RouteDiffMergeTest). */
    static List<Change> diff(List<Route> desired, List<Route> observed, Set<TableId> tablesRead, Ownership ownership,
            List<String> conflicts, boolean merge) {
        if (merge) {
            List<Change> merged = merged(desired, observed, tablesRead, ownership);
            if (merged != null) return merged;
        }
        RouteIndex live = new RouteIndex(observed.size());
        for (Route r : observed) {
            // a route of a table that was not read cannot be judged: leave it out of the plan entirely
            if (tablesRead.contains(r.table())) live.add(r);
        }
        RouteDiff diff = new RouteDiff(ownership);
        // the keys no live route has, first desired route first: the adds go out in the desired state's order,
        // which ChangeOrder's sort takes in one pass when the state is in key order (a hash order cost a
        // converge of 100k routes a full sort); an index, not a map, so no key or node is made per add
        RouteIndex missing = null;
        List<Change> adds = new ArrayList<>();
        for (int i = 0; i < desired.size(); i++) {
            Route d = desired.get(i);
            int slot = live.find(d);
            Route first;
            if (slot >= 0) {
                first = live.desired(slot);
            } else {
                if (missing == null) missing = new RouteIndex(desired.size() - i);
                int at = missing.find(d);
                first = at < 0 ? null : missing.first(at);
                if (first == null) {
                    missing.add(d);
                    adds.add(Change.add(d));
                }
            }
            if (first != null) {
                if (!first.equals(d)) conflicts.add(twice(first, d));
                continue;
            }
            if (slot >= 0) {
                live.setDesired(slot, d);
                if (live.several(slot)) diff.convergeSeveral(d, live.all(slot));
                else diff.converge(d, live.first(slot));
            }
        }
        diff.changes.addAll(adds);
        for (int slot = 0; slot < live.capacity(); slot++) {
            if (!live.occupied(slot) || live.desired(slot) != null) continue;
            if (live.several(slot)) {
                for (Route r : live.all(slot)) diff.deleteIfOwned(r);
            } else {
                diff.deleteIfOwned(live.first(slot));
            }
        }
        return diff.changes;
    }

    /**
     * The diff as a merge, when both lists are in strictly ascending key order ({@link Route#compareKeys}; the
     * observed one without the routes of tables not read): a dump lists a table's routes so, and a generated
     * state often does. Every key is then there at most once on each side, so the two lists are walked side by
     * side: the same changes as the index gives (a key on both sides converges, a desired one alone is added,
     * a live one alone is deleted if owned), without hashing or probing 100k routes in random order. False as
     * soon as either list is out of order: then null, and the index decides.
     */
    static List<Change> merged(List<Route> desired, List<Route> observed, Set<TableId> tablesRead, Ownership ownership) {
        RouteDiff diff = new RouteDiff(ownership);
        return diff.merge(desired, observed, tablesRead) ? diff.changes : null;
    }

    private boolean merge(List<Route> desired, List<Route> observed, Set<TableId> tablesRead) {
        int nd = desired.size();
        int no = observed.size();
        int i = 0;
        int j = skipUnread(observed, 0, tablesRead);
        Route d = i < nd ? desired.get(i) : null;
        Route o = j < no ? observed.get(j) : null;
        while (d != null || o != null) {
            int c = d == null ? 1 : o == null ? -1 : Route.compareKeys(d, o);
            if (c <= 0) {
                if (c == 0) converge(d, o);
                else changes.add(Change.add(d));
                Route next = ++i < nd ? desired.get(i) : null;
                if (next != null && Route.compareKeys(d, next) >= 0) return false;
                d = next;
            }
            if (c >= 0) {
                if (c > 0) deleteIfOwned(o);
                j = skipUnread(observed, j + 1, tablesRead);
                Route next = j < no ? observed.get(j) : null;
                if (next != null && Route.compareKeys(o, next) >= 0) return false;
                o = next;
            }
        }
        return true;
    }

    /** The index of the first route from {@code from} on whose table was read (the list's size when none). */
    private int skipUnread(List<Route> routes, int from, Set<TableId> tablesRead) {
        int k = from;
        while (k < routes.size() && !read(routes.get(k).table(), tablesRead)) k++;
        return k;
    }

    /** The table last looked up and whether it was read: a dump comes table by table, so one set lookup a table. */
    private TableId lastTable;
    private boolean lastRead;

    private boolean read(TableId table, Set<TableId> tablesRead) {
        if (table != lastTable) {
            lastTable = table;
            lastRead = tablesRead.contains(table);
        }
        return lastRead;
    }

    /** Names the two routes in a fixed order, so the message does not depend on the order of the input. */
    private static String twice(Route first, Route second) {
        String a = EntryText.of(first);
        String b = EntryText.of(second);
        return "two desired routes have the same kernel identity (" + EntryText.key(first.key()) + ") but differ: '"
                + (a.compareTo(b) < 0 ? a + "' and '" + b : b + "' and '" + a) + "'; keep one, or give them different metrics";
    }

    private void deleteIfOwned(Route r) {
        if (ownership.owns(r)) changes.add(Change.delete(r));
    }

    /** Makes one desired key right, given the one live route with that key. */
    private void converge(Route desired, Route live) {
        if (!Adoption.adopts(desired, live, tag)) changes.add(Change.replace(live, desired));
    }

    /**
     * Several live routes share the key (IPv4 append): keep one that already matches, else replace one;
     * the owned others are deleted. The choice goes by the total order, never by reading order.
     */
    private void convergeSeveral(Route desired, List<Route> live) {
        List<Route> sorted = new ArrayList<>(live);
        sorted.sort(EntryEncoding.TOTAL_ORDER);
        Route keep = null;
        for (Route r : sorted) {
            if (r.equals(desired)) { keep = r; break; }
        }
        if (keep == null) {
            for (Route r : sorted) {
                if (Adoption.adopts(desired, r, tag)) { keep = r; break; }
            }
        }
        if (keep == null) {
            // replace rewrites the kernel's first route with the key; deleting the owned others first
            // (ChangeOrder puts same-key deletes before the replace) leaves it only one to choose from
            keep = sorted.get(0);
            for (Route r : sorted) {
                if (!ownership.owns(r)) { keep = r; break; }
            }
            changes.add(Change.replace(keep, desired));
        }
        for (Route r : sorted) {
            if (r != keep && ownership.owns(r)) changes.add(Change.delete(r));
        }
    }
}

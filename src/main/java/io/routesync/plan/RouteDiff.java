package io.routesync.plan;

import io.routesync.model.Change;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Desired against observed routes, key by key (IPROUTE2.md section 4): a missing key is added, a key
 * whose route differs is replaced in place, an owned route whose key is no longer desired is deleted.
 * A metric or tos change is a different key, so it falls out as add + delete. Hash maps only: this runs
 * on million-route tables.
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
        Map<Route.Key, Route> wanted = index(desired, conflicts);
        RouteGroups live = new RouteGroups(observed.size());
        for (Route r : observed) {
            // a route of a table that was not read cannot be judged: leave it out of the plan entirely
            if (tablesRead.contains(r.table())) live.add(r);
        }
        RouteDiff diff = new RouteDiff(ownership);
        for (Map.Entry<Route.Key, Route> e : wanted.entrySet()) {
            diff.converge(e.getValue(), live.get(e.getKey()));
        }
        for (Map.Entry<Route.Key, Object> e : live.entries()) {
            if (wanted.containsKey(e.getKey())) continue;
            for (Route r : RouteGroups.routesOf(e.getValue())) {
                if (ownership.owns(r)) diff.changes.add(Change.delete(r));
            }
        }
        return diff.changes;
    }

    private static Map<Route.Key, Route> index(List<Route> desired, List<String> conflicts) {
        Map<Route.Key, Route> wanted = new HashMap<>(Math.max(16, (int) (desired.size() / 0.75f) + 1));
        for (Route r : desired) {
            Route other = wanted.putIfAbsent(r.key(), r);
            if (other != null && !other.equals(r)) {
                conflicts.add("two desired routes have the same kernel identity (" + EntryText.key(r.key())
                        + ") but differ: '" + EntryText.of(other) + "' and '" + EntryText.of(r)
                        + "'; keep one, or give them different metrics");
            }
        }
        return wanted;
    }

    /** Makes one desired key right, given every live route with that key. */
    private void converge(Route desired, List<Route> live) {
        if (live.isEmpty()) {
            changes.add(Change.add(desired));
            return;
        }
        if (live.size() == 1) {
            Route only = live.get(0);
            if (!Adoption.adopts(desired, only, tag)) changes.add(Change.replace(only, desired));
            return;
        }
        convergeSeveral(desired, live);
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

package io.routesync.plan;

import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.Entry;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans the way back after a failed apply (DESIGN.md section 8): every entry the attempted plan touched
 * (its route keys, its rule identities, its table names) returns exactly to the snapshot taken before,
 * protocol included; nothing else is looked at. Rules the kernel numbered (added without priority) are
 * found again as the live rules equal to them at any priority that the snapshot did not hold.
 *
 * <p>Limit: a key that held several routes in the snapshot ({@code ip route append}) gets one back;
 * recreating the others would need an append, which plans do not have.
 */
final class Rollback {
    private final Set<Route.Key> keys = new HashSet<>();
    private final Set<Rule> ruleIds = new HashSet<>();
    private final Set<Rule> ruleShapes = new HashSet<>();
    private final Set<TableName> names = new HashSet<>();
    private final List<Change> changes = new ArrayList<>();

    private Rollback() {
    }

    static HostPlan plan(Observed snapshot, Observed now, HostPlan attempted, Ownership ownership) {
        Rollback r = new Rollback();
        for (Change c : attempted.changes()) r.touch(c.entry());
        r.routes(snapshot, now);
        r.rules(snapshot, now);
        r.names(snapshot, now);
        return new HostPlan(ChangeOrder.order(r.changes),
                Fingerprint.of(DesiredState.empty(), now, ownership));
    }

    private void touch(Entry e) {
        if (e instanceof Route) {
            keys.add(((Route) e).key());
        } else if (e instanceof Rule) {
            Rule rule = (Rule) e;
            (rule.priority() != null ? ruleIds : ruleShapes).add(rule.identity());
        } else if (e instanceof TableName) {
            names.add((TableName) e);
        } else {
            throw new AssertionError("unknown entry kind " + e.getClass());
        }
    }

    private void routes(Observed snapshot, Observed now) {
        if (keys.isEmpty()) return;
        Map<Route.Key, List<Route>> was = touchedRoutes(snapshot);
        Map<Route.Key, List<Route>> is = touchedRoutes(now);
        for (Route.Key k : keys) restore(was.getOrDefault(k, List.of()), is.getOrDefault(k, List.of()));
    }

    /** The routes with a touched key, without exact repeats (the kernel refuses those). */
    private Map<Route.Key, List<Route>> touchedRoutes(Observed o) {
        Map<Route.Key, List<Route>> byKey = new HashMap<>();
        for (Route r : o.routes()) {
            if (!keys.contains(r.key())) continue;
            List<Route> same = byKey.computeIfAbsent(r.key(), k -> new ArrayList<>(1));
            if (!same.contains(r)) same.add(r);
        }
        return byKey;
    }

    /** Makes one key hold what the snapshot held; see the class comment for several routes per key. */
    private void restore(List<Route> was, List<Route> is) {
        List<Route> extra = new ArrayList<>(is);
        extra.removeAll(was);
        extra.sort(EntryEncoding.TOTAL_ORDER);
        List<Route> missing = new ArrayList<>(was);
        missing.removeAll(is);
        missing.sort(EntryEncoding.TOTAL_ORDER);
        boolean common = was.size() - missing.size() > 0;
        if (missing.isEmpty() || common) {
            for (Route r : extra) changes.add(Change.delete(r));
        } else if (extra.isEmpty()) {
            changes.add(Change.add(missing.get(0)));
        } else {
            // the other extras are deleted first (ChangeOrder), so the replace can only hit this one
            changes.add(Change.replace(extra.get(0), missing.get(0)));
            for (Route r : extra.subList(1, extra.size())) changes.add(Change.delete(r));
        }
    }

    private void rules(Observed snapshot, Observed now) {
        if (ruleIds.isEmpty() && ruleShapes.isEmpty()) return;
        Map<Rule, Integer> owed = new HashMap<>();
        for (Rule r : snapshot.rules()) {
            if (touched(r)) owed.merge(r, 1, Integer::sum);
        }
        for (Rule r : now.rules()) {
            if (!touched(r)) continue;
            Integer n = owed.get(r);
            if (n != null) {
                if (n == 1) owed.remove(r); else owed.put(r, n - 1);
            } else if (!r.isDefaultRule()) {
                changes.add(Change.delete(r));
            }
        }
        owed.forEach((r, n) -> {
            for (int i = 0; i < n; i++) changes.add(Change.add(r));
        });
    }

    private boolean touched(Rule r) {
        Rule id = r.identity();
        return ruleIds.contains(id) || (!ruleShapes.isEmpty() && ruleShapes.contains(id.withPriority(null)));
    }

    private void names(Observed snapshot, Observed now) {
        Set<TableName> was = new TreeSet<>(snapshot.managedTableNames());
        Set<TableName> is = new TreeSet<>(now.managedTableNames());
        for (TableName n : names) {
            if (was.contains(n) && !is.contains(n)) changes.add(Change.add(n));
            if (!was.contains(n) && is.contains(n)) changes.add(Change.delete(n));
        }
    }
}

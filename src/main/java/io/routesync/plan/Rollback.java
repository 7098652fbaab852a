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
 * Plans the way back after a failed apply (docs/planning.md#verify-and-rollback): every entry the
 * attempted plan touched (its route keys, its rule identities, its table names) returns exactly to the
 * snapshot taken before, protocol included; nothing else is looked at. Rules the kernel numbered (added
 * without priority) are found again as the live rules equal to them at any priority that the snapshot did
 * not hold.
 *
 * <p>A rule the kernel would take for one being restored or deleted is deleted and added back too,
 * touched or not ({@link #clearTheWay}): its content ends as it was.
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
        return HostPlan.deferred(ChangeOrder.order(r.changes),
                () -> Fingerprint.of(DesiredState.empty(), now, ownership), attempted.namesFile());
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
        List<Rule> doomed = new ArrayList<>();
        List<Rule> staying = new ArrayList<>();
        for (Rule r : now.rules()) {
            Integer n = touched(r) ? owed.get(r) : null;
            if (n != null) {
                if (n == 1) owed.remove(r); else owed.put(r, n - 1);
                staying.add(r);
            } else if (touched(r) && !r.isDefaultRule()) {
                doomed.add(r);
            } else {
                staying.add(r);
            }
        }
        List<Rule> adds = new ArrayList<>();
        owed.forEach((r, n) -> {
            for (int i = 0; i < n; i++) adds.add(r);
        });
        clearTheWay(doomed, staying, adds);
        for (Rule r : doomed) changes.add(Change.delete(r));
        for (Rule r : adds) changes.add(Change.add(r));
    }

    /**
     * The kernel matches rules more loosely than by identity ({@link RuleCollision}): an add fails while
     * a rule it takes for the same one stays, and {@code ip rule del} removes the first rule its
     * attributes match, which can be one listed before the rule meant. Either way the rule in the way,
     * touched or not, is deleted too and added back after (ChangeOrder orders both), so its content ends
     * as it was, only later in the list among rules of its priority.
     */
    private static void clearTheWay(List<Rule> doomed, List<Rule> staying, List<Rule> adds) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < staying.size(); i++) {
                Rule in = staying.get(i);
                if (in.isDefaultRule() || !inTheWay(in, doomed, adds)) continue;
                staying.remove(i--);
                doomed.add(in);
                adds.add(in);
                changed = true;
            }
        }
    }

    private static boolean inTheWay(Rule in, List<Rule> doomed, List<Rule> adds) {
        for (Rule a : adds) {
            if (RuleCollision.refuses(in, a)) return true;
        }
        for (Rule d : doomed) {
            if (!in.equals(d) && RuleCollision.deleteHits(d, in)) return true;
        }
        return false;
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

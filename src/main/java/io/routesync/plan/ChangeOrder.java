package io.routesync.plan;

import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The make-before-break order (docs/planning.md#make-before-break-order): table names; route adds and
 * replaces (a table is complete before a rule points to it); rule adds; rule deletes; route deletes. Two
 * deletes must run early because the kernel would refuse what follows otherwise: a route delete with the
 * same key as an add or replace goes right before it (replace rewrites the first route with the key; add
 * fails while one exists), and a rule delete the kernel would take for a rule being added
 * ({@link RuleCollision}) goes right before that add. The key stays routed meanwhile in the first case.
 */
final class ChangeOrder {
    private ChangeOrder() {
    }

    private static final Comparator<Priority> DESCENDING_THEN_NONE = Comparator.nullsLast(Comparator.reverseOrder());
    private static final Comparator<Priority> ASCENDING_THEN_NONE = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<Prefix> NONE_THEN_ASCENDING = Comparator.nullsFirst(Comparator.naturalOrder());

    /** Table names by name, then action; one lambda of this class (archived), not Comparator's chain, linked anew in a short run. */
    static final Comparator<Change> NAMES = (a, b) -> {
        int c = ((TableName) a.entry()).compareTo((TableName) b.entry());
        return c != 0 ? c : a.action().compareTo(b.action());
    };

    /** Route adds and replaces: by family, table, destination, then the rest of the key. */
    static final Comparator<Change> ROUTE_UPSERTS = (a, b) -> {
        Route x = (Route) a.entry();
        Route y = (Route) b.entry();
        int c = Route.compareKeys(x, y);
        return c != 0 ? c : EntryEncoding.TOTAL_ORDER.compare(x, y);
    };

    /**
     * Rule adds in descending priority: the kernel's rule list is sorted, and inserting from the far end
     * is cheaper (measured: docs/planning.md#make-before-break-order). Rules the kernel numbers itself go
     * last. At one priority the rule with fewer loosely compared selectors goes first, so the kernel
     * never refuses the other.
     */
    static final Comparator<Change> RULE_ADDS = (a, b) -> {
        Rule x = (Rule) a.entry();
        Rule y = (Rule) b.entry();
        int c = x.family().compareTo(y.family());
        if (c == 0) c = DESCENDING_THEN_NONE.compare(x.priority(), y.priority());
        if (c == 0) c = Integer.compare(RuleCollision.looseSelectors(x), RuleCollision.looseSelectors(y));
        return c != 0 ? c : EntryEncoding.TOTAL_ORDER.compare(x, y);
    };

    /**
     * Rule deletes in ascending priority: each is found near the head of the kernel's list. At one
     * priority the more specific go first and protocol 0 (a wildcard to {@code ip rule del}) last, so
     * no delete hits a rule that is itself still to be deleted ({@link RuleCollision#specificity}).
     */
    static final Comparator<Change> RULE_DELETES = (a, b) -> {
        Rule x = (Rule) a.entry();
        Rule y = (Rule) b.entry();
        int c = x.family().compareTo(y.family());
        if (c == 0) c = ASCENDING_THEN_NONE.compare(x.priority(), y.priority());
        if (c == 0) c = Boolean.compare(x.protocol() <= 0, y.protocol() <= 0);
        if (c == 0) c = Integer.compare(RuleCollision.specificity(y), RuleCollision.specificity(x));
        return c != 0 ? c : EntryEncoding.TOTAL_ORDER.compare(x, y);
    };

    /** Route deletes by family and table, then in descending prefix order: ~10x faster than ascending. */
    static final Comparator<Change> ROUTE_DELETES = (a, b) -> {
        Route x = (Route) a.entry();
        Route y = (Route) b.entry();
        int c = x.family().compareTo(y.family());
        if (c == 0) c = x.table().compareTo(y.table());
        if (c == 0) c = y.dst().compareTo(x.dst());
        if (c == 0) c = NONE_THEN_ASCENDING.compare(y.from(), x.from());
        if (c == 0) c = Integer.compare(y.tos(), x.tos());
        if (c == 0) c = Long.compare(y.metric(), x.metric());
        return c != 0 ? c : EntryEncoding.TOTAL_ORDER.compare(x, y);
    };

    static List<Change> order(List<Change> changes) {
        List<Change> names = new ArrayList<>();
        List<Change> routeUpserts = new ArrayList<>();
        List<Change> ruleAdds = new ArrayList<>();
        List<Change> ruleDeletes = new ArrayList<>();
        List<Change> routeDeletes = new ArrayList<>();
        for (Change c : changes) {
            if (c.entry() instanceof TableName) names.add(c);
            else if (c.entry() instanceof Route) (c.action() == Action.DELETE ? routeDeletes : routeUpserts).add(c);
            else if (c.entry() instanceof Rule) (c.action() == Action.DELETE ? ruleDeletes : ruleAdds).add(c);
            else throw new AssertionError("unknown entry kind " + c.entry().getClass());
        }
        names.sort(NAMES);
        routeUpserts.sort(ROUTE_UPSERTS);
        ruleAdds.sort(RULE_ADDS);
        ruleDeletes.sort(RULE_DELETES);
        routeDeletes.sort(ROUTE_DELETES);

        // identity maps: two deletes of equal rules (the kernel can hold exact duplicates) are two changes
        Map<Change, List<Change>> before = new IdentityHashMap<>();
        routeDeletes = attachSameKey(routeUpserts, routeDeletes, before);
        ruleDeletes = attachColliding(ruleAdds, ruleDeletes, before);

        List<Change> out = new ArrayList<>(changes.size());
        out.addAll(names);
        for (Change c : routeUpserts) emit(c, before, out);
        for (Change c : ruleAdds) emit(c, before, out);
        out.addAll(ruleDeletes);
        out.addAll(routeDeletes);
        return out;
    }

    private static void emit(Change c, Map<Change, List<Change>> before, List<Change> out) {
        List<Change> first = before.get(c);
        if (first != null) out.addAll(first);
        out.add(c);
    }

    /** Moves each delete that shares its key with an add or replace before it; returns the rest, in order. */
    private static List<Change> attachSameKey(List<Change> upserts, List<Change> deletes, Map<Change, List<Change>> before) {
        if (upserts.isEmpty() || deletes.isEmpty()) return deletes;
        Map<Route.Key, Change> byKey = new HashMap<>();
        for (Change u : upserts) byKey.put(((Route) u.entry()).key(), u);
        List<Change> rest = new ArrayList<>(deletes.size());
        for (Change d : deletes) {
            Change u = byKey.get(((Route) d.entry()).key());
            if (u == null) rest.add(d);
            else before.computeIfAbsent(u, k -> new ArrayList<>()).add(d);
        }
        return rest;
    }

    /**
     * Moves each rule delete the kernel would take for a later add before the first such add, together
     * with the deletes it would otherwise hit ({@link RuleCollision#deleteHits}), which go first.
     */
    private static List<Change> attachColliding(List<Change> adds, List<Change> deletes, Map<Change, List<Change>> before) {
        if (adds.isEmpty() || deletes.isEmpty()) return deletes;
        Map<RuleSlot, List<Change>> bySlot = new HashMap<>();
        for (Change d : deletes) {
            RuleSlot slot = RuleSlot.of((Rule) d.entry());
            if (slot != null) bySlot.computeIfAbsent(slot, k -> new ArrayList<>()).add(d);
        }
        Set<Change> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Change a : adds) {
            Rule add = (Rule) a.entry();
            RuleSlot slot = RuleSlot.of(add);
            if (slot == null) continue;
            List<Change> early = new ArrayList<>();
            for (Change d : bySlot.getOrDefault(slot, List.of())) {
                if (!moved.contains(d) && RuleCollision.refuses((Rule) d.entry(), add)) pull(d, bySlot.get(slot), moved, early);
            }
            if (early.isEmpty()) continue;
            early.sort(RULE_DELETES);
            before.computeIfAbsent(a, k -> new ArrayList<>()).addAll(early);
        }
        if (moved.isEmpty()) return deletes;
        List<Change> rest = new ArrayList<>(deletes.size());
        for (Change d : deletes) {
            if (!moved.contains(d)) rest.add(d);
        }
        return rest;
    }

    /** Moves {@code d} and, transitively, every delete of its slot that {@code d} would hit. */
    private static void pull(Change d, List<Change> slot, Set<Change> moved, List<Change> early) {
        moved.add(d);
        early.add(d);
        Rule spec = (Rule) d.entry();
        for (Change other : slot) {
            if (!moved.contains(other) && !other.entry().equals(spec) && RuleCollision.deleteHits(spec, (Rule) other.entry())) {
                pull(other, slot, moved, early);
            }
        }
    }
}

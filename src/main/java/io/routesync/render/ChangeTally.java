package io.routesync.render;

import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.Entry;
import io.routesync.model.HostPlan;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableName;
import java.util.List;

/**
 * Changes counted by the kind of entry (rule, route, table name) and what was done to it: the counts a
 * metrics file reports. Only routes are changed in place; a rule or table name that differs is deleted and added.
 */
final class ChangeTally {
    /** The kinds of entry, as the {@code kind} label says them. */
    static final List<String> KINDS = List.of("rule", "route", "table");
    /** Each {@link Action}, as the {@code action} label says it. */
    static final List<String> ACTIONS = List.of("added", "changed", "deleted");

    private final long[][] counts = new long[KINDS.size()][ACTIONS.size()];

    /** Adds the changes of {@code plan} (null: none). */
    ChangeTally add(HostPlan plan) {
        if (plan == null) return this;
        for (Change c : plan.changes()) counts[kind(c.entry())][action(c.action())]++;
        return this;
    }

    /** Adds another tally's counts. */
    ChangeTally add(ChangeTally other) {
        for (int k = 0; k < KINDS.size(); k++) {
            for (int a = 0; a < ACTIONS.size(); a++) counts[k][a] += other.counts[k][a];
        }
        return this;
    }

    long count(int kind, int action) {
        return counts[kind][action];
    }

    /** Whether an entry of {@code kind} can be {@code action}: only routes are changed in place. */
    static boolean possible(int kind, int action) {
        return action != action(Action.REPLACE) || KINDS.get(kind).equals("route");
    }

    /** The entries of {@code state} by kind, in the order of {@link #KINDS}. */
    static long[] entries(DesiredState state) {
        return new long[] {state.rules().size(), state.routes().size(), state.tableNames().size()};
    }

    private static int action(Action action) {
        switch (action) {
            case ADD: return 0;
            case REPLACE: return 1;
            case DELETE: return 2;
            default: throw new AssertionError(action);
        }
    }

    private static int kind(Entry entry) {
        if (entry instanceof Rule) return 0;
        if (entry instanceof Route) return 1;
        if (entry instanceof TableName) return 2;
        throw new AssertionError(entry);
    }
}

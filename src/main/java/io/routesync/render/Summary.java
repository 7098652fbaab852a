package io.routesync.render;

import io.routesync.model.Action;
import io.routesync.model.HostPlan;
import io.routesync.run.HostRun;
import io.routesync.run.RunResult;

/**
 * The one-line summaries scripts grep for, in one place so a plan, a fleet plan and an apply count
 * the same way: {@code Plan: 2 to add, 0 to change, 1 to delete.}, the same {@code on 3 of 8 hosts.},
 * and {@code 2 added, 0 changed, 1 deleted} after an apply.
 */
public final class Summary {
    private Summary() {
    }

    /** {@code Plan: N to add, N to change, N to delete.} */
    public static String plan(HostPlan plan) {
        return "Plan: " + counts(plan) + ".";
    }

    /** {@code N to add, N to change, N to delete}: a plan's counts, as the plan line and a picture's title say them. */
    public static String counts(HostPlan plan) {
        return counts(plan.count(Action.ADD), plan.count(Action.REPLACE), plan.count(Action.DELETE));
    }

    /** {@code Plan: 5 to add, 0 to change, 1 to delete on 3 of 8 hosts.}: the hosts with changes pending. */
    public static String plan(RunResult planned) {
        int add = 0;
        int change = 0;
        int delete = 0;
        int hosts = 0;
        for (HostRun r : planned.hosts()) {
            if (r.status() != HostRun.Status.CHANGED) continue;
            hosts++;
            add += r.plan().count(Action.ADD);
            change += r.plan().count(Action.REPLACE);
            delete += r.plan().count(Action.DELETE);
        }
        int all = planned.hosts().size();
        return "Plan: " + counts(add, change, delete) + " on " + hosts + " of " + all + (all == 1 ? " host." : " hosts.");
    }

    /** {@code 2 added, 0 changed, 1 deleted}: what an apply did. */
    public static String applied(HostPlan applied) {
        return applied.count(Action.ADD) + " added, " + applied.count(Action.REPLACE) + " changed, " + applied.count(Action.DELETE) + " deleted";
    }

    private static String counts(int add, int change, int delete) {
        return add + " to add, " + change + " to change, " + delete + " to delete";
    }
}

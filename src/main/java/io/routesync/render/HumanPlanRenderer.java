package io.routesync.render;

import io.routesync.iproute2.ChangeSyntax;
import io.routesync.iproute2.Names;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableName;

/**
 * The {@code terraform plan}-style view of one host's plan: a line per change in iproute2 syntax
 * marked {@code +}, {@code ~} or {@code -}, the replaced form under a {@code ~}, then the stable
 * summary line scripts grep for: {@code Plan: N to add, N to change, N to delete.}
 */
public final class HumanPlanRenderer {
    private HumanPlanRenderer() {
    }

    public static String render(String host, HostPlan plan, Names names, Style style) {
        return render(host, plan, names, style, null);
    }

    /**
     * As {@link #render(String, HostPlan, Names, Style)}, with a warning line above the changes when the
     * plan deletes everything routesync owns on the host ({@code desired} is empty): the mark of a
     * truncated or wrong state file, which the summary line alone does not make stand out.
     */
    public static String render(String host, HostPlan plan, Names names, Style style, DesiredState desired) {
        StringBuilder out = new StringBuilder();
        if (plan.isEmpty()) {
            out.append(style.green("No changes.")).append(' ').append(capitalize(host))
                    .append(" matches the desired state.\n");
            return out.toString();
        }
        out.append("routesync will perform these changes on ").append(style.bold(host)).append(":\n\n");
        if (desired != null && deletesEverything(plan, desired)) out.append(style.red(everythingWarning(host, plan))).append("\n\n");
        for (Change change : plan.changes()) {
            String line = change.action().symbol() + " " + ChangeSyntax.command(change, names, plan.namesFile());
            out.append("  ").append(colour(change.action(), line, style)).append('\n');
            String previous = ChangeSyntax.previous(change, names);
            if (previous != null) out.append("      ").append(style.dim("was: " + previous)).append('\n');
        }
        out.append('\n').append(Summary.plan(plan)).append('\n');
        return out.toString();
    }

    private static boolean deletesEverything(HostPlan plan, DesiredState desired) {
        // after a plan, what routesync owns is what is desired: nothing left when nothing is desired
        return desired.rules().isEmpty() && desired.routes().isEmpty() && desired.tableNames().isEmpty() && plan.count(Action.DELETE) > 0;
    }

    /** {@code Warning: this plan deletes everything routesync owns on edge1 (3 routes, 2 rules, 1 table name).} */
    static String everythingWarning(String host, HostPlan plan) {
        int routes = 0;
        int rules = 0;
        int tables = 0;
        for (Change c : plan.changes()) {
            if (c.action() != Action.DELETE) continue;
            if (c.entry() instanceof Route) routes++;
            else if (c.entry() instanceof Rule) rules++;
            else if (c.entry() instanceof TableName) tables++;
            else throw new AssertionError(c.entry());
        }
        return "Warning: this plan deletes everything routesync owns on " + host + " (" + count(routes, "route") + ", "
                + count(rules, "rule") + ", " + count(tables, "table name") + ").";
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String colour(Action action, String line, Style style) {
        switch (action) {
            case ADD: return style.green(line);
            case REPLACE: return style.yellow(line);
            case DELETE: return style.red(line);
            default: throw new AssertionError(action);
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

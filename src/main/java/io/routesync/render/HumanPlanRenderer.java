package io.routesync.render;

import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import io.routesync.parse.Names;

/**
 * The {@code terraform plan}-style view of one host's plan: a line per change in iproute2 syntax
 * marked {@code +}, {@code ~} or {@code -}, the replaced form under a {@code ~}, then the stable
 * summary line scripts grep for: {@code Plan: N to add, N to change, N to delete.}
 */
public final class HumanPlanRenderer {
    private HumanPlanRenderer() {
    }

    public static String render(String host, HostPlan plan, Names names, Style style) {
        StringBuilder out = new StringBuilder();
        if (plan.isEmpty()) {
            out.append(style.green("No changes.")).append(' ').append(capitalize(host))
                    .append(" matches the desired state.\n");
            return out.toString();
        }
        out.append("routesync will perform these changes on ").append(style.bold(host)).append(":\n\n");
        for (Change change : plan.changes()) {
            String line = change.action().symbol() + " " + ChangeSyntax.command(change, names, plan.namesFile());
            out.append("  ").append(colour(change.action(), line, style)).append('\n');
            String previous = ChangeSyntax.previous(change, names);
            if (previous != null) out.append("      ").append(style.dim("was: " + previous)).append('\n');
        }
        out.append('\n').append(summary(plan)).append('\n');
        return out.toString();
    }

    /** {@code Plan: N to add, N to change, N to delete.} */
    public static String summary(HostPlan plan) {
        return "Plan: " + plan.count(Action.ADD) + " to add, " + plan.count(Action.REPLACE) + " to change, "
                + plan.count(Action.DELETE) + " to delete.";
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

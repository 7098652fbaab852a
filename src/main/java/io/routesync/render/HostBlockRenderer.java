package io.routesync.render;

import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.iproute2.Names;

/**
 * The pieces of one host's block in a fleet run's human output: a header rule naming the host, its
 * plan (the single-host view), and a failure as one paragraph. Blocks are printed whole, in inventory
 * order, so a host's lines are never mixed with another's.
 */
public final class HostBlockRenderer {
    /** Header rules stop here even on a wide terminal; a log gets the same. */
    private static final int RULE_WIDTH = 72;

    private HostBlockRenderer() {
    }

    /** {@code --- edge1 -----...}, as wide as the terminal allows (72 at most). */
    public static String header(String host, Style style, int width) {
        int rule = width <= 0 ? RULE_WIDTH : Math.min(RULE_WIDTH, width);
        String head = "--- " + host + " ";
        StringBuilder line = new StringBuilder(head);
        while (line.length() < rule) line.append('-');
        return style.bold(TextWidth.cut(line.toString(), width)) + "\n";
    }

    /** The host's plan; an empty one as one line that keeps the host's name as written. */
    public static String plan(String host, HostPlan plan, Names names, Style style, DesiredState desired) {
        if (plan.isEmpty()) return style.green("No changes.") + " " + host + " matches the desired state.\n";
        return HumanPlanRenderer.render(host, plan, names, style, desired);
    }

    /** What reading the host warned about, a paragraph each, wrapped to the terminal; empty when nothing. */
    public static String warnings(java.util.List<String> warnings, Style style, int width) {
        StringBuilder b = new StringBuilder();
        for (String w : warnings) {
            b.append(style.yellow("warning: ")).append(TextWidth.wrap(w, width <= 0 ? 0 : Math.max(20, width - 9))).append('\n');
        }
        return b.toString();
    }

    /** Why the host has no plan or no result: one paragraph, wrapped to the terminal. */
    public static String failure(String host, boolean unreachable, String detail, Style style, int width) {
        String head = unreachable ? host + " is unreachable: " : host + " failed: ";
        return style.red("error: ") + TextWidth.wrap(head + detail, width <= 0 ? 0 : Math.max(20, width - 7)) + "\n";
    }
}

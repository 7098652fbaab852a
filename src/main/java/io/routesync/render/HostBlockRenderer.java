package io.routesync.render;

import io.routesync.iproute2.Names;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.run.HostRun;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One host's block in a fleet run's human output (-i, or a plan file of several hosts): a header rule
 * naming the host, then what the phase learned: its plan (the single-host view) or how its apply
 * ended, or a failure as one paragraph. Blocks are printed whole, in inventory order, so a host's
 * lines are never mixed with another's.
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

    /** The plan phase's block: the host's warnings, then its plan or why it has none. */
    public static String planned(HostRun run, Style style, int width) {
        StringBuilder b = new StringBuilder(header(run.name(), style, width));
        b.append(warnings(run.warnings(), style, width));
        if (run.failure() != null) b.append(failure(run, style, width));
        else b.append(plan(run.name(), run.plan(), run.spec().loaded().names(), style, run.spec().loaded().state()));
        return b.append('\n').toString();
    }

    /** The apply phase's block: the plans the host was re-planned to while waiting, then how its apply ended. */
    public static String applied(HostRun run, Style style, int width) {
        StringBuilder b = new StringBuilder(header(run.name(), style, width));
        for (HostPlan replanned : run.replans()) {
            b.append(run.name()).append(" changed while waiting; applying the new plan:\n");
            b.append(HumanPlanRenderer.render(run.name(), replanned, run.spec().loaded().names(), style, run.spec().loaded().state()));
        }
        return b.append(outcome(run, style, width)).append('\n').toString();
    }

    /** A saved host's block (apply PLAN): the saved plan, then how applying it ended. */
    public static String appliedSaved(HostRun run, Style style, int width) {
        return header(run.name(), style, width)
                + plan(run.name(), run.plan(), run.spec().loaded().names(), style, run.spec().loaded().state()) + "\n"
                + outcome(run, style, width) + "\n";
    }

    /** How the host's apply ended: its failure, or the apply's report and confirmation; the management check's note first. */
    private static String outcome(HostRun run, Style style, int width) {
        StringBuilder b = new StringBuilder();
        if (run.note() != null) b.append("note: ").append(run.note()).append('\n');
        if (run.failure() != null) return b.append(failure(run, style, width)).toString();
        if (run.report() == null && run.confirm() == null) {
            return b.append("Nothing to apply: ").append(run.name()).append(" is as it was when planned.\n").toString();
        }
        StringWriter text = new StringWriter();
        PrintWriter w = new PrintWriter(text);
        ApplyView.print(run.name(), run.report(), run.confirm(), run.spec().loaded().names(), w, w, style);
        w.flush();
        return b.append(text).toString();
    }

    private static String failure(HostRun run, Style style, int width) {
        return failure(run.name(), run.failure().unreachable(), run.failure().detail(), style, width);
    }
}

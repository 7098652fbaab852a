package io.routesync.render;

import io.routesync.lookup.Step;

/** How {@link PolicyDot} styles what it draws: ownership fills, a plan's colours and marks, the paths' colours, a lookup step's words. */
final class DotStyle {
    /** What a plan does to an entry drawn. */
    enum Diff { NONE, ADD, DELETE, REPLACE }

    static final String OWNED_FILL = "#dbe9f6";
    private static final String KERNEL_FILL = "#eeeeee";
    private static final String ADD = "#1b7f2a";
    private static final String DELETE = "#c62828";
    private static final String REPLACE = "#d35400";
    static final String PATH = "#1f4fd6";
    static final String AFTER = "#8e24aa";

    private DotStyle() {
    }

    static String outcome(Step.Outcome o) {
        switch (o) {
            case GOTO: return "goto";
            case GOTO_UNRESOLVED: return "goto: no such rule";
            case NOP: return "nop";
            case TABLE_MISS: return "no route in table";
            case THROW: return "throw";
            case SUPPRESSED: return "suppressed";
            default: return "";
        }
    }

    static String prefix(Diff d) {
        switch (d) {
            case ADD: return "+ ";
            case DELETE: return "- ";
            case REPLACE: return "~ ";
            default: return "";
        }
    }

    static String style(String mark, Diff diff) {
        String base;
        switch (mark) {
            case "owned": base = "style=\"rounded,filled\", fillcolor=\"" + OWNED_FILL + "\""; break;
            case "kernel": base = "style=\"rounded,filled\", fillcolor=\"" + KERNEL_FILL + "\", fontcolor=\"#555555\""; break;
            default: base = "style=\"rounded,dashed\"";
        }
        switch (diff) {
            case ADD: return "style=\"rounded,filled,bold\", fillcolor=\"#e3f5e1\", color=\"" + ADD + "\", fontcolor=\"" + ADD + "\", penwidth=2";
            case DELETE: return "style=\"rounded,dashed,bold\", color=\"" + DELETE + "\", fontcolor=\"" + DELETE + "\", penwidth=2";
            case REPLACE: return "style=\"rounded,filled,bold\", fillcolor=\"#fdebd0\", color=\"" + REPLACE + "\", fontcolor=\"" + REPLACE + "\", penwidth=2";
            default: return base;
        }
    }

    static String diffEdge(Diff d) {
        switch (d) {
            case ADD: return "color=\"" + ADD + "\"";
            case DELETE: return "color=\"" + DELETE + "\", style=dashed";
            case REPLACE: return "color=\"" + REPLACE + "\"";
            default: return "";
        }
    }
}

package io.routesync.cli;

import io.routesync.render.Style;

/** Whether output goes to a person at a terminal: decides colour and interactive prompts. */
final class Terminal {
    private Terminal() {
    }

    static boolean interactive() {
        return System.console() != null;
    }

    static Style style(boolean noColor) {
        boolean off = noColor || System.getenv("NO_COLOR") != null || "dumb".equals(System.getenv("TERM"));
        return !off && interactive() ? Style.color(TerminalSafeWriter.OWN_CSI) : Style.PLAIN;
    }
}

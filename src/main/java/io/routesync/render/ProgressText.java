package io.routesync.render;

/** The one-line progress of a fleet run, redrawn in place on a terminal: {@code planning 12/64 hosts (3 running)}. */
public final class ProgressText {
    private ProgressText() {
    }

    public static String line(String verb, int done, int running, int total, int width) {
        return TextWidth.cut(verb + " " + done + "/" + total + (total == 1 ? " host" : " hosts") + " (" + running + " running)", width);
    }
}

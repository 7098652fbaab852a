package io.routesync.cli;

import io.routesync.render.FleetOutput;
import io.routesync.render.ProgressText;
import io.routesync.render.Style;
import java.io.PrintWriter;

/**
 * Where a fleet run writes while it runs: whole host blocks to stdout, and on a terminal a progress
 * line on stderr that is erased before each block and drawn again after it, so the two never mix.
 * Callers serialize their calls (ParallelRun's listener does).
 */
final class FleetConsole implements FleetOutput {
    private static final String ERASE_LINE = TerminalSafeWriter.ERASE_LINE;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Screen screen;
    private final Style style;
    private String progress = "";

    FleetConsole(PrintWriter out, PrintWriter err, Screen screen, Style style) {
        this.out = out;
        this.err = err;
        this.screen = screen;
        this.style = style;
    }

    @Override
    public Style style() {
        return style;
    }

    @Override
    public int width() {
        return screen.width();
    }

    /** Shows {@code planning 3/8 hosts (2 running)}; a no-op unless stderr is a terminal. */
    @Override
    public void progress(String verb, int done, int running, int total) {
        if (!screen.progress()) return;
        // one column short of the width: writing the last column makes some terminals wrap early
        progress = ProgressText.line(verb, done, running, total, Math.max(0, screen.width() - 1));
        err.print(ERASE_LINE + progress);
        err.flush();
    }

    /** Prints a block (or any text) to stdout without tearing the progress line. */
    @Override
    public void print(String text) {
        if (screen.progress() && !progress.isEmpty()) {
            err.print(ERASE_LINE);
            err.flush();
        }
        out.print(text);
        out.flush();
        if (screen.progress() && !progress.isEmpty()) {
            err.print(progress);
            err.flush();
        }
    }

    /** Removes the progress line for good: the phase is over. */
    @Override
    public void endProgress() {
        if (screen.progress() && !progress.isEmpty()) {
            err.print(ERASE_LINE);
            err.flush();
        }
        progress = "";
    }
}

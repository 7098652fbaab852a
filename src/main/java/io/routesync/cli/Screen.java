package io.routesync.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * What a run's standard streams are connected to, as fleet output needs it: whether stderr is a
 * terminal (then a progress line is drawn there and redrawn in place) and how wide the terminal is
 * (status lines are cut to it, paragraphs wrapped). {@link Main#main} looks; in-process runs (tests,
 * the demo) get {@link #NONE}, so their output is the same wherever they run.
 */
final class Screen {
    static final Screen NONE = new Screen(false, () -> 0);
    private static final int FALLBACK_WIDTH = 80;

    private final boolean progress;
    /** Asked once, when fleet output first needs the width: on a terminal it may start stty (a program). */
    private final IntSupplier columns;
    private int width = -1;

    Screen(boolean progress, IntSupplier columns) {
        this.progress = progress;
        this.columns = columns;
    }

    /** Whether to draw a progress line on stderr. */
    boolean progress() {
        return progress;
    }

    /**
     * The terminal's columns when stdout or stderr is a terminal; 0 (no limit) for pipes and files.
     * Worked out on first use: only fleet output asks, so no other run starts stty for it.
     */
    synchronized int width() {
        if (width < 0) width = columns.getAsInt();
        return width;
    }

    static Screen detect() {
        boolean dumb = "dumb".equals(System.getenv("TERM"));
        boolean errTerminal = !dumb && isTerminal(2);
        boolean outTerminal = isTerminal(1);
        return new Screen(errTerminal, outTerminal || errTerminal ? Screen::columns : () -> 0);
    }

    // Java 17 can only tell whether stdin and stdout both are a terminal (System.console()); the
    // progress line needs to know about stderr alone, so ask the kernel where the descriptor points.
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    private static int columns() {
        String env = System.getenv("COLUMNS");
        if (env != null && env.matches("[0-9]{1,4}") && Integer.parseInt(env) >= 20) return Integer.parseInt(env);
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (stty.waitFor(1, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                String[] rowsCols = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split(" ");
                if (rowsCols.length == 2 && rowsCols[1].matches("[0-9]{1,4}")) {
                    int cols = Integer.parseInt(rowsCols[1]);
                    if (cols >= 20) return cols;
                }
            } else {
                stty.destroyForcibly();
            }
        } catch (IOException e) {
            // no stty or no /dev/tty: the usual width
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return FALLBACK_WIDTH;
    }
}

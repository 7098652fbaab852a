package io.routesync.render;

/**
 * Where a fleet view writes while a run goes: whole blocks to stdout and, on a terminal, a progress
 * line that never mixes with them. The CLI's console is one; calls never overlap.
 */
public interface FleetOutput {
    /** Shows {@code planning 3/8 hosts (2 running)} (nothing unless on a terminal). */
    void progress(String verb, int done, int running, int total);

    /** Prints a block (or any text) without tearing the progress line. */
    void print(String text);

    /** Removes the progress line for good: the phase is over. */
    void endProgress();

    Style style();

    /** The terminal's width, or 0 when not on one. */
    int width();
}

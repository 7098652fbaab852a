package io.routesync.transport;

/**
 * Follows a program's output while it comes ({@link ProcessRunner#run(String, java.util.List, byte[],
 * java.time.Duration, OutputWatcher)}), on a thread of its own: for work on the output that need not wait for
 * its end ({@link StreamedRead}). What the run returns is the same with or without one.
 */
interface OutputWatcher {
    /** Reads {@code out} as it comes ({@link OutputDrain#follow}) until it ends; never throws. */
    void watch(OutputDrain out);
}

package io.routesync.transport;

/**
 * Follows a program's output while it comes ({@link ProcessRunner#run(String, java.util.List, byte[],
 * java.time.Duration, OutputWatcher)}), on a thread of its own: for work on the output that need not wait for
 * its end ({@link StreamedRead}). What the run returns is the same with or without one.
 */
interface OutputWatcher {
    /** Reads {@code out} as it comes ({@link OutputDrain#follow}) until it ends; never throws. */
    void watch(OutputDrain out);

    /**
     * Starts {@link #watch} on a daemon thread of its own (a class, not a lambda: a lambda the class-data
     * archive lacks costs ms to link on the way to the read).
     */
    default void start(OutputDrain out) {
        Thread t = new Thread(new Watching(this, out), "routesync-watch");
        t.setDaemon(true);
        t.start();
    }

    /** {@link #watch} as a thread's work. */
    record Watching(OutputWatcher watcher, OutputDrain out) implements Runnable {
        @Override
        public void run() {
            watcher.watch(out);
        }
    }
}

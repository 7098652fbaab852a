package io.routesync.run.watch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * When {@code watch --repo} looks at its repository: at the start, then {@code interval} after the
 * previous look ended, and at once when asked (SIGHUP). On a daemon thread of its own, so a slow or hung
 * fetch never holds up the watch's loop and its heals; looks never overlap, and asks during a look make
 * one more look after it. A look in progress is not interrupted by {@link #stop()} (JGit would leave
 * lock files in the cache): it ends with the process.
 */
final class RepoLooks {
    /** One look; {@code why} for the log ("start", "reload requested", "every 300 s"); {@code asked}: by SIGHUP. */
    interface Look {
        void run(String why, boolean asked);
    }

    private final Duration interval;
    private final Look look;
    private final Thread thread;
    private boolean asked;
    private boolean stopped;

    RepoLooks(Duration interval, Look look) {
        this.interval = interval;
        this.look = look;
        this.thread = new Thread(this::loop, "watch-repo");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    synchronized void ask() {
        asked = true;
        notifyAll();
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    private void loop() {
        String why = "start";
        boolean byAsk = false;
        try {
            while (true) {
                look.run(why, byAsk);
                synchronized (this) {
                    long due = System.nanoTime() + interval.toNanos();
                    long left;
                    while (!stopped && !asked && (left = due - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.timedWait(this, left);
                    if (stopped) return;
                    byAsk = asked;
                    asked = false;
                    why = byAsk ? "reload requested" : "every " + interval.toSeconds() + " s";
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

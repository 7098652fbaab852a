package io.routesync.run.watch;

import io.routesync.model.TableId;
import io.routesync.transport.IpMonitor;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * When the watch loop has something to do: what the monitor, the signals and the source (news of a
 * background look) asked for since it last looked, kept as counts and flags (bounded, however many
 * events come), and the one wait it may be in.
 * No polling: the loop blocks on this object's monitor until a signal, an event or a due time. A burst of
 * events is due once they paused for {@code quiet}, at most {@code maxDelay} after its first. A hold (a
 * deferred heal, a retry after a failure) makes the next convergence due at its time: a back-off's hold
 * is firm (events do not bring it forward); a failure's is not, but events bring it forward by at most
 * a floor of {@code retry} unless they include a link or address change (the link is back).
 */
final class Wakeups {
    /**
     * What to do next: stop, reload, restart the monitor ({@code monitorEnded}: why it ended), or converge
     * ({@code linkEvent}: after a burst with a link or address change, which the kernel makes, not a writer).
     */
    record Step(String why, long eventAt, String monitorEnded, boolean linkEvent) {
        static final Step STOP = new Step("stop", -1, null, false);
        static final Step RELOAD = new Step("reload", -1, null, false);
        /** The source has news (a new state, something to log). */
        static final Step NEWS = new Step("news", -1, null, false);
    }

    private final Watcher.Settings settings;
    private int events;
    private String firstEvent;
    private long firstEventAt;
    private long lastEventAt;
    /** The burst holds a link or address event. */
    private boolean linkEvent;
    private boolean stopAsked;
    private boolean reloadAsked;
    private boolean newsCame;
    private String monitorEnded;
    private long monitorStartedAt;
    /** A convergence is due at {@link #holdUntil} (a retry, a deferred heal). */
    private boolean retry;
    private long holdUntil;
    /** The hold is a back-off: events do not bring it forward. */
    private boolean firm;
    /** After a failure, events bring the retry forward, but not before this: at most one failing apply a second. */
    private long retryFloor;

    Wakeups(Watcher.Settings settings) {
        this.settings = settings;
    }

    synchronized void reload() {
        reloadAsked = true;
        notifyAll();
    }

    /** The source has news: taken on the loop, after a reload asked for, before events. */
    synchronized void news() {
        newsCame = true;
        notifyAll();
    }

    synchronized void stop() {
        stopAsked = true;
        notifyAll();
    }

    synchronized void monitorStarted() {
        monitorStartedAt = System.nanoTime();
    }

    /** The next convergence is due at {@code until} (nanoTime); {@code backoff}: a firm hold. */
    synchronized void hold(long until, boolean backoff) {
        retry = true;
        firm = backoff;
        holdUntil = until;
        retryFloor = System.nanoTime() + settings.retry().toNanos();
    }

    /** The monitor's listener: events that can matter to the current {@code tables} count. */
    IpMonitor.Listener listener(Supplier<Set<TableId>> tables) {
        return new IpMonitor.Listener() {
            @Override
            public void line(String line) {
                if (EventFilter.matters(line, tables.get())) event(line, System.nanoTime());
            }

            @Override
            public void ended(String why) {
                synchronized (Wakeups.this) {
                    monitorEnded = why;
                    Wakeups.this.notifyAll();
                }
            }
        };
    }

    private synchronized void event(String line, long now) {
        if (events++ == 0) {
            firstEvent = line;
            firstEventAt = now;
        }
        lastEventAt = now;
        linkEvent |= line.startsWith("[LINK]") || line.startsWith("[ADDR]");
        notifyAll();
    }

    /** Waits (without polling) until something is due, and takes it. */
    synchronized Step next() throws InterruptedException {
        while (true) {
            if (stopAsked) return Step.STOP;
            if (reloadAsked) {
                reloadAsked = false;
                return Step.RELOAD;
            }
            if (newsCame) {
                newsCame = false;
                return Step.NEWS;
            }
            long now = System.nanoTime();
            // a monitor that ends at once is not restarted in a tight loop
            long restartAt = monitorStartedAt + settings.retry().toNanos();
            if (monitorEnded != null && now >= restartAt) {
                String why = monitorEnded;
                monitorEnded = null;
                return new Step("kernel events may have been missed while the monitor was down", -1, why, false);
            }
            long due = retry ? holdUntil : Long.MAX_VALUE;
            if (events > 0 && !(retry && firm)) {
                long burst = Math.min(lastEventAt + settings.quiet().toNanos(), firstEventAt + settings.maxDelay().toNanos());
                due = Math.min(due, retry && !linkEvent ? Math.max(burst, retryFloor) : burst);
            }
            if (monitorEnded != null) due = Math.min(due, restartAt);
            if (due <= now && (retry || events > 0)) {
                String why = events == 0 ? "retry" : EventFilter.describe(firstEvent) + (events > 1 ? " (+" + (events - 1) + " more)" : "");
                Step step = new Step(why, events == 0 ? -1 : firstEventAt, null, linkEvent);
                events = 0;
                firstEvent = null;
                linkEvent = false;
                retry = false;
                return step;
            }
            if (due == Long.MAX_VALUE) wait();
            else TimeUnit.NANOSECONDS.timedWait(this, due - now);
        }
    }
}

package io.routesync.apply;

import io.routesync.plan.Planner;
import java.util.List;
import java.util.function.Supplier;

/**
 * Work started now on a thread of its own and taken later, where it is needed: an apply prepares what
 * only a batch needs (the kept copy of the desired state, the digests its record names) while the host
 * is read and the plan is made, on the other core. What the work threw is thrown where it is taken.
 */
final class Ahead<T> {
    private final Thread thread;
    private volatile T value;
    private volatile Throwable thrown;

    private Ahead(String name, Supplier<T> work) {
        this.thread = new Thread(() -> {
            try {
                value = work.get();
            } catch (RuntimeException | Error e) {
                thrown = e;
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Two pieces of work at once: the second on a thread of its own, the first on the caller's (the fingerprint's halves). */
    static final Planner.Halves HALVES = new Planner.Halves() {
        @Override
        public <T> List<T> both(Supplier<T> first, Supplier<T> second) {
            Ahead<T> other = start("routesync-half", second);
            T one = first.get();
            return List.of(one, other.get());
        }
    };

    static <T> Ahead<T> start(String name, Supplier<T> work) {
        Ahead<T> ahead = new Ahead<>(name, work);
        ahead.thread.start();
        return ahead;
    }

    /** The work's result, once it is done (waiting for it if need be). */
    T get() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the work is bounded: finish waiting, and say so afterwards
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Throwable t = thrown;
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        return value;
    }
}

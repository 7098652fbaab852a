package io.routesync.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Runs one task per host on a bounded pool (--forks) and hands the results back in host order as
 * soon as a result and all before it are in, so output blocks are never interleaved and appear as
 * early as the order allows. Every callback runs under one lock: a listener may write to the
 * terminal without further care. Tasks report their failures in their result; one that throws
 * anyway (a bug, a StackOverflowError, an OutOfMemoryError while reading one host) gets its result
 * from {@code failed}, in its place in the order: one host's failure never stops the others or the run.
 * Only a listener's own exception, or {@code failed} itself throwing, is rethrown once all have finished.
 */
public final class ParallelRun<R> {

    /** What a run reports while it goes; calls never overlap. */
    public interface Listener<R> {
        /** A task started or finished. */
        default void progress(int done, int running, int total) {
        }

        /** {@code result} is the next in order: every result before it was delivered already. */
        void next(int index, R result);
    }

    private final int total;
    private final List<R> results;
    private final Listener<R> listener;
    private int done;
    private int running;
    private int delivered;
    private final boolean[] finished;

    private ParallelRun(int total, Listener<R> listener) {
        this.total = total;
        this.listener = listener;
        this.results = new ArrayList<>(total);
        for (int i = 0; i < total; i++) results.add(null);
        this.finished = new boolean[total];
    }

    /**
     * Runs {@code task} for 0..count-1 with at most {@code forks} at a time; returns the results in order.
     * A task that throws anything gets {@code failed.apply(index, thrown)} as its result.
     */
    public static <R> List<R> run(int count, int forks, IntFunction<R> task, BiFunction<Integer, Throwable, R> failed,
            Listener<R> listener) throws InterruptedException {
        if (forks < 1) throw new IllegalArgumentException("forks must be at least 1");
        ParallelRun<R> run = new ParallelRun<>(count, listener);
        if (count == 0) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(forks, count), daemonThreads());
        try {
            List<Future<?>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> run.one(index, task, failed)));
            }
            Throwable first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    // not a host's failure (those became results): a listener's or failed's own; every host still ran
                    if (first == null) first = e.getCause();
                }
            }
            if (first instanceof Error) throw (Error) first;
            if (first instanceof RuntimeException) throw (RuntimeException) first;
            if (first != null) throw new IllegalStateException(first);
            return List.copyOf(run.results);
        } finally {
            pool.shutdownNow();
        }
    }

    private void one(int index, IntFunction<R> task, BiFunction<Integer, Throwable, R> failed) {
        synchronized (this) {
            running++;
            listener.progress(done, running, total);
        }
        R result = null;
        try {
            try {
                result = task.apply(index);
            } catch (Throwable thrown) {
                // whatever one host's task throws ends that host only; its memory (an OutOfMemoryError's
                // cause) is garbage once the task is gone. An interrupt stays set for the pool to see.
                result = failed.apply(index, thrown);
            }
        } finally {
            synchronized (this) {
                running--;
                done++;
                results.set(index, result);
                finished[index] = true;
                listener.progress(done, running, total);
                // deliver the longest finished prefix; a null result (failed threw) is skipped
                while (delivered < total && finished[delivered]) {
                    R r = results.get(delivered);
                    if (r != null) listener.next(delivered, r);
                    delivered++;
                }
            }
        }
    }

    // the workers only wait for processes; they must not keep the JVM alive after main has returned
    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "routesync-fork");
            t.setDaemon(true);
            return t;
        };
    }
}

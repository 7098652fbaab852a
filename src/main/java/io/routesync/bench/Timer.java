package io.routesync.bench;

import java.util.Arrays;

/** Runs a piece of work a few times after a warm-up and reports the best and the median wall time. */
public final class Timer {
    /** Wall times of the measured runs, in milliseconds. */
    public record Result(double bestMs, double medianMs) {
    }

    /** Something to time; returns a value so the JIT cannot drop the work. */
    public interface Work {
        Object run() throws Exception;
    }

    private Timer() {
    }

    public static Result time(int warmups, int runs, Work work) throws Exception {
        for (int i = 0; i < warmups; i++) consume(work.run());
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            consume(work.run());
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new Result(ms[0], ms[runs / 2]);
    }

    private static volatile int sink;

    private static void consume(Object o) {
        sink += System.identityHashCode(o);
    }

    /** Heap in use after a full collection, in MiB. */
    public static long heapMiB() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}

package io.routesync.testing;

import java.lang.management.ManagementFactory;

/**
 * The bytes a piece of code allocates on the calling thread (HotSpot's per-thread counter): for tests
 * that bound what a step allocates per route, since at 100k routes an allocation per route decides
 * whether a plan's run collects garbage at all (docs/speed.md).
 */
public final class Allocations {
    private Allocations() {
    }

    /** Something to measure; may throw. */
    public interface Step {
        void run() throws Exception;
    }

    /** The bytes {@code step} allocated on this thread. */
    public static long of(Step step) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        step.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}

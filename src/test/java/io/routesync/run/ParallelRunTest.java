package io.routesync.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Results come back in host order, as early as the order allows, never more than --forks at once. */
class ParallelRunTest {

    @Test
    void resultsAreDeliveredInOrderWhateverOrderTheyFinishIn() throws InterruptedException {
        Random random = new Random(42);
        int[] delays = new int[40];
        for (int i = 0; i < delays.length; i++) delays[i] = random.nextInt(20);
        List<Integer> delivered = new ArrayList<>();
        List<String> results = ParallelRun.run(delays.length, 8, i -> {
            sleep(delays[i]);
            return "host" + i;
        }, (i, thrown) -> "failed", (index, result) -> {
            assertEquals("host" + index, result);
            delivered.add(index);
        });
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < delays.length; i++) expected.add(i);
        assertEquals(expected, delivered);
        assertEquals("host0", results.get(0));
        assertEquals("host39", results.get(39));
    }

    @Test
    void aBlockIsDeliveredAsSoonAsItAndAllBeforeItAreDone() throws InterruptedException {
        // host 2 takes long; hosts 0 and 1 must be delivered while it is still running
        CountDownLatch slowMayFinish = new CountDownLatch(1);
        List<Integer> deliveredBeforeSlowFinished = new ArrayList<>();
        ParallelRun.run(3, 3, i -> {
            if (i == 2) await(slowMayFinish);
            return i;
        }, (i, thrown) -> -1, (index, result) -> {
            if (slowMayFinish.getCount() == 1) deliveredBeforeSlowFinished.add(index);
            if (index == 1) slowMayFinish.countDown();
        });
        assertEquals(List.of(0, 1), deliveredBeforeSlowFinished);
    }

    @Test
    void neverMoreThanForksAtOnce() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Integer> seenRunning = new ArrayList<>();
        ParallelRun.run(30, 4, i -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(5);
            running.decrementAndGet();
            return i;
        }, (i, thrown) -> -1, new ParallelRun.Listener<Integer>() {
            @Override
            public void progress(int done, int now, int total) {
                seenRunning.add(now);
                assertEquals(30, total);
            }

            @Override
            public void next(int index, Integer result) {
            }
        });
        assertTrue(most.get() <= 4 && most.get() >= 2, "at most 4 at once, and really in parallel: " + most.get());
        assertTrue(seenRunning.stream().allMatch(n -> n <= 4), seenRunning.toString());
        assertEquals(0, seenRunning.get(seenRunning.size() - 1));
    }

    @Test
    void aTaskThatThrowsAnythingFailsAloneInItsPlace() throws InterruptedException {
        // an Error (a host whose reading exhausts the heap, a deep recursion) must not abort the run
        List<String> delivered = new ArrayList<>();
        List<String> results = ParallelRun.run(6, 2, i -> {
            if (i == 1) throw new IllegalStateException("boom");
            if (i == 2) throw new OutOfMemoryError("Java heap space");
            if (i == 3) throw new StackOverflowError();
            return "host" + i;
        }, (i, thrown) -> "host" + i + " failed: " + thrown, (index, result) -> delivered.add(result));
        List<String> expected = List.of("host0", "host1 failed: java.lang.IllegalStateException: boom",
                "host2 failed: java.lang.OutOfMemoryError: Java heap space", "host3 failed: java.lang.StackOverflowError",
                "host4", "host5");
        assertEquals(expected, results);
        assertEquals(expected, delivered);
    }

    @Test
    void aListenerThatThrowsIsRethrownOnceEveryHostHasRun() {
        AtomicInteger ran = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ParallelRun.run(5, 2, i -> {
            ran.incrementAndGet();
            return i;
        }, (i, thrown) -> -1, (index, result) -> {
            if (index == 1) throw new IllegalStateException("listener");
        }));
        assertEquals("listener", e.getMessage());
        assertEquals(5, ran.get());
    }

    private static void sleep(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "host 1 was not delivered while host 2 ran");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

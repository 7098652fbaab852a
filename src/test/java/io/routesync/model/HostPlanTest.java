package io.routesync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A deferred fingerprint is computed on first use, once, and the plan behaves as the record it was. */
class HostPlanTest {
    private static final String FP = "aa446ecf1bd0004e3de6ad3217dfde663c2360067cc720510b745558dcb7bebc";

    @Test
    void aDeferredFingerprintIsComputedOnFirstUseOnlyAndOnceForEveryCopy() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HostPlan plan = HostPlan.deferred(List.of(), () -> {
            calls.incrementAndGet();
            return FP;
        }, HostPlan.HOST_NAMES_FILE);
        HostPlan inNetns = plan.forNetns("blue");
        assertEquals(true, plan.isEmpty());
        assertEquals("rt_tables.d/routesync-netns-blue.conf", inNetns.namesFile());
        assertEquals(0, calls.get(), "a plan that is only shown never computes its fingerprint");
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            HostPlan either = i % 2 == 0 ? plan : inNetns;
            Thread t = new Thread(() -> assertEquals(FP, either.fingerprint()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        assertEquals(FP, plan.fingerprint());
        assertEquals(FP, inNetns.fingerprint());
        assertEquals(1, calls.get());
    }

    @Test
    void aFailedComputationIsNotRememberedAsAValue() {
        AtomicInteger calls = new AtomicInteger();
        HostPlan plan = HostPlan.deferred(List.of(), () -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("first");
            return FP;
        }, HostPlan.HOST_NAMES_FILE);
        assertThrows(IllegalStateException.class, plan::fingerprint);
        assertEquals(FP, plan.fingerprint());
    }

    @Test
    void equalsHashCodeAndToStringAreTheRecordsWhetherGivenOrDeferred() {
        HostPlan given = new HostPlan(List.of(), FP);
        HostPlan deferred = HostPlan.deferred(List.of(), () -> FP, HostPlan.HOST_NAMES_FILE);
        assertEquals(given, deferred);
        assertEquals(given.hashCode(), deferred.hashCode());
        assertEquals((31 * List.of().hashCode() + FP.hashCode()) * 31 + HostPlan.HOST_NAMES_FILE.hashCode(), given.hashCode());
        assertEquals("HostPlan[changes=[], fingerprint=" + FP + ", namesFile=rt_tables.d/routesync.conf]", deferred.toString());
        assertNotEquals(given, given.forNetns("blue"));
        assertNotEquals(given, new HostPlan(List.of(), "other"));
        assertNull(new HostPlan(List.of(), null).fingerprint());
        assertThrows(IllegalArgumentException.class, () -> new HostPlan(List.of(), FP, null));
    }
}

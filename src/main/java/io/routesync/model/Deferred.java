package io.routesync.model;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value given, or computed once on first use by whichever thread asks first: for digests that
 * cost a pass over every entry or input (a plan's fingerprint, an apply record's inputs digest) and
 * that only some commands read. A computation that throws is tried again on the next use. The
 * computation must read only immutable values, so that it gives later what it would have given now.
 */
public final class Deferred<T> {
    private Supplier<? extends T> compute;
    private T value;

    private Deferred(T value, Supplier<? extends T> compute) {
        this.value = value;
        this.compute = compute;
    }

    public static <T> Deferred<T> of(T value) {
        return new Deferred<>(value, null);
    }

    public static <T> Deferred<T> computed(Supplier<? extends T> compute) {
        return new Deferred<>(null, Objects.requireNonNull(compute));
    }

    /**
     * The value, worked out elsewhere from the same immutable inputs (on another thread, ahead of time):
     * taken instead of computing it here, unless it was computed already.
     */
    public synchronized void offer(T worked) {
        if (compute == null) return;
        value = worked;
        compute = null;
    }

    public synchronized T get() {
        if (compute != null) {
            value = compute.get();
            compute = null; // lets go of what it read
        }
        return value;
    }
}

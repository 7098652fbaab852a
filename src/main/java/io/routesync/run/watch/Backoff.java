package io.routesync.run.watch;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Never fight another writer for ever: per owned entry (its text), how often a heal put it back and
 * when last. Once an entry has been healed {@code free} times without a quiet {@code window} in
 * between, its next heal waits {@code base}, then twice that, and so on up to {@code cap} after its
 * previous heal. A quiet window forgets the entry. Times are {@code System.nanoTime()} values.
 */
final class Backoff {
    /** The entry that waits longest, how often it was healed, and until when (nanoTime). */
    record Wait(String entry, int heals, long until) {
    }

    private record History(int heals, long last) {
    }

    private final int free;
    private final Duration base;
    private final Duration cap;
    private final Duration window;
    private final Map<String, History> entries = new HashMap<>();

    Backoff(int free, Duration base, Duration cap, Duration window) {
        this.free = free;
        this.base = base;
        this.cap = cap;
        this.window = window;
    }

    /** How long a heal touching {@code touched} must wait at {@code now}; null when it may run now. */
    Wait check(Collection<String> touched, long now) {
        Wait longest = null;
        for (String e : touched) {
            History h = current(e, now);
            if (h == null || h.heals() < free) continue;
            long until = h.last() + delay(h.heals()).toNanos();
            if (until > now && (longest == null || until > longest.until())) longest = new Wait(e, h.heals(), until);
        }
        return longest;
    }

    /** Records a heal of {@code touched} at {@code now}. */
    void healed(Collection<String> touched, long now) {
        for (String e : touched) {
            History h = current(e, now);
            entries.put(e, new History(h == null ? 1 : h.heals() + 1, now));
        }
        // bounded: entries quiet for a window are forgotten
        entries.values().removeIf(h -> now - h.last() > quiet(h.heals()));
    }

    /** Forgets every entry (a new desired state: changing back is no longer a fight). */
    void reset() {
        entries.clear();
    }

    /** The wait after the {@code heals}-th heal: base, doubling, capped. */
    Duration delay(int heals) {
        int doublings = Math.min(30, Math.max(0, heals - free));
        Duration d = base.multipliedBy(1L << doublings);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private History current(String entry, long now) {
        History h = entries.get(entry);
        return h == null || now - h.last() > quiet(h.heals()) ? null : h;
    }

    /** How long an entry must stay untouched to be forgotten: the window after its current wait. */
    private long quiet(int heals) {
        return window.toNanos() + (heals >= free ? delay(heals).toNanos() : 0);
    }
}

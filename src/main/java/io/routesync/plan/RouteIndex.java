package io.routesync.plan;

import io.routesync.model.IpAddress;
import io.routesync.model.Prefix;
import io.routesync.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Live routes by kernel identity ({@link Route#key()}), for million-route tables: open addressing over
 * plain arrays, the key compared field by field, so building and probing allocate nothing per route
 * (a {@code HashMap<Route.Key, ...>} allocates a key, a node and a value per route, which all survive
 * into the old generation and dominate a plan's time). Each slot also remembers the desired route
 * matched to it. {@link #sameKey} must agree with {@code Route.Key.equals}; a test holds it to that.
 */
final class RouteIndex {
    private final Route[] live;
    private final Route[] desired;
    private final int mask;
    /** Further live routes of a slot whose key the kernel holds several times (ip route append); rare. */
    private final Map<Integer, List<Route>> more = new HashMap<>();

    RouteIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        live = new Route[capacity];
        desired = new Route[capacity];
        mask = capacity - 1;
    }

    /** Adds a live route; an exact repeat is dropped (the kernel refuses those, so it is a reading artefact). */
    void add(Route r) {
        int slot = probe(r);
        if (live[slot] == null) {
            live[slot] = r;
        } else if (!live[slot].equals(r)) {
            List<Route> others = more.computeIfAbsent(slot, k -> new ArrayList<>(1));
            if (!others.contains(r)) others.add(r);
        }
    }

    /** The slot of the live routes with this route's key, or -1. */
    int find(Route r) {
        int slot = probe(r);
        return live[slot] == null ? -1 : slot;
    }

    /** The first live route read with the slot's key. */
    Route first(int slot) {
        return live[slot];
    }

    /** Every live route with the slot's key, first one first. */
    List<Route> all(int slot) {
        List<Route> others = more.get(slot);
        if (others == null) return List.of(live[slot]);
        List<Route> all = new ArrayList<>(others.size() + 1);
        all.add(live[slot]);
        all.addAll(others);
        return all;
    }

    boolean several(int slot) {
        return more.containsKey(slot);
    }

    Route desired(int slot) {
        return desired[slot];
    }

    void setDesired(int slot, Route r) {
        desired[slot] = r;
    }

    /** Occupied slots are visited by index from 0 to {@code capacity() - 1}. */
    int capacity() {
        return live.length;
    }

    boolean occupied(int slot) {
        return live[slot] != null;
    }

    private int probe(Route r) {
        int slot = hash(r) & mask;
        while (live[slot] != null && !sameKey(live[slot], r)) slot = (slot + 1) & mask;
        return slot;
    }

    static int hash(Route r) {
        long h = mix(r.dst()) * 31 + r.table().id();
        h = h * 31 + r.metric();
        h = h * 31 + r.tos();
        h = h * 31 + r.family().ordinal();
        if (r.from() != null) h = h * 31 + mix(r.from());
        h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
        h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
        return (int) (h ^ (h >>> 32));
    }

    private static long mix(Prefix p) {
        IpAddress a = p.address();
        return (a.hi() * 0x9E3779B97F4A7C15L + a.lo()) * 0xBF58476D1CE4E5B9L + p.length();
    }

    /** The same kernel identity as {@code a.key().equals(b.key())}, without building keys. */
    static boolean sameKey(Route a, Route b) {
        return a.metric() == b.metric() && a.dst().length() == b.dst().length() && a.tos() == b.tos()
                && a.dst().address().lo() == b.dst().address().lo() && a.dst().address().hi() == b.dst().address().hi()
                && a.family() == b.family() && a.table().id() == b.table().id() && Objects.equals(a.from(), b.from());
    }
}

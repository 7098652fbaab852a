package io.routesync.plan;

import io.routesync.model.Route;
import io.routesync.model.RouteKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Live routes by kernel identity ({@link Route#key()}), for million-route tables: open addressing over
 * plain arrays, the key compared field by field, so building and probing allocate nothing per route
 * (a {@code HashMap<Route.Key, ...>} allocates a key, a node and a value per route, which all survive
 * into the old generation and dominate a plan's time). Each slot also remembers the desired route
 * matched to it; keys are compared as {@link RouteKeys} does, the stored hash first.
 */
final class RouteIndex {
    private final Route[] live;
    private final Route[] desired;
    /** Each occupied slot's {@link RouteKeys#hash}. */
    private final int[] hashes;
    private final int mask;
    /** Further live routes of a slot whose key the kernel holds several times (ip route append); rare. */
    private final Map<Integer, List<Route>> more = new HashMap<>();

    RouteIndex(int expected) {
        int capacity = RouteKeys.capacity(expected);
        live = new Route[capacity];
        desired = new Route[capacity];
        hashes = new int[capacity];
        mask = capacity - 1;
    }

    /** Adds a live route; an exact repeat is dropped (the kernel refuses those, so it is a reading artefact). */
    void add(Route r) {
        int h = RouteKeys.hash(r);
        int slot = probe(r, h);
        if (live[slot] == null) {
            live[slot] = r;
            hashes[slot] = h;
        } else if (!live[slot].equals(r)) {
            List<Route> others = more.computeIfAbsent(slot, k -> new ArrayList<>(1));
            if (!others.contains(r)) others.add(r);
        }
    }

    /** The slot of the live routes with this route's key, or -1. */
    int find(Route r) {
        int slot = probe(r, RouteKeys.hash(r));
        return live[slot] == null ? -1 : slot;
    }

    /** The first live route read with the slot's key. */
    Route first(int slot) {
        return live[slot];
    }

    /** Every live route with the slot's key, first one first. */
    List<Route> all(int slot) {
        List<Route> others = more.isEmpty() ? null : more.get(slot);
        if (others == null) return List.of(live[slot]);
        List<Route> all = new ArrayList<>(others.size() + 1);
        all.add(live[slot]);
        all.addAll(others);
        return all;
    }

    boolean several(int slot) {
        // (no Integer boxed per route when, as almost always, no key is held twice)
        return !more.isEmpty() && more.containsKey(slot);
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

    private int probe(Route r, int h) {
        int slot = h & mask;
        // the stored hash first: a slot of another key is passed without reading its route (a cache miss)
        while (live[slot] != null && (hashes[slot] != h || !RouteKeys.sameKey(live[slot], r))) slot = (slot + 1) & mask;
        return slot;
    }
}

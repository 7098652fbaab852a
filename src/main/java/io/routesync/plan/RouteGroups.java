package io.routesync.plan;

import io.routesync.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Observed routes grouped by kernel identity. Usually one route per key, but {@code ip route append}
 * lets IPv4 hold several routes with one key, so a key maps to one route or, rarely, to a list.
 * Exact duplicates are dropped: the kernel refuses them, so they can only be a reading artefact.
 */
final class RouteGroups {
    private final Map<Route.Key, Object> byKey;

    RouteGroups(int expected) {
        byKey = new HashMap<>(Math.max(16, (int) (expected / 0.75f) + 1));
    }

    static RouteGroups of(List<Route> routes) {
        RouteGroups groups = new RouteGroups(routes.size());
        for (Route r : routes) groups.add(r);
        return groups;
    }

    void add(Route route) {
        Route.Key key = route.key();
        Object held = byKey.putIfAbsent(key, route);
        if (held == null) return;
        if (held instanceof Route) {
            if (held.equals(route)) return;
            List<Route> several = new ArrayList<>(2);
            several.add((Route) held);
            several.add(route);
            byKey.put(key, several);
        } else {
            @SuppressWarnings("unchecked")
            List<Route> several = (List<Route>) held;
            if (!several.contains(route)) several.add(route);
        }
    }

    /** The routes with this key, in the order they were added; empty when none. */
    @SuppressWarnings("unchecked")
    List<Route> get(Route.Key key) {
        Object held = byKey.get(key);
        if (held == null) return List.of();
        return held instanceof Route ? List.of((Route) held) : (List<Route>) held;
    }

    Set<Route.Key> keys() {
        return byKey.keySet();
    }

    Set<Map.Entry<Route.Key, Object>> entries() {
        return byKey.entrySet();
    }

    /** The routes of one {@link #entries()} value. */
    @SuppressWarnings("unchecked")
    static List<Route> routesOf(Object held) {
        return held instanceof Route ? List.of((Route) held) : (List<Route>) held;
    }
}

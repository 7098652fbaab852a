package io.routesync.iproute2;

import io.routesync.model.NextHop;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of each next-hop list across the routes of one read (a state load, a table dump): a
 * million routes through the same gateway and device then share one list instead of holding a million
 * equal copies (its gateway, device and name included). Values are immutable, so sharing changes no
 * meaning. Bounded: past {@link #MAX_VALUES} distinct lists, further ones are kept as they come.
 */
public final class SharedValues {
    static final int MAX_VALUES = 1 << 14;

    private final Map<List<NextHop>, List<NextHop>> nexthops = new HashMap<>();

    /** The instance equal to {@code hops} seen first, or {@code hops} itself. */
    List<NextHop> nexthops(List<NextHop> hops) {
        if (hops.isEmpty()) return hops;
        List<NextHop> known = nexthops.get(hops);
        if (known != null) return known;
        if (nexthops.size() < MAX_VALUES) nexthops.put(hops, hops);
        return hops;
    }
}

package io.routesync.model;

import java.util.Objects;

/**
 * A route's kernel identity ({@link Route#key()}) hashed and compared field by field, without building
 * the key: for tables of a million routes kept in open-addressing arrays (the plan's live routes, the
 * loader's first declaration of each key), where a {@code HashMap<Route.Key, ...>} allocates a key and
 * a node per route. {@link #sameKey} agrees with {@code Route.Key.equals} (RouteIndexTest holds it).
 */
public final class RouteKeys {
    private RouteKeys() {
    }

    /** A well-mixed hash of the route's key; equal keys hash alike. */
    public static int hash(Route r) {
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
    public static boolean sameKey(Route a, Route b) {
        return a == b || a.metric() == b.metric() && a.dst().length() == b.dst().length() && a.tos() == b.tos()
                && a.dst().address().lo() == b.dst().address().lo() && a.dst().address().hi() == b.dst().address().hi()
                && a.family() == b.family() && a.table().id() == b.table().id() && Objects.equals(a.from(), b.from());
    }

    /** A power-of-two table size for {@code n} keys, at most half full. */
    public static int capacity(int n) {
        return Integer.highestOneBit(Math.max(16, n * 2 - 1)) << 1;
    }
}

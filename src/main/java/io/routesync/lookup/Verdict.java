package io.routesync.lookup;

import io.routesync.model.RouteType;

/** How a lookup ends: the packet is delivered somewhere, or the kernel refuses it with an error. */
public enum Verdict {
    /** Sent out of an interface (to a gateway or directly on the link). */
    UNICAST(true),
    /** Delivered to this host. */
    LOCAL(true),
    BROADCAST(true),
    MULTICAST(true),
    ANYCAST(true),
    /** Dropped silently ({@code blackhole} rule or route). */
    BLACKHOLE(false),
    /** Refused as unreachable ({@code unreachable} rule or route). */
    UNREACHABLE(false),
    /** Refused as administratively prohibited ({@code prohibit} rule or route). */
    PROHIBIT(false),
    /** A {@code nat} route: obsolete, the kernel refuses it. */
    NAT(false),
    /** No rule led to a route (every table missed or threw). */
    NO_ROUTE(false),
    /** A packet this host sends from an address that is not one of its own. */
    BAD_SOURCE(false),
    /** A forwarded packet whose route is of a type that cannot forward (multicast, anycast, ...). */
    MARTIAN(false);

    private final boolean delivers;

    Verdict(boolean delivers) {
        this.delivers = delivers;
    }

    /** True when the packet goes somewhere (out of an interface or to this host). */
    public boolean delivers() {
        return delivers;
    }

    /** The verdict of reaching a route of {@code type}; null for {@code throw}, which goes back to the rules. */
    static Verdict of(RouteType type) {
        switch (type) {
            case UNICAST: return UNICAST;
            case LOCAL: return LOCAL;
            case BROADCAST: return BROADCAST;
            case MULTICAST: return MULTICAST;
            case ANYCAST: return ANYCAST;
            case BLACKHOLE: return BLACKHOLE;
            case UNREACHABLE: return UNREACHABLE;
            case PROHIBIT: return PROHIBIT;
            case NAT: return NAT;
            case THROW: return null;
            default: throw new AssertionError(type);
        }
    }
}

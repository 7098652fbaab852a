package io.routesync.model;

/**
 * The per-route TCP metrics iproute2 knows ({@code RTAX_*}), in the order it prints them. Each has a
 * kind that says how its value is written.
 */
public enum RouteMetric {
    MTU("mtu", Kind.NUMBER),
    WINDOW("window", Kind.NUMBER),
    RTT("rtt", Kind.MILLIS),
    RTTVAR("rttvar", Kind.MILLIS),
    SSTHRESH("ssthresh", Kind.NUMBER),
    CWND("cwnd", Kind.NUMBER),
    ADVMSS("advmss", Kind.NUMBER),
    REORDERING("reordering", Kind.NUMBER),
    HOPLIMIT("hoplimit", Kind.NUMBER),
    INITCWND("initcwnd", Kind.NUMBER),
    FEATURES("features", Kind.FEATURES),
    RTO_MIN("rto_min", Kind.MILLIS),
    INITRWND("initrwnd", Kind.NUMBER),
    QUICKACK("quickack", Kind.NUMBER),
    CONGCTL("congctl", Kind.NAME),
    FASTOPEN_NO_COOKIE("fastopen_no_cookie", Kind.NUMBER);

    /** How a metric's value is written: a number, milliseconds ({@code 100ms}, {@code 1.5s}), {@code ecn}, a name. */
    public enum Kind { NUMBER, MILLIS, FEATURES, NAME }

    private final String word;
    private final Kind kind;

    RouteMetric(String word, Kind kind) {
        this.word = word;
        this.kind = kind;
    }

    public String word() {
        return word;
    }

    public Kind kind() {
        return kind;
    }

    /** values() copies its array on every call; lookups run for every word of every route */
    private static final RouteMetric[] ALL = values();

    /** The metric for an iproute2 word, or null. */
    public static RouteMetric lookup(String word) {
        for (RouteMetric m : ALL) {
            if (m.word.equals(word)) return m;
        }
        return null;
    }
}

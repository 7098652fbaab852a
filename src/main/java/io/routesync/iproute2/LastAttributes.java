package io.routesync.iproute2;

/**
 * The words after the destination of the last route line {@link RouteShowParser} read, and what they
 * set. A dump prints the routes through one gateway one after another, each with the same words after
 * its destination, and what those words set depends only on them and the destination's family: a line
 * whose words after its destination are the same text, with a destination of the same family, takes
 * what they set as read, and the path list built from them (RouteShowReuseDifferentialTest holds this
 * to reading every word). Off: nothing is remembered, every line is read word by word.
 */
final class LastAttributes {
    private final boolean on;
    private final RouteFields last = new RouteFields();
    private int start = -1;
    private int length;

    LastAttributes(boolean on) {
        this.on = on;
    }

    /** Gives {@code r} what the last line's words set, when its words from {@code from} to the line's end are the same text. */
    boolean take(ShowCursor w, int from, RouteFields r) {
        int n = w.lineEnd - from;
        if (start < 0 || n != length || r.family != last.family || !w.sameText(from, start, n)) return false;
        last.copyAttributes(r);
        // the same gateway, device and onlink: the same path list, unless nexthop lines follow
        r.path = last.path;
        return true;
    }

    /** Remembers what the words from {@code from} to the line's end set in {@code r}. */
    void remember(ShowCursor w, int from, RouteFields r) {
        if (!on) return;
        r.copyAttributes(last);
        last.family = r.family;
        last.path = null;
        start = from;
        length = w.lineEnd - from;
    }

    /** The path list the route line remembered was built with (null: nexthop lines followed it). */
    void built(RouteFields r) {
        if (on) last.path = r.path;
    }
}

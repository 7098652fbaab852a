package io.routesync.model;

/**
 * A rule's {@code sport}/{@code dport} selector: one port or an inclusive range, 1 to 65535 (the
 * kernel refuses port 0 in a rule: "Invalid dport range").
 */
public record PortRange(int start, int end) {
    public PortRange {
        if (start < 1 || end > 65535 || start > end) {
            throw new InvalidValueException("port range " + start + "-" + end + " is invalid",
                    "a port from 1 to 65535, or START-END with 1 <= START <= END <= 65535");
        }
    }

    public static PortRange single(int port) {
        return new PortRange(port, port);
    }

    public boolean contains(int port) {
        return port >= start && port <= end;
    }

    /** iproute2's form: {@code 443} or {@code 1000-2000}. */
    @Override
    public String toString() {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}

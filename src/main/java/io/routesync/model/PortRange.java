package io.routesync.model;

/** A rule's {@code sport}/{@code dport} selector: one port or an inclusive range. */
public record PortRange(int start, int end) {
    public PortRange {
        if (start < 0 || end > 65535 || start > end) {
            throw new InvalidValueException("port range " + start + "-" + end + " is invalid",
                    "a port from 0 to 65535, or START-END with START <= END");
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

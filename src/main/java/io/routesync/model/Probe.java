package io.routesync.model;

/**
 * A health check {@code apply --confirm} runs on the host before it disarms the host's rollback
 * timer ({@code probes:} in a state file): a ping of {@code target} (from a source address or out of
 * an interface, so it tests the policy routing that source picks), or a TCP connect to
 * {@code target}:{@code port} (from a source address, so its rules pick the path). Every field is a
 * validated value, never text for a shell.
 *
 * @param from    the source address (ping -I ADDR, nc -s ADDR), or null
 * @param dev     ping only: the interface to leave by (ping -I DEV), or null
 * @param seconds how long the probe may take (1-30)
 */
public record Probe(Kind kind, IpAddress target, int port, IpAddress from, Interface dev, int seconds) {
    public static final int MAX_SECONDS = 30;
    public static final int DEFAULT_SECONDS = 5;

    public enum Kind { PING, TCP }

    public Probe {
        if (kind == Kind.TCP && (port < 1 || port > 65535 || dev != null)) {
            throw new IllegalArgumentException("a tcp probe has a port 1-65535 and no interface");
        }
        if (kind == Kind.PING && port != 0) throw new IllegalArgumentException("a ping probe has no port");
        if (from != null && from.family() != target.family()) throw new IllegalArgumentException("source and target of different families");
        if (seconds < 1 || seconds > MAX_SECONDS) throw new IllegalArgumentException("probe timeout out of range: " + seconds);
    }

    /** How messages name the probe: {@code ping 192.168.2.1 from 192.168.2.10}, {@code tcp 10.0.0.5 port 443 from 10.0.0.2}. */
    @Override
    public String toString() {
        if (kind == Kind.TCP) return "tcp " + target + " port " + port + (from == null ? "" : " from " + from);
        return "ping " + target + (from == null ? "" : " from " + from) + (dev == null ? "" : " dev " + dev.name());
    }
}

package io.routesync.iproute2;

import io.routesync.model.MetricValue;
import io.routesync.model.RouteMetric;

/**
 * Values written the way {@code ip rule add} / {@code ip route add} read them back, for the renderer.
 * Kept beside the grammars so the two directions cannot drift apart.
 */
public final class IpWords {
    private IpWords() {
    }

    /** {@code 0x%02x}: iproute2 reads tos in hex, and a name from rt_dsfield may not exist on the target. */
    public static String tos(int tos) {
        return Numbers.hex2(tos);
    }

    /** {@code FROM/TO}, {@code TO}, or the raw 32-bit value when a half is above iproute2's 0-255 realm range. */
    public static String realms(long realms) {
        return Realms.format(realms);
    }

    /** A metric value as {@code ip route add} reads it: {@code 1400}, {@code 100ms}, {@code ecn}, {@code cubic}. */
    public static String metricValue(RouteMetric metric, MetricValue value) {
        return MetricValues.format(metric, value);
    }

    /**
     * An {@code ipproto} value: its /etc/protocols name when {@code names} is given and it has one,
     * else the number ({@code ip rule add} does not read the {@code ipproto-N} form it prints).
     */
    public static String ipProto(int number, Names names) {
        if (names != null) {
            String name = names.ipProtoName(number);
            if (!name.startsWith("ipproto-")) return name;
        }
        return Integer.toString(number);
    }
}

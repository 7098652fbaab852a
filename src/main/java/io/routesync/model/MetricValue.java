package io.routesync.model;

import java.util.regex.Pattern;

/**
 * The value of one route metric: a number (milliseconds for time metrics, 1 for {@code features ecn})
 * or, for {@code congctl}, an algorithm name; {@code lock} pins it against the kernel's updates.
 */
public record MetricValue(long number, String name, boolean lock) {
    private static final Pattern ALGORITHM = Pattern.compile("[a-z][a-z0-9_]{0,15}");

    public MetricValue {
        if (name != null && !ALGORITHM.matcher(name).matches()) {
            throw new InvalidValueException("'" + name + "' is not a congestion control algorithm name",
                    "a name such as cubic, reno or bbr");
        }
        if (number < 0 || number > 0xffff_ffffL) {
            throw new InvalidValueException("metric value " + number + " is out of range", "a value from 0 to 4294967295");
        }
    }

    public static MetricValue number(long value, boolean lock) {
        return new MetricValue(value, null, lock);
    }

    public static MetricValue name(String algorithm, boolean lock) {
        return new MetricValue(0, algorithm, lock);
    }
}

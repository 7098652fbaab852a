package io.routesync.iproute2;

import io.routesync.model.InvalidValueException;
import io.routesync.model.MetricValue;
import io.routesync.model.RouteMetric;

/**
 * Reading route metric values ({@link Spelling#metric} writes them). Time metrics ({@code rtt},
 * {@code rttvar}, {@code rto_min}) are kept in milliseconds: iproute2 prints {@code 100ms} below one
 * second and {@code %g} seconds from one second up ({@code 1.5s}); above 999999 ms that form has only six
 * significant digits, so such values read back rounded.
 */
final class MetricValues {
    private MetricValues() {
    }

    /** Milliseconds from {@code 100ms}, {@code 1.5s}, {@code 2s} (also msec/msecs/sec/secs); -1 when invalid or without a unit. */
    static long parseMillis(String text, int from, int to) {
        int end = to;
        while (end > from && Character.isLetter(text.charAt(end - 1))) end--;
        String unit = text.subSequence(end, to).toString().toLowerCase(java.util.Locale.ROOT);
        double factor;
        switch (unit) {
            case "ms": case "msec": case "msecs": factor = 1; break;
            case "s": case "sec": case "secs": factor = 1000; break;
            default: return -1;
        }
        if (end == from) return -1;
        long whole = Numbers.parseDecimal(text, from, end, 0xffff_ffffL);
        double value;
        if (whole >= 0) {
            value = whole;
        } else {
            // "1.5", or %g's exponent form "4.29497e+06"
            String number = text.subSequence(from, end).toString();
            for (int i = 0; i < number.length(); i++) {
                char c = number.charAt(i);
                if (!(c >= '0' && c <= '9') && c != '.' && c != 'e' && c != '+' && c != '-') return -1;
            }
            try {
                value = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        double ms = Math.rint(value * factor);
        return ms >= 0 && ms <= 0xffff_ffffL ? (long) ms : -1;
    }

    /** The longest time a metric holds: the kernel keeps rtt in 1/8 ms and rttvar in 1/4 ms, in 32 bits. */
    private static long maxMillis(RouteMetric metric) {
        switch (metric) {
            case RTT: return 0xffff_ffffL / 8;
            case RTTVAR: return 0xffff_ffffL / 4;
            default: return 0xffff_ffffL;
        }
    }

    /**
     * The value word {@code w} (word {@code at}) of metric {@code m} after {@code ip route add}, with the
     * limits the kernel keeps; {@code lock} says whether a {@code lock} word came before it.
     */
    static MetricValue read(RouteMetric m, String w, boolean lock, int at) throws SyntaxException {
        switch (m.kind()) {
            case MILLIS: {
                long ms = parseMillis(w, 0, w.length());
                if (ms < 0) throw new SyntaxException(at, m.word() + " '" + w + "' is not a time with a unit", "a time such as 100ms or 1.5s");
                long max = maxMillis(m);
                if (ms > max) throw new SyntaxException(at, m.word() + " " + w + " is too long for the kernel", "at most " + max + "ms");
                // iproute2 always locks rto_min (ip/iproute.c sets the lock bit whatever is written)
                return MetricValue.number(ms, lock || m == RouteMetric.RTO_MIN);
            }
            case FEATURES:
                if (!w.equals("ecn")) throw new SyntaxException(at, "features '" + w + "' is not a route feature", "features ecn");
                return MetricValue.number(1, false);
            case NAME:
                try {
                    return MetricValue.name(w, lock);
                } catch (InvalidValueException e) {
                    throw new SyntaxException(at, e.getMessage(), e.expected());
                }
            default: {
                long max = m == RouteMetric.HOPLIMIT ? 255
                        : m == RouteMetric.QUICKACK || m == RouteMetric.FASTOPEN_NO_COOKIE ? 1 : 0xffff_ffffL;
                return MetricValue.number(ValueWords.number(m.word(), w, at, max, "a number from 0 to " + max), lock);
            }
        }
    }
}

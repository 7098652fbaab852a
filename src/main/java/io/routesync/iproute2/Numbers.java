package io.routesync.iproute2;

/**
 * Reads unsigned numbers as iproute2 writes them: decimal or {@code 0x} hex ({@link Spelling} writes them). Decimal numbers with a leading
 * zero are refused, because iproute2 reads them as octal ({@code table 010} is table 8), which nobody
 * means on purpose.
 */
final class Numbers {
    private Numbers() {
    }

    /** {@code text[from, to)} as decimal or 0x hex, or -1 when it is not one or exceeds {@code max}. */
    static long parse(String text, int from, int to, long max) {
        if (to - from > 2 && text.charAt(from) == '0' && (text.charAt(from + 1) == 'x' || text.charAt(from + 1) == 'X')) {
            return parseHex(text, from + 2, to, max);
        }
        return parseDecimal(text, from, to, max);
    }

    static long parse(String text, long max) {
        return parse(text, 0, text.length(), max);
    }

    /** Plain decimal digits only (no sign, no leading zero unless the number is 0), or -1. */
    static long parseDecimal(String text, int from, int to, long max) {
        int n = to - from;
        if (n <= 0 || n > 19 || (n > 1 && text.charAt(from) == '0')) return -1;
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return -1;
            int d = c - '0';
            // value * 10 + d <= max, without overflowing
            if (value > max / 10 || value * 10 > max - d) return -1;
            value = value * 10 + d;
        }
        return value;
    }

    /** Hex digits without the 0x prefix, or -1. */
    static long parseHex(String text, int from, int to, long max) {
        int n = to - from;
        if (n <= 0 || n > 16) return -1;
        long value = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0 || value > max >>> 4 || value << 4 > max - d) return -1;
            value = (value << 4) | d;
        }
        return value;
    }

    /** Hex with or without the 0x prefix: iproute2 reads tos/dsfield values in base 16 ({@code tos 10} is 0x10). */
    static long parseHexWord(String text, long max) {
        if (text.length() > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
            return parseHex(text, 2, text.length(), max);
        }
        return parseHex(text, 0, text.length(), max);
    }
}

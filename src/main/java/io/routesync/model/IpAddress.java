package io.routesync.model;

/**
 * An IPv4 or IPv6 address as two 64-bit halves (IPv4 lives in the low 32 bits of {@code lo}).
 * Parsing and formatting are done here, without {@link java.net.InetAddress}, because that class
 * may resolve names and is too slow for million-route tables.
 */
public record IpAddress(Family family, long hi, long lo) implements Comparable<IpAddress> {

    public IpAddress {
        if (family == null) throw new NullPointerException("family");
        if (family == Family.INET && (hi != 0 || (lo >>> 32) != 0)) {
            throw new InvalidValueException("IPv4 address out of range", "a.b.c.d");
        }
    }

    public static IpAddress zero(Family family) {
        return new IpAddress(family, 0, 0);
    }

    /** Parses a literal IPv4 or IPv6 address; the family is inferred from the text. */
    public static IpAddress parse(String text) {
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[from, to)} as an address without allocating substrings (a String, not any CharSequence: C1 inlines its charAt). */
    public static IpAddress parse(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ':') return parseV6(text, from, to);
        }
        long v4 = parseV4(text, from, to);
        if (v4 < 0) throw invalid(text, from, to);
        return new IpAddress(Family.INET, 0, v4);
    }

    /** Returns the address as an unsigned 32-bit value, or -1 if {@code text} is not dotted quad. */
    static long parseV4(String text, int from, int to) {
        long value = 0;
        int octets = 0;
        int i = from;
        while (true) {
            int start = i;
            int octet = 0;
            while (i < to && i - start < 4) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') break;
                octet = octet * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            // no empty octets, no leading zeros (inet_pton refuses them), each octet <= 255
            if (digits == 0 || digits > 3 || octet > 255 || (digits > 1 && text.charAt(start) == '0')) return -1;
            value = (value << 8) | octet;
            octets++;
            if (octets == 4) return i == to ? value : -1;
            if (i >= to || text.charAt(i) != '.') return -1;
            i++;
        }
    }

    private static IpAddress parseV6(String text, int from, int to) {
        int[] words = new int[8];
        int count = 0;
        int gap = -1;
        int i = from;
        if (to - from >= 2 && text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
            gap = 0;
            i += 2;
            if (i == to) return new IpAddress(Family.INET6, 0, 0);
        } else if (i < to && text.charAt(i) == ':') {
            throw invalid(text, from, to);
        }
        while (i < to) {
            int start = i;
            int word = 0;
            while (i < to && i - start < 5) {
                int d = Character.digit(text.charAt(i), 16);
                if (d < 0) break;
                word = (word << 4) | d;
                i++;
            }
            if (i < to && text.charAt(i) == '.') {
                // embedded IPv4 in the last 32 bits
                long v4 = parseV4(text, start, to);
                if (v4 < 0 || count > 6) throw invalid(text, from, to);
                words[count++] = (int) (v4 >>> 16);
                words[count++] = (int) (v4 & 0xffff);
                i = to;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4 || count == 8) throw invalid(text, from, to);
            words[count++] = word;
            if (i == to) break;
            if (text.charAt(i) != ':') throw invalid(text, from, to);
            i++;
            if (i < to && text.charAt(i) == ':') {
                if (gap >= 0) throw invalid(text, from, to);
                gap = count;
                i++;
                if (i == to) break;
            } else if (i == to) {
                throw invalid(text, from, to);
            }
        }
        if (gap >= 0) {
            if (count == 8) throw invalid(text, from, to);
            int tail = count - gap;
            System.arraycopy(words, gap, words, 8 - tail, tail);
            for (int k = gap; k < 8 - tail; k++) words[k] = 0;
        } else if (count != 8) {
            throw invalid(text, from, to);
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) hi = (hi << 16) | words[k];
        for (int k = 4; k < 8; k++) lo = (lo << 16) | words[k];
        return new IpAddress(Family.INET6, hi, lo);
    }

    private static InvalidValueException invalid(String text, int from, int to) {
        return new InvalidValueException("'" + text.subSequence(from, to) + "' is not an IP address",
                "an IPv4 address like 192.0.2.1 or an IPv6 address like 2001:db8::1");
    }

    /** Bit {@code index} counted from the most significant bit of the address (0-based). */
    public boolean bit(int index) {
        if (family == Family.INET) return ((lo >>> (31 - index)) & 1) != 0;
        return index < 64 ? ((hi >>> (63 - index)) & 1) != 0 : ((lo >>> (127 - index)) & 1) != 0;
    }

    /** This address with every bit after the first {@code length} bits cleared. */
    public IpAddress masked(int length) {
        if (family == Family.INET) {
            long mask = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
            return new IpAddress(family, 0, lo & mask);
        }
        long hiMask = length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
        long loMask = length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
        return new IpAddress(family, hi & hiMask, lo & loMask);
    }

    /** True when every bit after the first {@code length} is clear: {@code masked(length).equals(this)}, without a copy. */
    public boolean hasNoBitsAfter(int length) {
        if (family == Family.INET) {
            long mask = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
            return hi == 0 && (lo & ~mask) == 0;
        }
        long hiMask = length >= 64 ? -1L : length == 0 ? 0 : -1L << (64 - length);
        long loMask = length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
        return (hi & ~hiMask) == 0 && (lo & ~loMask) == 0;
    }

    public boolean isZero() {
        return hi == 0 && lo == 0;
    }

    /**
     * Mixes all bits (the record's default is about {@code lo} itself for IPv4, so a table of
     * consecutive /28s shares a few hash buckets and million-route maps degrade to tree bins).
     * Uses the family's ordinal, not its identity hash, so the value is the same in every run.
     */
    // as the record would make it (written out: see docs/speed.md, start-up)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof IpAddress x && family == x.family && hi == x.hi && lo == x.lo;
    }

    @Override
    public int hashCode() {
        long h = hi * 0x9E3779B97F4A7C15L + lo + family.ordinal();
        h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
        h = (h ^ (h >>> 32)) * 0xD6E8FEB86659FD93L;
        return (int) (h ^ (h >>> 32));
    }

    @Override
    public int compareTo(IpAddress other) {
        int c = family.compareTo(other.family);
        if (c != 0) return c;
        c = Long.compareUnsigned(hi, other.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, other.lo);
    }

    /** The canonical text form: dotted quad, or RFC 5952 IPv6 as glibc's inet_ntop prints it. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(40);
        appendTo(out);
        return out.toString();
    }

    public void appendTo(StringBuilder out) {
        if (family == Family.INET) {
            appendV4(out, lo);
            return;
        }
        int[] w = new int[8];
        for (int k = 0; k < 4; k++) w[k] = (int) ((hi >>> (48 - 16 * k)) & 0xffff);
        for (int k = 0; k < 4; k++) w[4 + k] = (int) ((lo >>> (48 - 16 * k)) & 0xffff);
        int bestBase = -1;
        int bestLen = 0;
        for (int k = 0; k < 8; ) {
            if (w[k] != 0) { k++; continue; }
            int start = k;
            while (k < 8 && w[k] == 0) k++;
            if (k - start > bestLen) { bestBase = start; bestLen = k - start; }
        }
        if (bestLen < 2) bestBase = -1;
        for (int k = 0; k < 8; k++) {
            if (k == bestBase) {
                out.append(k == 0 ? "::" : ":");
                k += bestLen - 1;
                continue;
            }
            // glibc prints ::a.b.c.d and ::ffff:a.b.c.d with the last 32 bits as dotted quad
            if (k == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
                appendV4(out, lo & 0xffffffffL);
                break;
            }
            out.append(Integer.toHexString(w[k]));
            if (k < 7) out.append(':');
        }
    }

    private static void appendV4(StringBuilder out, long v) {
        out.append((v >>> 24) & 0xff).append('.').append((v >>> 16) & 0xff).append('.')
                .append((v >>> 8) & 0xff).append('.').append(v & 0xff);
    }
}

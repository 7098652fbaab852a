package io.routesync.iproute2;

/**
 * Route realms ({@code realms [FROM/]TO}), kept as the kernel's 32-bit value {@code FROM << 16 | TO}.
 * iproute2 reads names and numbers up to 255 in the {@code FROM/TO} form and any 32-bit number raw, and
 * prints each half by name or number, so both forms are read here.
 */
final class Realms {
    private Realms() {
    }

    static long parse(String text, int index, Names names) throws SyntaxException {
        int slash = text.indexOf('/');
        if (slash < 0) {
            int to = names.realm(text);
            if (to >= 0) return to;
            long raw = Numbers.parse(text, 0xffff_ffffL);
            if (raw >= 0) return raw;
        } else {
            int from = names.realm(text.substring(0, slash));
            int to = names.realm(text.substring(slash + 1));
            if (from >= 0 && to >= 0) return ((long) from << 16) | to;
        }
        throw new SyntaxException(index, "realms '" + text + "' is not a realm", "realms [FROM/]TO with realm names or numbers, such as 1/2");
    }

    /** The input form iproute2 reads back: {@code FROM/TO} or {@code TO} while both halves fit its 0-255 names, else the raw number. */
    static String format(long realms) {
        long from = realms >>> 16;
        long to = realms & 0xffff;
        if (from > 255 || to > 255) return Long.toString(realms);
        return from == 0 ? Long.toString(to) : from + "/" + to;
    }
}

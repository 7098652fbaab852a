package io.routesync.formats;

/**
 * netplan and systemd write numbers in decimal, iproute2 reads some otherwise: {@code tos} as hex
 * ({@code tos 16} is 0x16), marks with C's base detection ({@code 010} is 8). These give the iproute2 word
 * for the decimal value written.
 */
final class Decimal {
    private Decimal() {
    }

    /** A decimal tos as the hex word iproute2 reads; anything else as written (the grammar judges it). */
    static String tos(String value) {
        if (!value.matches("[0-9]{1,3}")) return value;
        return "0x" + Integer.toHexString(Integer.parseInt(value));
    }

    /** A decimal mark (or VALUE/MASK) without leading zeros, so iproute2 does not read it as octal. */
    static String mark(String value) {
        int slash = value.indexOf('/');
        if (slash >= 0) return mark(value.substring(0, slash)) + "/" + mark(value.substring(slash + 1));
        if (!value.matches("[0-9]{1,10}")) return value;
        return Long.toString(Long.parseLong(value));
    }
}

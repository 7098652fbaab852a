package io.routesync.model;

/** An address family, as iproute2 selects it with {@code -4} / {@code -6}. */
public enum Family {
    INET(32, "-4", "inet"),
    INET6(128, "-6", "inet6");

    private final int bits;
    private final String flag;
    private final String keyword;

    Family(int bits, String flag, String keyword) {
        this.bits = bits;
        this.flag = flag;
        this.keyword = keyword;
    }

    /** Address width in bits: 32 or 128. */
    public int bits() {
        return bits;
    }

    /** The iproute2 option that selects this family: {@code -4} or {@code -6}. */
    public String flag() {
        return flag;
    }

    /** The iproute2 / YAML word for this family: {@code inet} or {@code inet6}. */
    public String keyword() {
        return keyword;
    }

    /** Parses {@code inet}/{@code inet6} (also {@code ipv4}/{@code ipv6}, {@code 4}/{@code 6}). */
    public static Family ofKeyword(String word) {
        switch (word) {
            case "inet": case "ipv4": case "4": return INET;
            case "inet6": case "ipv6": case "6": return INET6;
            default: throw new InvalidValueException("unknown address family '" + word + "'", "inet or inet6");
        }
    }
}

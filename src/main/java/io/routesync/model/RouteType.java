package io.routesync.model;

/** A route's type, with the kernel's number ({@code RTN_*}) and iproute2's word. */
public enum RouteType {
    UNICAST(1, "unicast"),
    LOCAL(2, "local"),
    BROADCAST(3, "broadcast"),
    ANYCAST(4, "anycast"),
    MULTICAST(5, "multicast"),
    BLACKHOLE(6, "blackhole"),
    UNREACHABLE(7, "unreachable"),
    PROHIBIT(8, "prohibit"),
    THROW(9, "throw"),
    NAT(10, "nat");

    private final int number;
    private final String word;

    RouteType(int number, String word) {
        this.number = number;
        this.word = word;
    }

    public int number() {
        return number;
    }

    public String word() {
        return word;
    }

    /** Types that carry no gateway or device: packets are dropped, rejected or sent back to the rules. */
    public boolean isReject() {
        return this == BLACKHOLE || this == UNREACHABLE || this == PROHIBIT || this == THROW;
    }

    /** values() copies its array on every call; lookups run for every route */
    private static final RouteType[] ALL = values();

    /** The type for a word ({@code blackhole}) or a kernel number ({@code 6}, as {@code ip -N} prints), else null. */
    public static RouteType lookup(String word) {
        for (RouteType t : ALL) {
            if (t.word.equals(word)) return t;
        }
        if (!word.isEmpty() && word.length() <= 2 && Character.isDigit(word.charAt(0))) {
            try {
                int n = Integer.parseInt(word);
                for (RouteType t : ALL) {
                    if (t.number == n) return t;
                }
            } catch (NumberFormatException ignored) {
                return null;
            }
        }
        return null;
    }
}

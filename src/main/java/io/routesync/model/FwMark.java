package io.routesync.model;

/** A firewall mark selector {@code fwmark VALUE[/MASK]}; the mask defaults to 0xffffffff. */
public record FwMark(long value, long mask) {
    public static final long FULL_MASK = 0xffff_ffffL;

    public FwMark {
        check(value, "fwmark");
        check(mask, "fwmark mask");
    }

    private static void check(long v, String what) {
        if (v < 0 || v > FULL_MASK) {
            throw new InvalidValueException(what + " " + v + " is out of range", "a 32-bit value such as 0x10 or 0x10/0xff");
        }
    }

    /** iproute2's form: hex, mask omitted when it is all ones. */
    @Override
    public String toString() {
        return mask == FULL_MASK ? "0x" + Long.toHexString(value)
                : "0x" + Long.toHexString(value) + "/0x" + Long.toHexString(mask);
    }
}

package io.routesync.model;

/** A rule's {@code uidrange START-END} selector (inclusive, 32-bit uids). */
public record UidRange(long start, long end) {
    public UidRange {
        if (start < 0 || end > 0xffff_ffffL || start > end) {
            throw new InvalidValueException("uid range " + start + "-" + end + " is invalid",
                    "START-END with 0 <= START <= END <= 4294967295");
        }
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}

package io.routesync.model;

/**
 * A routing table id: 1 .. 2^32-1. Zero is refused because the kernel reads it as "unspecified"
 * and, for a rule, allocates a fresh table.
 */
public record TableId(long id) implements Comparable<TableId> {
    public static final long MAX = 0xffff_ffffL;
    public static final TableId DEFAULT = new TableId(253);
    public static final TableId MAIN = new TableId(254);
    public static final TableId LOCAL = new TableId(255);

    private static final TableId[] SMALL = new TableId[256];

    static {
        for (int i = 1; i < SMALL.length; i++) SMALL[i] = new TableId(i);
        SMALL[253] = DEFAULT;
        SMALL[254] = MAIN;
        SMALL[255] = LOCAL;
    }

    public TableId {
        if (id < 1 || id > MAX) {
            throw new InvalidValueException("table id " + id + " is out of range",
                    "a table id from 1 to 4294967295 (0 means 'unspecified' to the kernel), or a table name");
        }
    }

    /** The validated id; small ids share one instance so million-route tables stay small. */
    public static TableId of(long id) {
        return id > 0 && id < SMALL.length ? SMALL[(int) id] : new TableId(id);
    }

    /** True for local (255), main (254) and default (253), which the kernel creates itself. */
    public boolean isKernelTable() {
        return id >= 253 && id <= 255;
    }

    @Override
    public int compareTo(TableId other) {
        return Long.compare(id, other.id);
    }

    @Override
    public String toString() {
        return Long.toString(id);
    }

    // equals and hashCode as the record would make them (written out: see docs/speed.md, start-up)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TableId t && id == t.id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}

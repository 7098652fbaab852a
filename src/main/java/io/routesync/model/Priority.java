package io.routesync.model;

/** A rule priority ({@code pref}): 0 .. 2^32-1, lower is evaluated first. */
public record Priority(long value) implements Comparable<Priority> {
    public Priority {
        if (value < 0 || value > 0xffff_ffffL) {
            throw new InvalidValueException("priority " + value + " is out of range", "a priority from 0 to 4294967295");
        }
    }

    public static Priority of(long value) {
        return new Priority(value);
    }

    @Override
    public int compareTo(Priority other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }

    // equals and hashCode as the record would make them (written out: see docs/speed.md, start-up)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Priority p && value == p.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }
}

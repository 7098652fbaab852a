package io.routesync.model;

/**
 * An address with a prefix length. Routes require a canonical prefix (no bits set after the
 * length, as the kernel insists); rule selectors keep the address as written, because the kernel
 * stores and compares it that way ({@code from 10.1.2.3/24} is a different rule from
 * {@code from 10.1.2.0/24}).
 */
public record Prefix(IpAddress address, int length) implements Comparable<Prefix> {

    public Prefix {
        if (address == null) throw new NullPointerException("address");
        if (length < 0 || length > address.family().bits()) {
            throw new InvalidValueException("prefix length /" + length + " is out of range for "
                    + (address.family() == Family.INET ? "IPv4" : "IPv6"),
                    "a length from 0 to " + address.family().bits());
        }
    }

    /** The prefix matching every address of the family ({@code default}, {@code all}). */
    public static Prefix all(Family family) {
        return new Prefix(IpAddress.zero(family), 0);
    }

    /** A host prefix: /32 or /128. */
    public static Prefix host(IpAddress address) {
        return new Prefix(address, address.family().bits());
    }

    /**
     * Parses {@code ADDR} (a host prefix) or {@code ADDR/LEN}. {@code default}, {@code all} and
     * {@code any} are not accepted here: callers decide where those words are allowed.
     */
    public static Prefix parse(String text) {
        return parse(text, 0, text.length());
    }

    public static Prefix parse(String text, int from, int to) {
        int slash = -1;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '/') { slash = i; break; }
        }
        if (slash < 0) return host(IpAddress.parse(text, from, to));
        IpAddress address = IpAddress.parse(text, from, slash);
        int length = 0;
        if (slash + 1 == to || to - slash > 4) throw badLength(text, from, to);
        for (int i = slash + 1; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw badLength(text, from, to);
            length = length * 10 + (c - '0');
        }
        return new Prefix(address, length);
    }

    private static InvalidValueException badLength(String text, int from, int to) {
        return new InvalidValueException("'" + text.subSequence(from, to) + "' has no valid prefix length",
                "ADDRESS/LENGTH such as 10.0.0.0/8 or 2001:db8::/32");
    }

    public Family family() {
        return address.family();
    }

    public boolean isAll() {
        return length == 0 && address.isZero();
    }

    public boolean isHost() {
        return length == address.family().bits();
    }

    /** True when no address bit after the prefix length is set. */
    public boolean isCanonical() {
        return address.hasNoBitsAfter(length);
    }

    /** This prefix with the host bits cleared. */
    public Prefix canonical() {
        return isCanonical() ? this : new Prefix(address.masked(length), length);
    }

    public boolean contains(IpAddress candidate) {
        return candidate.family() == family() && candidate.masked(length).equals(address.masked(length));
    }

    @Override
    public int compareTo(Prefix other) {
        int c = address.compareTo(other.address);
        return c != 0 ? c : Integer.compare(length, other.length);
    }

    /** iproute2's form: host prefixes without a length, others as ADDR/LEN ({@code 0.0.0.0/0} too). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(44);
        appendTo(out);
        return out.toString();
    }

    public void appendTo(StringBuilder out) {
        address.appendTo(out);
        if (!isHost()) out.append('/').append(length);
    }

    // equals and hashCode as the record would make them (written out: see docs/speed.md, start-up)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Prefix p && address.equals(p.address) && length == p.length;
    }

    @Override
    public int hashCode() {
        return 31 * address.hashCode() + length;
    }
}

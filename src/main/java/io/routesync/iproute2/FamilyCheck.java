package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.IpAddress;
import io.routesync.model.Prefix;

/**
 * Reads the addresses of one rule or route and keeps them in one family: the family given by the
 * caller ({@code ip -6}, {@code family: inet6}), or else the family of the first address seen.
 */
final class FamilyCheck {
    private final String entry;
    private final boolean given;
    private Family family;
    /** The key and word that decided the family (the message is built only when a later one contradicts it). */
    private String firstKey;
    private String firstWord;
    private int firstIndex = -1;

    /** {@code entry} is "rule" or "route", for messages; {@code family} null means: infer. */
    FamilyCheck(String entry, Family family) {
        this.entry = entry;
        this.family = family;
        this.given = family != null;
    }

    /** The family: given, inferred from the first address, or IPv4 when there was none. */
    Family family() {
        return family != null ? family : Family.INET;
    }

    boolean decided() {
        return family != null;
    }

    /**
     * A prefix ({@code ADDR}, {@code ADDR/LEN}); {@code all}/{@code any}/{@code default} give the
     * all-addresses prefix of the family (decided later when none is known yet: returns null).
     */
    Prefix prefix(String key, String word, int index) throws SyntaxException {
        if (word.equals("all") || word.equals("any") || word.equals("default")) {
            return family == null ? null : Prefix.all(family);
        }
        Prefix p;
        try {
            if (word.startsWith("0/") && family != null) {
                // iproute2 prints a zero-length-address prefix as "0/LEN"
                p = new Prefix(IpAddress.zero(family), (int) Numbers.parseDecimal(word, 2, word.length(), 128));
            } else {
                p = Prefix.parse(word);
            }
        } catch (InvalidValueException e) {
            throw new SyntaxException(index, key + ": " + e.getMessage(), e.expected());
        }
        check(key, word, index, p.family());
        return p;
    }

    /** A single address (a gateway, a preferred source). */
    IpAddress address(String key, String word, int index) throws SyntaxException {
        IpAddress a = parseAddress(key, word, index);
        check(key, word, index, a.family());
        return a;
    }

    /** An address of any family that does not decide the entry's family ({@code via inet6 ...}). */
    static IpAddress parseAddress(String key, String word, int index) throws SyntaxException {
        try {
            return IpAddress.parse(word);
        } catch (InvalidValueException e) {
            throw new SyntaxException(index, key + ": " + e.getMessage(), e.expected());
        }
    }

    void check(String key, String word, int index, Family seen) throws SyntaxException {
        if (family == null) {
            family = seen;
            firstKey = key;
            firstWord = word;
            firstIndex = index;
            return;
        }
        if (seen == family) return;
        if (given || firstIndex < 0) {
            throw new SyntaxException(index, key + " " + word + " is " + describe(seen) + " but the " + entry + " is " + describe(family),
                    describe(family) + " addresses only" + (family == Family.INET
                            ? " (an IPv6 " + entry + " is read with ip -6, or declared with family: inet6)" : ""));
        }
        throw new SyntaxException(index, key + " " + word + " is " + describe(seen) + " but " + firstKey + " " + firstWord
                + " is " + describe(family) + ": one " + entry + " cannot mix address families",
                "addresses of one family in a " + entry);
    }

    static String describe(Family f) {
        return f == Family.INET ? "IPv4" : "IPv6";
    }
}

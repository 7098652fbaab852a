package io.routesync.iproute2;

import io.routesync.model.FwMark;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import io.routesync.model.PortRange;
import io.routesync.model.RouterPref;
import io.routesync.model.TableId;
import io.routesync.model.UidRange;

/**
 * Reads one value word of a rule or route, the inverse of {@link Spelling}: the word at index
 * {@code at} becomes its value, or a {@link SyntaxException} at that index saying what a value looks
 * like. Values read through the name tables (tos, protocol, realms, table, scope, ipproto) are read
 * the same way by every reader, with the same error.
 */
final class ValueWords {
    private ValueWords() {
    }

    /** A number (decimal or 0x hex) from 0 to {@code max}. */
    static long number(String key, String word, int at, long max, String expected) throws SyntaxException {
        long n = Numbers.parse(word, max);
        if (n < 0) throw new SyntaxException(at, key + " '" + word + "' is not a valid number", expected);
        return n;
    }

    /** The tos byte: hex, or an rt_dsfield class name. */
    static int tos(Names names, String word, int at) throws SyntaxException {
        int v = names.dsfield(word);
        if (v < 0) {
            throw new SyntaxException(at, "tos '" + word + "' is not a tos value", "a hex value such as 0x10, or a class name such as AF11 or EF");
        }
        return v;
    }

    /** A route/rule protocol: a name or 0-255. */
    static int protocol(Names names, String word, int at) throws SyntaxException {
        int n = names.protocol(word);
        if (n < 0) {
            throw new SyntaxException(at, "protocol '" + word + "' is unknown", "a protocol name from rt_protos (static, boot, kernel, ...) or 0-255");
        }
        return n;
    }

    /**
     * Realms ({@code realms [FROM/]TO}) as the kernel's 32-bit value {@code FROM << 16 | TO}. iproute2 reads
     * names and numbers up to 255 in the {@code FROM/TO} form and any 32-bit number raw, and prints each
     * half by name or number, so both forms are read; {@link Spelling#realms} writes them.
     */
    static long realms(Names names, String word, int at) throws SyntaxException {
        int slash = word.indexOf('/');
        if (slash < 0) {
            int to = names.realm(word);
            if (to >= 0) return to;
            long raw = Numbers.parse(word, 0xffff_ffffL);
            if (raw >= 0) return raw;
        } else {
            int from = names.realm(word.substring(0, slash));
            int to = names.realm(word.substring(slash + 1));
            if (from >= 0 && to >= 0) return ((long) from << 16) | to;
        }
        throw new SyntaxException(at, "realms '" + word + "' is not a realm", "realms [FROM/]TO with realm names or numbers, such as 1/2");
    }

    /** A rule's table: a name {@code names} knows or a number. */
    static TableId table(Names names, String word, int at) throws SyntaxException {
        TableId id;
        try {
            id = names.table(word);
        } catch (InvalidValueException e) {
            throw new SyntaxException(at, e.getMessage(), e.expected());
        }
        if (id == null) {
            char c = word.charAt(0);
            if (c >= '0' && c <= '9') {
                throw new SyntaxException(at, "table '" + word + "' is not a table number", "a table id from 1 to 4294967295 (decimal or 0x hex)");
            }
            InvalidValueException e = Names.unknownTable(word);
            throw new SyntaxException(at, e.getMessage(), e.expected());
        }
        return id;
    }

    static int scope(Names names, String word, int at) throws SyntaxException {
        int n = names.scope(word);
        if (n < 0) throw new SyntaxException(at, "scope '" + word + "' is unknown", "global, site, link, host, nowhere or 0-255");
        return n;
    }

    static RouterPref routerPref(String word, int at) throws SyntaxException {
        switch (word) {
            case "low": return RouterPref.LOW;
            case "medium": return RouterPref.MEDIUM;
            case "high": return RouterPref.HIGH;
            default: throw new SyntaxException(at, "pref '" + word + "' is not a router preference", "pref low, medium or high");
        }
    }

    /** {@code VALUE[/MASK]}; without a mask the mask is all ones. */
    static FwMark fwmark(String word, int at) throws SyntaxException {
        int slash = word.indexOf('/');
        long value = Numbers.parse(word, 0, slash < 0 ? word.length() : slash, FwMark.FULL_MASK);
        long mask = slash < 0 ? FwMark.FULL_MASK : Numbers.parse(word, slash + 1, word.length(), FwMark.FULL_MASK);
        if (value < 0 || mask < 0) throw new SyntaxException(at, "fwmark '" + word + "' is not a mark", "fwmark VALUE[/MASK] with 32-bit values, such as 0x10/0xff");
        return new FwMark(value, mask);
    }

    /** A device ({@code dev}, {@code iif}, {@code oif}); the cause tells a name the kernel allows (only routesync does not) from a bad one. */
    static Interface iface(String key, String word, int at) throws SyntaxException {
        try {
            return Interface.of(word);
        } catch (InvalidValueException e) {
            SyntaxException s = new SyntaxException(at, key + ": " + e.getMessage(), e.expected());
            s.initCause(e);
            throw s;
        }
    }

    static UidRange uidRange(String word, int at) throws SyntaxException {
        int dash = word.indexOf('-');
        long a = dash < 0 ? -1 : Numbers.parseDecimal(word, 0, dash, 0xffff_ffffL);
        long b = dash < 0 ? -1 : Numbers.parseDecimal(word, dash + 1, word.length(), 0xffff_ffffL);
        if (a < 0 || b < 0 || a > b) throw new SyntaxException(at, "uidrange '" + word + "' is not a uid range", "uidrange START-END, such as 1000-1999");
        return new UidRange(a, b);
    }

    /** An {@code ipproto}: a name from /etc/protocols or 1-255. */
    static int ipProto(Names names, String word, int at) throws SyntaxException {
        int n = names.ipProto(word);
        if (n < 0) throw new SyntaxException(at, "ipproto '" + word + "' is not an IP protocol", "a name such as tcp, udp, icmp, or a number from 1 to 255");
        return n;
    }

    /** {@code PORT} or {@code START-END}, from 1 to 65535. */
    static PortRange ports(String key, String word, int at) throws SyntaxException {
        int dash = word.indexOf('-');
        long a = Numbers.parseDecimal(word, 0, dash < 0 ? word.length() : dash, 65535);
        long b = dash < 0 ? a : Numbers.parseDecimal(word, dash + 1, word.length(), 65535);
        // the kernel refuses port 0 in a rule ("Invalid dport range")
        if (a < 1 || b < 1 || a > b) throw new SyntaxException(at, key + " '" + word + "' is not a port or port range", key + " PORT or " + key + " START-END from 1 to 65535, such as 1000-2000");
        return new PortRange((int) a, (int) b);
    }
}

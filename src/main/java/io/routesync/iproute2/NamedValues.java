package io.routesync.iproute2;

/**
 * Words the grammars read through the name tables the same way, with the same error: a tos value
 * (hex or an rt_dsfield class), a route/rule protocol (a name or 0-255) and realms.
 */
final class NamedValues {
    private NamedValues() {
    }

    /** The tos byte for {@code word}, the word at index {@code at}. */
    static int tos(Names names, String word, int at) throws SyntaxException {
        int v = names.dsfield(word);
        if (v < 0) {
            throw new SyntaxException(at, "tos '" + word + "' is not a tos value", "a hex value such as 0x10, or a class name such as AF11 or EF");
        }
        return v;
    }

    /** The protocol number for {@code word}, the word at index {@code at}. */
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
}

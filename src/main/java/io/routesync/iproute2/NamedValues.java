package io.routesync.iproute2;

/**
 * Words both grammars read through the name tables the same way, with the same error: a tos value
 * (hex or an rt_dsfield class) and a route/rule protocol (a name or 0-255).
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
}

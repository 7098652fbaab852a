package io.routesync.iproute2;

/**
 * An iproute2-syntax input that cannot be read: which token (0-based index into the token list, or -1
 * for "the whole input"), what is wrong, and what would be right. Callers that know where the tokens
 * came from (a YAML scalar, a line of {@code ip} output) turn it into a positioned diagnostic.
 */
public final class SyntaxException extends Exception {
    private final int token;
    private final String expected;

    public SyntaxException(int token, String message, String expected) {
        super(message);
        this.token = token;
        this.expected = expected == null ? "" : expected;
    }

    public int token() {
        return token;
    }

    public String expected() {
        return expected;
    }
}

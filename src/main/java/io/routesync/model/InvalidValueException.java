package io.routesync.model;

/**
 * A value that cannot be constructed: what is wrong and what would be right. Parsers and the config
 * loader turn it into a diagnostic with a position; it never reaches a user as a stack trace.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String expected;
    private final boolean unsupported;

    public InvalidValueException(String problem, String expected) {
        this(problem, expected, false);
    }

    /** {@code unsupported}: the value is valid to the kernel and iproute2, only outside what routesync models. */
    public InvalidValueException(String problem, String expected, boolean unsupported) {
        super(problem);
        this.expected = expected;
        this.unsupported = unsupported;
    }

    /** True when the kernel accepts the value but routesync does not (a host may have it; no bug anywhere). */
    public boolean unsupported() {
        return unsupported;
    }

    /** What a valid value looks like, for the "fix:" line of a diagnostic; may be empty. */
    public String expected() {
        return expected;
    }
}

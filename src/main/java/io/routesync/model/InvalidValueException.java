package io.routesync.model;

/**
 * A value that cannot be constructed: what is wrong and what would be right. Parsers and the config
 * loader turn it into a diagnostic with a position; it never reaches a user as a stack trace.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final String expected;

    public InvalidValueException(String problem, String expected) {
        super(problem);
        this.expected = expected;
    }

    /** What a valid value looks like, for the "fix:" line of a diagnostic; may be empty. */
    public String expected() {
        return expected;
    }
}

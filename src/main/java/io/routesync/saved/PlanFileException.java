package io.routesync.saved;

/** A plan file that cannot be used: not a plan, another format or routesync version, edited, or broken. */
public final class PlanFileException extends Exception {
    public PlanFileException(String message) {
        super(message);
    }

    public PlanFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.routesync.transport;

/**
 * A target could not be reached or the program could not be run there. {@code unreachable} marks
 * the cases a fleet run reports as "unreachable" (exit 69) rather than "failed". Not final only for
 * {@link io.routesync.transport.PendingConfirmException}: a refusal that everything treating this as
 * "failed, nothing changed" handles right.
 */
public class TransportException extends Exception {
    private final boolean unreachable;

    public TransportException(String message, boolean unreachable) {
        super(message);
        this.unreachable = unreachable;
    }

    public TransportException(String message, boolean unreachable, Throwable cause) {
        super(message, cause);
        this.unreachable = unreachable;
    }

    public boolean unreachable() {
        return unreachable;
    }
}

package io.routesync.transport;

import java.time.Instant;

/**
 * The host refused an apply because another apply's change awaits confirmation there: that
 * change's timer would put back the host as it was before it, undoing this apply too. Nothing was
 * changed. A failure (exit 1, never "unreachable"); callers that take a {@link TransportException}
 * during an apply for a lost connection must let this one through.
 */
public final class PendingConfirmException extends TransportException {
    private PendingConfirmException(String message) {
        super(message, false);
    }

    /**
     * From the apply or arm script's note {@code "TOKEN DEADLINE ARMED-AT"} (epoch seconds on the
     * host's clock, "-" when unknown), or {@code "firing - -"} while the host runs an undo.
     */
    static PendingConfirmException of(String host, String note) {
        String[] w = note.trim().split(" ");
        if (w[0].equals("firing")) {
            return new PendingConfirmException(host + " is rolling back an unconfirmed 'apply --confirm' right now; nothing was"
                    + " changed. See 'routesync confirm --status', then apply again.");
        }
        String armed = w.length > 2 ? when(w[2]) : null;
        String deadline = w.length > 1 ? when(w[1]) : null;
        return new PendingConfirmException(host + ": an earlier 'apply --confirm'" + (armed == null ? "" : " (armed at " + armed + ")")
                + " awaits confirmation, and the host rolls it back" + (deadline == null ? "" : " at " + deadline) + " unless it"
                + " is confirmed; that rollback would undo this apply too, so nothing was changed. Run 'routesync confirm' to keep"
                + " that change, or 'routesync rollback' to undo it now, then apply again.");
    }

    private static String when(String epochSeconds) {
        return epochSeconds.matches("[0-9]{1,12}") ? Instant.ofEpochSecond(Long.parseLong(epochSeconds)) + " (host clock)" : null;
    }
}

package io.routesync.apply;

import io.routesync.parse.HostReading;

/**
 * How an {@code apply --confirm} ended: the apply itself ({@code apply}, null when it never returned
 * because the connection was lost), whether it was confirmed, and otherwise what the host did.
 *
 * @param detail why it was not confirmed, or what the host reported; null when confirmed
 * @param after  the host as last read over a new connection, or null
 */
public record ConfirmReport(Outcome outcome, ApplyReport apply, String detail, HostReading after) {

    public enum Outcome {
        /** Nothing was applied, so nothing was staged. */
        NOT_NEEDED,
        /** Applied, verified over a new connection, and the host's timer disarmed: the change stays. */
        CONFIRMED,
        /** The apply failed and routesync rolled it back itself; the host's timer was disarmed. */
        DISARMED,
        /** Not confirmed: the host ran the undo by itself and the touched entries are as before. */
        ROLLED_BACK_BY_HOST,
        /** The host ran the undo, but some touched entry still differs from before (see detail). */
        ROLLBACK_INCOMPLETE,
        /** routesync's own rollback failed; the host's timer stays armed and will run the undo. */
        LEFT_ARMED,
        /** Not confirmed, and the host could not be reached again to see whether it restored itself. */
        UNREACHABLE
    }

    /** True when the desired change is in place and will stay (or there was nothing to do). */
    public boolean succeeded() {
        return outcome == Outcome.CONFIRMED || (outcome == Outcome.NOT_NEEDED && apply != null && apply.succeeded());
    }
}

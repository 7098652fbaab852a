package io.routesync.apply;

import io.routesync.iproute2.HostReading;

/**
 * How an {@code apply --confirm} ended: the apply itself ({@code apply}, null when it never returned
 * because the connection was lost), whether it was confirmed, and otherwise what the host did.
 *
 * @param detail why it was not confirmed, or what the host reported; null when confirmed
 * @param after  the host as last read over a new connection, or null
 */
public record ConfirmReport(Outcome outcome, ApplyReport apply, String detail, HostReading after) {

    /** NOT_NEEDED: nothing was applied, so nothing was staged; {@code apply} says why. */
    static ConfirmReport notNeeded(ApplyReport apply) {
        return new ConfirmReport(Outcome.NOT_NEEDED, apply, null, null);
    }

    /** CONFIRMED over a new connection, which read the host as {@code after}. */
    static ConfirmReport confirmed(ApplyReport apply, HostReading after) {
        return new ConfirmReport(Outcome.CONFIRMED, apply, null, after);
    }

    /** DISARMED: routesync took the change back (or never made it) itself; {@code detail} is null or what the timer had done. */
    static ConfirmReport disarmed(ApplyReport apply, String detail) {
        return new ConfirmReport(Outcome.DISARMED, apply, detail, null);
    }

    /** LEFT_ARMED: routesync's own rollback failed; {@code detail} says when the timer runs the undo. */
    static ConfirmReport leftArmed(ApplyReport apply, String detail) {
        return new ConfirmReport(Outcome.LEFT_ARMED, apply, detail, null);
    }

    /** UNREACHABLE: not confirmed, and the host could not be read again. */
    static ConfirmReport unreachable(ApplyReport apply, String detail) {
        return new ConfirmReport(Outcome.UNREACHABLE, apply, detail, null);
    }

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

    /**
     * What happened, in a sentence or two for the user (after the apply's own report); null for
     * {@link Outcome#NOT_NEEDED}, where the apply's report says it all.
     */
    public String message(String host) {
        switch (outcome) {
            case NOT_NEEDED:
                return null;
            case CONFIRMED:
                return "Confirmed over a new connection: " + host + " is reachable and verified; the change stays.";
            case DISARMED:
                return "The host's rollback timer was disarmed: routesync already restored " + host + " itself."
                        + (detail == null ? "" : " (" + detail + ")");
            case ROLLED_BACK_BY_HOST:
                return "NOT CONFIRMED: " + detail + ". " + host + " rolled the change back by itself; everything the apply"
                        + " touched is as it was before.";
            case ROLLBACK_INCOMPLETE:
                return "NOT CONFIRMED, AND THE ROLLBACK IS INCOMPLETE on " + host + ": " + detail + ".";
            case LEFT_ARMED:
                return detail + ".";
            case UNREACHABLE:
                return "NOT CONFIRMED: " + detail;
            default:
                throw new AssertionError(outcome);
        }
    }

    /** True when the desired change is in place and will stay (or there was nothing to do). */
    public boolean succeeded() {
        return outcome == Outcome.CONFIRMED || (outcome == Outcome.NOT_NEEDED && apply != null && apply.succeeded());
    }
}

package io.routesync.render;

import java.time.Instant;

/**
 * {@code routesync confirm}'s text: with {@code --status}, whether a change an {@code apply --confirm} left
 * on the host awaits confirmation and what to do about it; else what confirming did. Times are the epoch
 * seconds the host recorded (0: not recorded). Each message is one line, without its line break.
 */
public final class ConfirmView {
    private ConfirmView() {
    }

    public static String armed(String host, long armedAt, long deadline) {
        return host + ": a change" + armedAt(armedAt) + " awaits confirmation; the host rolls it back at "
                + Instant.ofEpochSecond(deadline) + " unless confirmed. Every other apply is refused"
                + " until then: 'routesync confirm' keeps the change, 'routesync rollback' undoes it now.";
    }

    /** @param reason why nothing will roll it back (the timer is gone, the host rebooted) */
    public static String stale(String host, long armedAt, String reason, long deadline) {
        return host + ": STALE: a change" + armedAt(armedAt) + " was left awaiting confirmation, but "
                + reason + ", so nothing will roll it back by itself (it was due at "
                + Instant.ofEpochSecond(deadline) + "). It blocks no apply; the next apply sets it"
                + " aside. To clear it now: 'routesync confirm' discards its staged undo and leaves the host as it"
                + " is; 'routesync rollback' runs that undo by hand (only if the host still carries that change).";
    }

    public static String firing(String host) {
        return host + ": the host is rolling a change back right now.";
    }

    /** @param last the last confirmation's outcome, in words */
    public static String idle(String host, String last) {
        return host + ": nothing awaits confirmation (last: " + last + ").";
    }

    /** Confirming a stale change discarded its undo. */
    public static String discarded(String host, String last) {
        return "Discarded: the change on " + host + " was stale (" + last + "); the host stays as it is.";
    }

    public static String confirmed(String host) {
        return "Confirmed: the change on " + host + " stays; its rollback timer is disarmed.";
    }

    private static String armedAt(long armedAt) {
        return armedAt == 0 ? "" : " (armed at " + Instant.ofEpochSecond(armedAt) + ")";
    }
}

package io.routesync.render;

/** {@code routesync rollback}'s text: what the undo staged on the host did (one line, without its line break). */
public final class RollbackView {
    private RollbackView() {
    }

    /** @param outcome the rollback's outcome, in words (exact, or what differs) */
    public static String rolledBack(String host, String outcome) {
        return "Rolled back on " + host + ": " + outcome + ".";
    }
}

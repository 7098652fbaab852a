package io.routesync.run;

/**
 * routesync refused to change a host, with nothing applied there: its saved plan is stale, or the
 * change would cut the management path. The message says why, as the user reads it.
 */
public final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException(String message) {
        super(message);
    }
}

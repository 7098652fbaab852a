package io.routesync.transport;

import java.time.Duration;

/** Another routesync run held the target's lock for longer than this run was willing to wait (exit 75). */
public final class LockHeldException extends Exception {
    public LockHeldException(String target, Duration waited) {
        super("another routesync run holds the lock on " + target + " (waited " + waited.toSeconds()
                + " s; see --lock-timeout); nothing was changed");
    }
}

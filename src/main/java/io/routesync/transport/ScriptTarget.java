package io.routesync.transport;

import java.time.Duration;

/**
 * Where a script runs and within what bounds: the target, where routesync's files are there, how long
 * to wait for another run's lock, and how long one run may take.
 */
record ScriptTarget(Target target, TargetPaths paths, Duration lockWait, Duration timeout) {

    /** A run of {@code script} here, its common arguments set. */
    ScriptCall call(Script script) {
        return new ScriptCall(script, this);
    }
}

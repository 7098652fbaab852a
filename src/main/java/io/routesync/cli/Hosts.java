package io.routesync.cli;

import io.routesync.apply.Reconciler;
import java.time.Clock;

/** Builds the reconciler for the single target the target options name. */
final class Hosts {
    private Hosts() {
    }

    static Reconciler reconciler(TargetOptions options) throws UserError {
        return new Reconciler(options.target(), options.paths(), options.settings(), Clock.systemUTC());
    }
}

package io.routesync.cli;

import io.routesync.apply.LiveReader;
import io.routesync.iproute2.HostReading;
import io.routesync.model.TableId;
import io.routesync.transport.Target;
import java.util.Collection;

/** {@link LiveReader} for the commands: the target the options name, what a read can raise as user errors. */
final class LiveState {
    private LiveState() {
    }

    /** {@link LiveReader#read}: {@code always} plus every table a non-default rule looks up. */
    static HostReading read(TargetOptions options, Target target, Collection<TableId> always) throws UserError {
        try {
            return LiveReader.read(target, options.paths(), options.lockWait(), options.runTimeout(), always);
        } catch (Exception e) {
            throw Failures.of(e);
        }
    }
}

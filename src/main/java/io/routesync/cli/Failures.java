package io.routesync.cli;

import io.routesync.iproute2.OutputException;
import io.routesync.plan.PlanConflictException;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.TransportException;

/** Turns what talking to a host can raise into one-paragraph user errors with their exit codes. */
final class Failures {
    private Failures() {
    }

    static UserError of(Exception e) {
        if (e instanceof TransportException) {
            TransportException t = (TransportException) e;
            return new UserError(t.unreachable() ? ExitCodes.UNAVAILABLE : ExitCodes.FAILED, t.getMessage(), e);
        }
        if (e instanceof LockHeldException) return new UserError(ExitCodes.LOCKED, e.getMessage(), e);
        if (e instanceof OutputException) {
            return new UserError(ExitCodes.FAILED, ((OutputException) e).explained(), e);
        }
        if (e instanceof PlanConflictException) {
            return new UserError(ExitCodes.DATA, "the desired state contradicts the host; nothing was changed:\n  - "
                    + String.join("\n  - ", ((PlanConflictException) e).conflicts()), e);
        }
        if (e instanceof UserError) return (UserError) e;
        throw new IllegalStateException(e);
    }
}

package io.routesync.run;

import io.routesync.iproute2.OutputException;
import io.routesync.plan.PlanConflictException;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.TransportException;

/**
 * Why a host of a run has no result: unreachable (nothing was read or changed there) or failed.
 * {@code reason} is one line for the recap; {@code detail} the paragraph for the host's block;
 * {@code cause} what was raised (a {@link RefusedException} when routesync refused the host), for a
 * run of one host, which reports it as a single-host command always has.
 */
public record HostFailure(boolean unreachable, String reason, String detail, Throwable cause) {

    /** A failure without its cause (tests, and views that need none). */
    public HostFailure(boolean unreachable, String reason, String detail) {
        this(unreachable, reason, detail, null);
    }

    /**
     * Classifies what reading, planning or applying a host raised. Once an apply has started, a lost
     * connection is a failure, not "unreachable": part of the batch may have run.
     */
    public static HostFailure of(Throwable e, boolean applying) {
        if (e instanceof TransportException) {
            TransportException t = (TransportException) e;
            if (t.unreachable() && !applying) {
                return new HostFailure(true, firstLine(t.getMessage()), t.getMessage() + "\nNothing was read or changed there.", e);
            }
            String detail = applying && t.unreachable()
                    ? "the connection failed during the apply: " + t.getMessage() + "\nThe host may be partly changed: run plan again to see where it stands."
                    : t.getMessage();
            return failed(detail, e);
        }
        if (e instanceof LockHeldException) return failed(e.getMessage(), e);
        if (e instanceof OutputException) {
            return failed(((OutputException) e).explained(), e);
        }
        if (e instanceof PlanConflictException) {
            return failed("the desired state contradicts the host; nothing was changed:\n  - "
                    + String.join("\n  - ", ((PlanConflictException) e).conflicts()), e);
        }
        // a bug or an Error (StackOverflowError, OutOfMemoryError) on this host's task: it ends this host only
        return failed("routesync failed unexpectedly: " + e
                + (applying ? "\nThe host may be partly changed: run plan again to see where it stands." : ""), e);
    }

    /**
     * A host routesync refused to change (a stale saved plan, a cut management path): the message as
     * its block and recap line show it, without the leading "HOST: " they already show.
     */
    static HostFailure refused(String host, String message) {
        String prefix = host + ": ";
        return failed(message.startsWith(prefix) ? message.substring(prefix.length()) : message, new RefusedException(message));
    }

    private static HostFailure failed(String detail, Throwable cause) {
        return new HostFailure(false, firstLine(detail), detail, cause);
    }

    private static String firstLine(String text) {
        String s = text == null ? "" : text.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Throws what reading, planning or applying the host raised, as it was raised: for a run of one host
     * whose caller reports failures itself (pull).
     */
    public void rethrow() throws TransportException, OutputException, LockHeldException, PlanConflictException {
        if (cause instanceof TransportException) throw (TransportException) cause;
        if (cause instanceof OutputException) throw (OutputException) cause;
        if (cause instanceof LockHeldException) throw (LockHeldException) cause;
        if (cause instanceof PlanConflictException) throw (PlanConflictException) cause;
        if (cause instanceof RuntimeException) throw (RuntimeException) cause;
        if (cause instanceof Error) throw (Error) cause;
        throw new IllegalStateException(detail, cause);
    }
}

package io.routesync.cli;

import io.routesync.run.HostRun;

/** routesync's exit codes (docs/exit-codes.md), sysexits-style where one fits. */
public final class ExitCodes {
    /** Nothing to do, or applied and verified. */
    public static final int OK = 0;
    /** Apply or verify failed (and was rolled back), or an unexpected failure. */
    public static final int FAILED = 1;
    /** Changes pending ({@code plan --detailed-exitcode}). */
    public static final int CHANGES = 2;
    /** Bad command line. */
    public static final int USAGE = 64;
    /** Invalid state or inventory; nothing applied. */
    public static final int DATA = 65;
    /** A host could not be reached; nothing applied there. */
    public static final int UNAVAILABLE = 69;
    /** Another routesync run holds the lock. */
    public static final int LOCKED = 75;

    private ExitCodes() {
    }

    /**
     * The exit code of a run that ended at {@code status} (its most serious host's): 1 failed (or left
     * untouched by a staged rollout that stopped), 69
     * unreachable, 2 changes pending with {@code detailedChanges} (plan --detailed-exitcode), else 0.
     */
    public static int of(HostRun.Status status, boolean detailedChanges) {
        switch (status) {
            case FAILED:
            case UNTOUCHED: return FAILED;
            case UNREACHABLE: return UNAVAILABLE;
            case CHANGED: return detailedChanges ? CHANGES : OK;
            case OK: return OK;
            default: throw new AssertionError(status);
        }
    }
}

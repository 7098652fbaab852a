package io.routesync.cli;

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
}

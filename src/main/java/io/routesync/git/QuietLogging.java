package io.routesync.git;

/**
 * JGit logs through SLF4J, and routesync ships no SLF4J provider: JGit's log lines are not wanted
 * (every failure reaches the user as a message), but SLF4J would print a three-line warning about
 * the missing provider to stderr on first use, which breaks "silent when nothing changed" for cron.
 * Its own reporter obeys this property; set before any JGit class logs.
 */
final class QuietLogging {
    private static final String VERBOSITY = "slf4j.internal.verbosity";

    static {
        if (System.getProperty(VERBOSITY) == null) System.setProperty(VERBOSITY, "ERROR");
    }

    private QuietLogging() {
    }

    /** Runs the static initializer once; cheap to call again. */
    static void ensure() {
        // the work is done in the static initializer
    }
}

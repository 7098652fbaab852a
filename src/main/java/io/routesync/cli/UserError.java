package io.routesync.cli;

/**
 * A failure explained in one paragraph for the user, with the exit code it maps to. Everything a
 * command can hit is turned into one of these (or diagnostics) before it reaches the terminal.
 */
public final class UserError extends Exception {
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}

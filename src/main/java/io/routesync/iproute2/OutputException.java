package io.routesync.iproute2;

/**
 * Output of an {@code ip} command that routesync does not understand. It names the command, the line
 * number and the line, so nothing is ever silently dropped from an observed state.
 */
public final class OutputException extends Exception {
    private final String command;
    private final int lineNumber;
    private final String line;
    private final boolean unsupported;

    public OutputException(String command, int lineNumber, String line, String problem) {
        this(command, lineNumber, line, problem, false);
    }

    /**
     * {@code unsupported}: the line is valid iproute2 output (an interface name outside routesync's
     * characters, a table name of digits in a hand-written rt_tables) that routesync cannot manage:
     * the host's setup, not a routesync or iproute2 bug, so messages do not ask to report it.
     */
    public OutputException(String command, int lineNumber, String line, String problem, boolean unsupported) {
        super(lineNumber <= 0 ? command + ": " + problem : command + ": line " + lineNumber + ": " + problem + ": " + line);
        this.command = command;
        this.lineNumber = lineNumber;
        this.line = line;
        this.unsupported = unsupported;
    }

    public boolean unsupported() {
        return unsupported;
    }

    /** The paragraph for users: an unsupported line says so plainly; any other asks to be reported. */
    public String explained() {
        return unsupported
                ? "cannot manage what the host has: " + getMessage() + "\nThe kernel and iproute2 allow this, but routesync"
                        + " cannot manage a host that has it: rename it, or leave this host out. Nothing was changed."
                : "unexpected output from " + getMessage() + "\nNothing was changed. Please report this line with 'ip -V' and the"
                        + " kernel version.";
    }

    public String command() {
        return command;
    }

    public int lineNumber() {
        return lineNumber;
    }

    public String line() {
        return line;
    }
}

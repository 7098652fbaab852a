package io.routesync.parse;

/**
 * Output of an {@code ip} command that routesync does not understand. It names the command, the line
 * number and the line, so nothing is ever silently dropped from an observed state.
 */
public final class OutputException extends Exception {
    private final String command;
    private final int lineNumber;
    private final String line;

    public OutputException(String command, int lineNumber, String line, String problem) {
        super(lineNumber <= 0 ? command + ": " + problem : command + ": line " + lineNumber + ": " + problem + ": " + line);
        this.command = command;
        this.lineNumber = lineNumber;
        this.line = line;
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

package io.routesync.config;

/**
 * One problem found in the input, Terraform-style: where, what is wrong, and what would be right.
 * Printed as {@code file:line:column: error: message} followed by an indented {@code fix:} line.
 */
public record Diagnostic(Severity severity, SourcePos pos, String message, String fix) implements Comparable<Diagnostic> {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(SourcePos pos, String message, String fix) {
        return new Diagnostic(Severity.ERROR, pos, message, fix == null ? "" : fix);
    }

    public static Diagnostic warning(SourcePos pos, String message, String fix) {
        return new Diagnostic(Severity.WARNING, pos, message, fix == null ? "" : fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Diagnostic o) {
        int c = pos.compareTo(o.pos);
        return c != 0 ? c : message.compareTo(o.message);
    }

    /** The printed form; the fix line is omitted when there is none. */
    public String format() {
        String head = pos + ": " + (isError() ? "error" : "warning") + ": " + message;
        return fix.isEmpty() ? head : head + "\n  fix: " + fix;
    }
}

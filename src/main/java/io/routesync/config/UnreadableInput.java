package io.routesync.config;

import java.io.IOException;

/**
 * A file that cannot become input text: larger than {@link InputLimits#MAX_FILE_BYTES}, or not UTF-8
 * (then {@code line} and {@code column} name the first bad byte). An {@link IOException}, so it passes
 * through {@code InventorySource.read}; {@link #diagnostic} places it in the file as the caller names it.
 */
public final class UnreadableInput extends IOException {
    private final int line;
    private final int column;
    private final String fix;

    UnreadableInput(String message, int line, int column, String fix) {
        super(message);
        this.line = line;
        this.column = column;
        this.fix = fix;
    }

    /**
     * A path that is no regular file ({@code kind} is "a named pipe (FIFO)", "a character device", ...):
     * refused before it is opened, since a pipe or a device may never end or never answer.
     */
    public static UnreadableInput notARegularFile(String kind) {
        return new UnreadableInput("this is " + kind + ", not a regular file", 0, 0,
                "give the path of a regular file (routesync reads no pipes, devices or sockets, which may never end;"
                        + " write generated input, <(...) or stdin, to a file first)");
    }

    /** The problem at its place in {@code shownName}. */
    public Diagnostic diagnostic(String shownName) {
        return Diagnostic.error(new SourcePos(shownName, line, column), getMessage(), fix);
    }

    /** The diagnostic for any failed read of {@code shownName}: this one's place, or "cannot read" for other I/O errors. */
    public static Diagnostic diagnostic(String shownName, IOException e) {
        if (e instanceof UnreadableInput) return ((UnreadableInput) e).diagnostic(shownName);
        return Diagnostic.error(SourcePos.file(shownName), "cannot read: " + e.getMessage(), "");
    }
}

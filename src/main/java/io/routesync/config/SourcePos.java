package io.routesync.config;

/** A place in an input file: 1-based line and column; line 0 means "the whole file". */
public record SourcePos(String file, int line, int column) implements Comparable<SourcePos> {

    public static SourcePos file(String file) {
        return new SourcePos(file, 0, 0);
    }

    /** The same line, {@code offset} columns further (for positions inside a scalar). */
    public SourcePos plusColumns(int offset) {
        return line == 0 ? this : new SourcePos(file, line, column + offset);
    }

    @Override
    public int compareTo(SourcePos o) {
        int c = file == o.file ? 0 : file.compareTo(o.file); // one file's places share its name
        if (c == 0) c = Integer.compare(line, o.line);
        if (c == 0) c = Integer.compare(column, o.column);
        return c;
    }

    /** {@code file:line:column}, or just {@code file} when there is no line. */
    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}

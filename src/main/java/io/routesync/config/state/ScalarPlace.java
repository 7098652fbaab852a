package io.routesync.config.state;

import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;

/**
 * Maps an offset inside a scalar's text to its file:line:column, so a diagnostic can point at the
 * third word of a shorthand string or at one {@code {{ var }}}. Exact when the scalar sits on one
 * line as written (plain, or quoted without escapes); otherwise every offset maps to the scalar's start.
 */
final class ScalarPlace {
    private final YamlNode.Scalar scalar;
    private final Lines lines;
    /** Found on first use: the words of an entry that validates never ask where they are. */
    private SourcePos start;
    private boolean exact;

    /** A file's text and, found on first use, where its lines start: a file whose entries are all valid never asks. */
    static final class Lines {
        private final String content;
        private int[] starts;

        Lines(String content) {
            this.content = content;
        }

        int[] starts() {
            if (starts == null) starts = lineStarts(content);
            return starts;
        }
    }

    private ScalarPlace(YamlNode.Scalar scalar, Lines lines) {
        this.scalar = scalar;
        this.lines = lines;
    }

    /** {@code scalar}'s place in the file of {@code lines}. */
    static ScalarPlace of(YamlNode.Scalar scalar, Lines lines) {
        return new ScalarPlace(scalar, lines);
    }

    private void find() {
        String content = lines.content;
        int[] lineStarts = lines.starts();
        SourcePos pos = scalar.pos();
        start = pos;
        String text = scalar.text() == null ? "" : scalar.text();
        if (pos.line() < 1 || pos.line() > lineStarts.length) return;
        int lineStart = lineStarts[pos.line() - 1];
        int lineLength = (pos.line() < lineStarts.length ? lineStarts[pos.line()] - 1 : content.length()) - lineStart;
        int at = pos.column() - 1;
        if (at < 0 || at >= lineLength) return;
        char first = content.charAt(lineStart + at);
        // the reader places a quoted scalar at its opening quote; its text starts one column later
        int contentAt = first == '"' || first == '\'' ? at + 1 : at;
        exact = text.indexOf('\n') < 0 && contentAt + text.length() <= lineLength
                && content.startsWith(text, lineStart + contentAt);
        if (contentAt != at) start = pos.plusColumns(contentAt - at);
    }

    /** The place of the character at {@code offset} in the scalar's text. */
    SourcePos at(int offset) {
        SourcePos s = start();
        return exact ? s.plusColumns(offset) : s;
    }

    /** The place of the scalar's first character. */
    SourcePos start() {
        if (start == null) find();
        return start;
    }

    /** The offset at which each line of {@code content} starts (the lines split at '\n', as the reader counts them). */
    static int[] lineStarts(String content) {
        int count = 1;
        for (int i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) count++;
        int[] starts = new int[count];
        int n = 1;
        for (int i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) starts[n++] = i + 1;
        return starts;
    }
}

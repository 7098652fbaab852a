package io.routesync.config.state;

import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;

/**
 * Maps an offset inside a scalar's text to its file:line:column, so a diagnostic can point at the
 * third word of a shorthand string or at one {@code {{ var }}}. Exact when the scalar sits on one
 * line as written (plain, or quoted without escapes); otherwise every offset maps to the scalar's start.
 */
final class ScalarPlace {
    private final SourcePos start;
    private final boolean exact;

    private ScalarPlace(SourcePos start, boolean exact) {
        this.start = start;
        this.exact = exact;
    }

    static ScalarPlace of(YamlNode.Scalar scalar, String[] lines) {
        SourcePos pos = scalar.pos();
        String text = scalar.text() == null ? "" : scalar.text();
        if (pos.line() < 1 || pos.line() > lines.length) return new ScalarPlace(pos, false);
        String line = lines[pos.line() - 1];
        int at = pos.column() - 1;
        if (at < 0 || at >= line.length()) return new ScalarPlace(pos, false);
        char first = line.charAt(at);
        // the reader places a quoted scalar at its opening quote; its text starts one column later
        int contentAt = first == '"' || first == '\'' ? at + 1 : at;
        boolean exact = text.indexOf('\n') < 0 && line.startsWith(text, contentAt);
        return new ScalarPlace(pos.plusColumns(contentAt - at), exact);
    }

    /** The place of the character at {@code offset} in the scalar's text. */
    SourcePos at(int offset) {
        return exact ? start.plusColumns(offset) : start;
    }

    /** The place of the scalar's first character. */
    SourcePos start() {
        return start;
    }
}

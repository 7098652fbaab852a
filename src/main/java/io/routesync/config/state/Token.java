package io.routesync.config.state;

import io.routesync.config.SourcePos;

/**
 * One word handed to the iproute2 grammar, with the place in the YAML it came from. A word cut from a
 * scalar finds its place only when asked: diagnostics need it, the words of a valid entry never do.
 */
final class Token {
    private final String text;
    private final Expanded from;
    private final int index;
    private SourcePos pos;

    Token(String text, SourcePos pos) {
        this.text = text;
        this.pos = pos;
        this.from = null;
        this.index = 0;
    }

    /** The whole of {@code from}'s text, placed at its start (as {@link Expanded#start}), found when asked. */
    static Token whole(Expanded from) {
        return new Token(from.text(), from, -1);
    }

    /** The word starting at character {@code index} of {@code from}'s text. */
    Token(String text, Expanded from, int index) {
        this.text = text;
        this.from = from;
        this.index = index;
    }

    String text() {
        return text;
    }

    SourcePos pos() {
        if (pos == null) pos = index < 0 ? from.start() : from.posAt(index);
        return pos;
    }

    @Override
    public String toString() {
        return text + "@" + pos();
    }
}

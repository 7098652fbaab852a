package io.routesync.config.state;

import io.routesync.config.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * A scalar's text after {@code {{ var }}} substitution, remembering for every character where it
 * came from, so words and errors still point into the file as written.
 */
final class Expanded {
    /** One substituted variable: its name, where the reference starts in the raw text, the span it fills. */
    record Substitution(String name, int rawStart, int from, int to) {
    }

    private final String text;
    /** The raw offset of every character; null when the text is the raw text itself. */
    private final int[] origin;
    private final List<Substitution> substitutions;
    private final ScalarPlace place;

    Expanded(String text, int[] origin, List<Substitution> substitutions, ScalarPlace place) {
        this.text = text;
        this.origin = origin;
        this.substitutions = List.copyOf(substitutions);
        this.place = place;
    }

    /** Text written without variables: every character comes from its own offset. */
    static Expanded literal(String text, ScalarPlace place) {
        return new Expanded(text, null, List.of(), place);
    }

    String text() {
        return text;
    }

    /** The file place of character {@code index} of the expanded text. */
    SourcePos posAt(int index) {
        int length = origin == null ? text.length() : origin.length;
        if (length == 0) return place.start();
        int i = Math.min(index, length - 1);
        return place.at(origin == null ? i : origin[i]);
    }

    SourcePos start() {
        return place.start();
    }

    List<Substitution> substitutions() {
        return substitutions;
    }

    /** The variable that produced character {@code index}, or null when it was written literally. */
    Substitution substitutionAt(int index) {
        for (Substitution s : substitutions) {
            if (index >= s.from() && index < s.to()) return s;
        }
        return null;
    }

    /** The place of a substitution's {@code {{}. */
    SourcePos posOf(Substitution s) {
        return place.at(s.rawStart());
    }

    /** The whitespace-separated words, each at the place of its first character (iproute2 shorthand). */
    List<Token> words() {
        List<Token> out = new ArrayList<>(8);
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && isWhitespace(text.charAt(i))) i++;
            int begin = i;
            while (i < text.length() && !isWhitespace(text.charAt(i))) i++;
            if (i > begin) out.add(new Token(text.substring(begin, i), this, begin));
        }
        return out;
    }

    /** {@link Character#isWhitespace}, answering ASCII without a table lookup (every word of every entry asks). */
    static boolean isWhitespace(char c) {
        if (c > ' ') return c >= 0x80 && Character.isWhitespace(c);
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }

    /** Index of the first whitespace character, or -1. */
    int firstWhitespace() {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) return i;
        }
        return -1;
    }
}

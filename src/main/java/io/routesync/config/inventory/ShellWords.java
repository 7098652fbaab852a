package io.routesync.config.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words the way POSIX shells (and Python's shlex, which Ansible uses) do: quotes
 * group, backslashes escape, and optionally '#' starts a comment. Nothing is expanded or executed; the
 * words become argv entries or key=value pairs, never a command string.
 */
final class ShellWords {

    /** One word and the 1-based column in the line where it starts. */
    record Word(String text, int column) {
    }

    /** A line that cannot be split (an unclosed quote, a trailing backslash). */
    static final class Unsplittable extends Exception {
        final int column;

        Unsplittable(String message, int column) {
            super(message);
            this.column = column;
        }
    }

    private ShellWords() {
    }

    static List<Word> split(String line, boolean comments) throws Unsplittable {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = -1; // column index of the current word, -1 between words
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (start >= 0) {
                    words.add(new Word(word.toString(), start + 1));
                    word.setLength(0);
                    start = -1;
                }
                i++;
                continue;
            }
            // shlex ends the line at '#' even in the middle of a word; Ansible's INI examples rely on it
            if (comments && c == '#') break;
            if (start < 0) start = i;
            if (c == '\'') {
                int close = line.indexOf('\'', i + 1);
                if (close < 0) throw new Unsplittable("no closing quotation mark (')", i + 1);
                word.append(line, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i, word);
            } else if (c == '\\') {
                if (i + 1 >= line.length()) throw new Unsplittable("nothing after the backslash", i + 1);
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (start >= 0) words.add(new Word(word.toString(), start + 1));
        return words;
    }

    // Inside double quotes a backslash escapes only '"' and '\' (as in shlex's POSIX mode).
    private static int doubleQuoted(String line, int open, StringBuilder word) throws Unsplittable {
        int i = open + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new Unsplittable("no closing quotation mark (\")", open + 1);
    }
}

package io.routesync.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one line of shell as the words of one simple command, the way {@code sh} would split it: quotes
 * group, a backslash escapes, {@code $NAME} and {@code ${NAME}} take a value the caller knows (unquoted,
 * a value with blanks becomes several words), {@code #} at a word's start ends the line. Nothing is
 * run. Whatever would need running or the shell's state to know its meaning is {@link Unreadable} at its
 * column: command substitution, special parameters, other expansions, globs, pipes and lists. Allowed
 * at the end, because they change only what is printed or whether a failure counts: redirections to
 * {@code /dev/null}, {@code N>&M}, and {@code || true} (or {@code || :}).
 */
final class ShellLine {
    /** Why a line cannot be read, and the column (1-based, within the whole line) where. */
    static final class Unreadable extends Exception {
        final int column;

        Unreadable(String message, int column) {
            super(message);
            this.column = column;
        }
    }

    private static final String OPERATORS = ";&|()<>";

    private record Token(String text, int column, boolean operator) {
    }

    private final String line;
    private final Map<String, String> vars;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    private ShellLine(String line, Map<String, String> vars) {
        this.line = line;
        this.vars = vars;
    }

    /**
     * The words of {@code line} from index {@code from} on; {@code vars} are the variables set so far (a
     * name mapped to null is one set by a line that could not be read).
     */
    static List<Word> words(LogicalLine line, int from, Map<String, String> vars) throws Unreadable {
        ShellLine s = new ShellLine(line.text(), vars);
        s.i = from;
        s.split();
        s.dropHarmlessTail();
        List<Word> words = new ArrayList<>();
        for (Token t : s.tokens) {
            if (t.operator) {
                throw new Unreadable("'" + t.text + "' is shell syntax routesync does not follow: it reads one simple"
                        + " command per line (a pipe, a list or a redirection would need running the line)", t.column);
            }
            words.add(new Word(t.text, line.at(t.column)));
        }
        return words;
    }

    private void split() throws Unreadable {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '#') {
                return;
            } else if (isRedirection()) {
                redirection();
            } else if (OPERATORS.indexOf(c) >= 0) {
                int start = i;
                while (i < line.length() && ";&|".indexOf(line.charAt(i)) >= 0) i++;
                if (i == start) i++;
                tokens.add(new Token(line.substring(start, i), start + 1, true));
            } else {
                word();
            }
        }
    }

    /** {@code >}, {@code >>}, {@code <}, {@code &>}, or digits directly before one of them. */
    private boolean isRedirection() {
        int j = i;
        while (j < line.length() && Character.isDigit(line.charAt(j))) j++;
        if (j == i && line.startsWith("&>", j)) return true;
        return j < line.length() && (line.charAt(j) == '>' || line.charAt(j) == '<');
    }

    /** A redirection and its target as one operator token: {@code 2>/dev/null}, {@code 2>&1}. */
    private void redirection() throws Unreadable {
        int start = i;
        while (i < line.length() && (Character.isDigit(line.charAt(i)) || "&<>".indexOf(line.charAt(i)) >= 0)) i++;
        StringBuilder text = new StringBuilder(line.substring(start, i));
        if (text.charAt(text.length() - 1) == '&') {
            while (i < line.length() && Character.isDigit(line.charAt(i))) text.append(line.charAt(i++));
        } else {
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
            int before = tokens.size();
            if (i < line.length()) word();
            if (tokens.size() > before) text.append(tokens.remove(tokens.size() - 1).text);
        }
        tokens.add(new Token(text.toString(), start + 1, true));
    }

    private void word() throws Unreadable {
        int start = i;
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || OPERATORS.indexOf(c) >= 0) break;
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) throw new Unreadable("a single quote is not closed on this line", i + 1);
                w.append(line, i + 1, end);
                quoted = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                doubleQuoted(w);
                quoted = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) throw new Unreadable("a backslash ends the line", i + 1);
                w.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                String value = expansion();
                if (value == null) {
                    w.append('$');
                    continue;
                }
                // unquoted, the shell splits a value at blanks: "a b" is two words
                String[] parts = value.split("[ \t\n]+", -1);
                for (int p = 0; p < parts.length; p++) {
                    if (p > 0) {
                        if (w.length() > 0 || quoted) tokens.add(new Token(w.toString(), start + 1, false));
                        w.setLength(0);
                        quoted = false;
                    }
                    w.append(parts[p]);
                }
            } else if (c == '`') {
                throw new Unreadable("`...` runs a command; routesync does not run anything it reads", i + 1);
            } else if (c == '*' || c == '?' || c == '[' || c == '~') {
                throw new Unreadable("'" + c + "' unquoted is expanded by the shell against files; routesync does not expand it", i + 1);
            } else {
                w.append(c);
                i++;
            }
        }
        if (w.length() > 0 || quoted) tokens.add(new Token(w.toString(), start + 1, false));
    }

    private void doubleQuoted(StringBuilder w) throws Unreadable {
        int open = i - 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                i++;
                return;
            }
            if (c == '\\' && i + 1 < line.length() && "$`\"\\".indexOf(line.charAt(i + 1)) >= 0) {
                w.append(line.charAt(i + 1));
                i += 2;
            } else if (c == '$') {
                String value = expansion();
                if (value == null) w.append('$');
                else w.append(value);
            } else if (c == '`') {
                throw new Unreadable("`...` runs a command; routesync does not run anything it reads", i + 1);
            } else {
                w.append(c);
                i++;
            }
        }
        throw new Unreadable("a double quote is not closed on this line", open + 1);
    }

    /** At a {@code $}: the value it stands for, or null when it is a plain dollar sign (then i is past it). */
    private String expansion() throws Unreadable {
        int at = i;
        i++;
        if (i >= line.length()) return null;
        char c = line.charAt(i);
        String name;
        if (c == '{') {
            int end = line.indexOf('}', i);
            name = end < 0 ? "" : line.substring(i + 1, end);
            if (!isName(name)) {
                throw new Unreadable("'${" + (end < 0 ? "" : name) + "}' is an expansion routesync does not follow: only $NAME and"
                        + " ${NAME} of a variable this file sets", at + 1);
            }
            i = end + 1;
        } else if (c == '(') {
            throw new Unreadable("$(...) runs a command; routesync does not run anything it reads", at + 1);
        } else if (Character.isLetter(c) || c == '_') {
            int start = i;
            while (i < line.length() && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) i++;
            name = line.substring(start, i);
        } else if ("0123456789@*#?$!-".indexOf(c) >= 0) {
            throw new Unreadable("'$" + c + "' is only known when the script runs (an argument or the shell's state)", at + 1);
        } else {
            return null;
        }
        if (!vars.containsKey(name)) {
            throw new Unreadable("$" + name + " is not set earlier in this file, so its value is only known where the line runs", at + 1);
        }
        String value = vars.get(name);
        if (value == null) throw new Unreadable("$" + name + " is set by a line routesync could not read", at + 1);
        return value;
    }

    static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) return false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) return false;
        }
        return true;
    }

    /** Drops what only changes output or failure handling at the end: 2>/dev/null, 2>&1, || true. */
    private void dropHarmlessTail() {
        while (!tokens.isEmpty()) {
            int n = tokens.size();
            Token last = tokens.get(n - 1);
            if (!last.operator && (last.text.equals("true") || last.text.equals(":")) && n >= 3
                    && tokens.get(n - 2).operator && tokens.get(n - 2).text.equals("||")) {
                tokens.remove(n - 1);
                tokens.remove(n - 2);
            } else if (last.operator && last.text.matches("(\\d*>>?|&>)/dev/null|\\d*>&\\d")) {
                tokens.remove(n - 1);
            } else {
                return;
            }
        }
    }
}

package io.routesync.config.yaml;

/** Which characters and words the plain-block reader ({@link PlainBlockYaml}) reads as they are, and where its one-line values end. */
final class PlainChars {
    private PlainChars() {
    }

    static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** {@link #isScalarChar} of every ASCII character: one array load per character of a large file, not a call (C1 does not inline it). */
    static final boolean[] SCALAR_CHARS = new boolean[128];

    static {
        for (char c = 0; c < SCALAR_CHARS.length; c++) SCALAR_CHARS[c] = isScalarChar(c);
    }

    private static boolean isScalarChar(char c) {
        return isAlnum(c) || c == '.' || c == '_' || c == '/' || c == ':' || c == '-' || c == '+' || c == '=' || c == ',' || c == '@' || c == '%';
    }

    /** Words YAML reads as null, and the merge key: the full reader knows what they mean. */
    static boolean isSpecial(String s) {
        return s.equals("null") || s.equals("Null") || s.equals("NULL") || s.equals("~") || s.equals("<<");
    }

    /** The end (after its last character, spaces not included) of a plain scalar in a flow mapping from {@code from}. */
    static int flowPlainEnd(byte[] b, int from, int end) {
        char first = (char) b[from];
        if (!(isAlnum(first) || first == '_' || first == '.' || first == '/' || first == '+'
                || (first == '-' && from + 1 < end && b[from + 1] != ' '))) {
            throw PlainBlockYaml.notPlain();
        }
        int last = from;
        for (int i = from; i < end && b[i] != ',' && b[i] != '}'; i++) {
            char c = (char) b[i];
            if (c == ' ') continue;
            // ':' means other things here; '#' after a space starts a comment
            if (c >= SCALAR_CHARS.length || !SCALAR_CHARS[c] || c == ':') throw PlainBlockYaml.notPlain();
            last = i + 1;
        }
        return last;
    }

    /** The end (after the closing quote) of a one-line double-quoted scalar without escapes from {@code from}. */
    static int quotedEnd(byte[] b, int from, int end) {
        for (int i = from + 1; i < end; i++) {
            if (b[i] == '"') return i + 1;
            if (b[i] == '\\') throw PlainBlockYaml.notPlain();
        }
        throw PlainBlockYaml.notPlain(); // it goes on on the next line
    }

    /** Only spaces and a comment may follow a value that ends at {@code from}. */
    static void lineRest(byte[] b, int from, int end) {
        int i = spaces(b, from, end);
        if (i < end && (b[i] != '#' || i == from)) throw PlainBlockYaml.notPlain();
    }

    static int spaces(byte[] b, int from, int end) {
        int i = from;
        while (i < end && b[i] == ' ') i++;
        return i;
    }
}

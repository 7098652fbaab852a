package io.routesync.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Everything routesync prints passes through here, so text from a target, a state file or an inventory
 * (an interface named with an escape sequence, a host name with a bidi override) cannot drive the
 * terminal: control characters are shown escaped, as \\x1b for C0 and in JSON's \\u form for DEL, C1 and
 * bidi controls (so a JSON string stays valid and means the same). Only the sequences
 * routesync writes itself pass: the colours of {@code render.Style} and the progress line's erase.
 * Newline and tab pass as layout.
 */
final class TerminalSafeWriter extends Writer {
    /** Colours (render.Style) and FleetConsole's "\r ESC[K": an allow-list, checked at each ESC or CR. */
    private static final String[] OWN = {"\u001b[0m", "\u001b[1m", "\u001b[2m", "\u001b[31m", "\u001b[32m", "\u001b[33m", "\r\u001b[K"};

    private final Writer out;

    private TerminalSafeWriter(Writer out) {
        this.out = out;
    }

    /** A writer for {@code out} that escapes control characters, flushing on println as {@code out} does. */
    static PrintWriter wrap(PrintWriter out) {
        return new PrintWriter(new TerminalSafeWriter(out), true);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        write(new String(buf, off, len));
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.substring(off, off + len));
    }

    @Override
    public void write(String s) throws IOException {
        StringBuilder safe = null;
        int end = s.length();
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (!isControl(c)) {
                if (safe != null) safe.append(c);
                continue;
            }
            String own = ownSequenceAt(s, i);
            if (safe == null) safe = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (own != null) {
                safe.append(own);
                i += own.length() - 1;
            } else {
                safe.append(escaped(c));
            }
        }
        out.write(safe == null ? s : safe.toString());
    }

    /** Shown escaped: C0 but newline and tab, DEL, C1, and the bidi controls that reorder what is shown. */
    static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u061c' || c == '\u200e' || c == '\u200f'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    static String escaped(char c) {
        return c < 0x20 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
    }

    private static String ownSequenceAt(String s, int i) {
        for (String own : OWN) {
            if (s.startsWith(own, i)) return own;
        }
        return null;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}

package io.routesync.cli;

import io.routesync.transport.KernelRandom;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Everything routesync prints passes through here, so text from a target, a state file or an inventory
 * (an interface named with an escape sequence, a host name with a bidi override) cannot drive the
 * terminal: control characters are shown escaped, as \\x1b for C0 and in JSON's \\u form for DEL, C1 and
 * bidi controls (so a JSON string stays valid and means the same). Only the sequences
 * routesync writes itself pass: the colours of {@code render.Style} and the progress line's erase.
 * Those are not recognised by their text (data could hold the same ESC [ 31 m, or CR ESC [ K to erase
 * what was printed before it on the line): routesync writes them with {@link #OWN_CSI}, a secret of
 * this run that data cannot guess, which only this writer turns into ESC [; every ESC that arrives is
 * shown escaped. Newline and tab pass as layout.
 */
final class TerminalSafeWriter extends Writer {
    /**
     * What routesync writes in place of ESC [ for its own sequences: four random private-use characters
     * chosen for this run (6400^4 possibilities), so no input file or target can forge one.
     */
    static final String OWN_CSI = secret();
    /** FleetConsole's progress-line erase: back to the start of the line and clear it. */
    static final String ERASE_LINE = "\r" + OWN_CSI + "K";
    /** The endings after {@link #OWN_CSI} that are routesync's (render.Style's colours): an allow-list. */
    private static final String[] OWN_ENDINGS = {"0m", "1m", "2m", "31m", "32m", "33m"};

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
        char mark = OWN_CSI.charAt(0);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (!isControl(c) && c != mark) {
                if (safe != null) safe.append(c);
                continue;
            }
            if (safe == null) safe = new StringBuilder(s.length() + 16).append(s, 0, i);
            int own = ownSequenceAt(s, i);
            if (own > 0) {
                // routesync's own: OWN_CSI becomes ESC [
                safe.append(s.substring(i, i + own).replace(OWN_CSI, "\u001b["));
                i += own - 1;
            } else if (c == mark) {
                safe.append(c);
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

    /** The length of routesync's own sequence at {@code i} (with OWN_CSI), else 0. */
    private static int ownSequenceAt(String s, int i) {
        if (s.startsWith(ERASE_LINE, i)) return ERASE_LINE.length();
        if (!s.startsWith(OWN_CSI, i)) return 0;
        for (String ending : OWN_ENDINGS) {
            if (s.startsWith(ending, i + OWN_CSI.length())) return OWN_CSI.length() + ending.length();
        }
        return 0;
    }

    /**
     * Four private-use characters from the kernel's generator (floorMod of a uniform int over 0x1900 is
     * biased by under one part in 10^5).
     */
    private static String secret() {
        StringBuilder b = new StringBuilder(4);
        for (int r : KernelRandom.ints(4)) b.append((char) (0xe000 + Math.floorMod(r, 0x1900)));
        return b.toString();
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

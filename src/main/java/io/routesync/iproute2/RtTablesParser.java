package io.routesync.iproute2;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads iproute2's name files ({@code rt_tables}, {@code rt_tables.d/*.conf}, {@code rt_protos},
 * {@code rt_protos.d/*.conf}) the way iproute2 6.1 does (lib/rt_names.c), so routesync's names are
 * the host's: the file is read in pieces of at most 511 characters (a longer line goes on as the next
 * piece); blanks and tabs before the first word are skipped; a piece that then is empty or starts with
 * {@code #} is skipped; any other must start with an id and a name as C's {@code sscanf "0x%x %s"} or
 * {@code "%d %s"} read them, and whatever follows the name is ignored ({@code 100 foo bar} binds
 * {@code foo}, {@code 100 #x} binds {@code #x}). At the first piece that does not, iproute2 says
 * "Database ... is corrupted" and reads no further in that file: the entries before it count, nothing
 * after it does, and the host is still readable. Ids that are negative as a C int are skipped, as
 * iproute2 skips them.
 *
 * <p>One form iproute2 accepts is refused: a name that is all digits. iproute2 looks names up before
 * numbers, so {@code 100 200} makes every "table 200" routesync reads or writes mean table 100.
 */
public final class RtTablesParser {
    /** Table ids are 32-bit; protocol numbers are 8-bit. */
    public static final long MAX_TABLE_ID = 0xffff_ffffL;
    public static final long MAX_PROTOCOL = 255;
    /** fgets into a 512-byte buffer (NAME_MAX_LEN) reads at most 511 characters at a time. */
    private static final int PIECE = 511;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** One {@code ID NAME} binding and the line it came from (1-based). */
    public record Entry(long id, String name, int line) {
    }

    /** A file as iproute2 reads it: its entries, and the line where it stopped reading (0 when it read it all). */
    public record NameFile(List<Entry> entries, int corruptLine, String corruptText) {
        public NameFile {
            entries = List.copyOf(entries);
        }
    }

    private RtTablesParser() {
    }

    /** Parses an rt_tables file; {@code source} names it in errors (a path). */
    public static List<Entry> parseTables(String source, String content) throws OutputException {
        return parse(source, content, MAX_TABLE_ID);
    }

    /** Parses an rt_protos file (ids above 255 are skipped, as iproute2 does). */
    public static List<Entry> parseProtocols(String source, String content) throws OutputException {
        return parse(source, content, MAX_PROTOCOL);
    }

    /** The entries with ids from 0 to {@code maxId}. */
    public static List<Entry> parse(String source, String content, long maxId) throws OutputException {
        List<Entry> entries = new ArrayList<>();
        for (Entry e : read(source, content).entries()) {
            if (e.id() <= maxId) entries.add(e);
        }
        return entries;
    }

    /**
     * Reads a file as iproute2 does; only an all-digit name is an error, naming the file and the line.
     */
    public static NameFile read(String source, String content) throws OutputException {
        List<Entry> entries = new ArrayList<>();
        int lineNumber = 1;
        int start = 0;
        while (start < content.length()) {
            int end = Math.min(content.length(), start + PIECE);
            int nl = content.indexOf('\n', start);
            if (nl >= 0 && nl < end) end = nl + 1;
            String piece = content.substring(start, end);
            int pieceLine = lineNumber;
            if (nl >= 0 && nl < end) lineNumber++;
            start = end;
            int zero = piece.indexOf('\0');
            Scan s = new Scan(zero < 0 ? piece : piece.substring(0, zero));
            while (s.at(' ') || s.at('\t')) s.pos++;
            if (s.end() || s.at('#') || s.at('\n')) continue;
            Entry e = idAndName(s, pieceLine);
            if (e == null) return new NameFile(entries, pieceLine, line(content, pieceLine));
            if (e.id() < 0) continue;
            if (!e.name().isEmpty() && e.name().chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new OutputException(source, pieceLine, line(content, pieceLine), "name '" + e.name()
                        + "' is a number: iproute2 looks names up before numbers, so table or protocol " + e.name()
                        + " would mean " + e.id() + " to every 'ip' command on this host; rename it", true);
            }
            entries.add(e);
        }
        return new NameFile(entries, 0, null);
    }

    /** sscanf "0x%x %s", else "%d %s": the id as C's int (negative when it does not fit), or null. */
    private static Entry idAndName(Scan s, int line) {
        int from = s.pos;
        if (s.text.startsWith("0x", from)) {
            s.pos = from + 2;
            BigInteger id = s.number(16);
            String name = id == null ? null : s.word();
            if (name != null) return new Entry(asInt(id.and(ULONG_MAX)), name, line);
        }
        s.pos = from;
        BigInteger id = s.number(10);
        String name = id == null ? null : s.word();
        if (name == null) return null;
        // strtol saturates at the limits of a long; the int keeps the low 32 bits
        return new Entry(asInt(id.max(LONG_MIN).min(LONG_MAX)), name, line);
    }

    private static long asInt(BigInteger value) {
        return value.intValue();
    }

    private static String line(String content, int number) {
        String[] lines = content.split("\n", -1);
        return number - 1 < lines.length ? lines[number - 1] : "";
    }

    /** A cursor over one piece with C's scanf conversions. */
    private static final class Scan {
        final String text;
        int pos;

        Scan(String text) {
            this.text = text;
        }

        boolean end() {
            return pos >= text.length();
        }

        boolean at(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        void skipSpace() {
            while (pos < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(pos)) >= 0) pos++;
        }

        /** %d (base 10, signed) or %x (base 16, sign and 0x allowed, unsigned wrap); null when no digit. */
        BigInteger number(int base) {
            skipSpace();
            boolean negative = false;
            if (at('+') || at('-')) {
                negative = at('-');
                pos++;
            }
            int digitsFrom = pos;
            if (base == 16 && at('0') && pos + 1 < text.length() && (text.charAt(pos + 1) == 'x' || text.charAt(pos + 1) == 'X')) {
                pos += 2;
                // "0x" with no hex digit after it reads as the 0 before the x
                if (pos >= text.length() || Character.digit(text.charAt(pos), 16) < 0) return BigInteger.ZERO;
                digitsFrom = pos;
            }
            while (pos < text.length() && Character.digit(text.charAt(pos), base) >= 0 && text.charAt(pos) < 128) pos++;
            if (pos == digitsFrom) return null;
            BigInteger v = new BigInteger(text.substring(digitsFrom, pos), base);
            if (base == 16 && v.compareTo(ULONG_MAX) > 0) v = ULONG_MAX;
            return negative ? v.negate() : v;
        }

        /** " %s": white space, then a run of other characters; null when there is none. */
        String word() {
            skipSpace();
            int from = pos;
            while (pos < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(pos)) < 0) pos++;
            return pos == from ? null : text.substring(from, pos);
        }
    }
}

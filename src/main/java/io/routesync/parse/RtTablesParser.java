package io.routesync.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads iproute2's name files: {@code rt_tables}, {@code rt_tables.d/*.conf}, {@code rt_protos} and
 * {@code rt_protos.d/*.conf}. Each line is {@code ID NAME} (decimal or 0x hex id), optionally followed
 * by a {@code #} comment; blank lines and comment lines are skipped. A line that is anything else is an
 * error naming the file and the line: iproute2 itself stops reading such a file at that point, so a
 * silently skipped line would make routesync's names differ from the host's.
 */
public final class RtTablesParser {
    /** Table ids are 32-bit; protocol numbers are 8-bit. */
    public static final long MAX_TABLE_ID = 0xffff_ffffL;
    public static final long MAX_PROTOCOL = 255;

    /** One {@code ID NAME} binding and the line it came from (1-based). */
    public record Entry(long id, String name, int line) {
    }

    private RtTablesParser() {
    }

    /** Parses an rt_tables file; {@code source} names it in errors (a path). */
    public static List<Entry> parseTables(String source, String content) throws OutputException {
        return parse(source, content, MAX_TABLE_ID);
    }

    /** Parses an rt_protos file. */
    public static List<Entry> parseProtocols(String source, String content) throws OutputException {
        return parse(source, content, MAX_PROTOCOL);
    }

    /** Parses {@code ID NAME} lines with ids from 0 to {@code maxId}. */
    public static List<Entry> parse(String source, String content, long maxId) throws OutputException {
        List<Entry> entries = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < content.length()) {
            int end = content.indexOf('\n', start);
            if (end < 0) end = content.length();
            lineNumber++;
            String line = content.substring(start, end);
            start = end + 1;
            Entry e = parseLine(source, lineNumber, line, maxId);
            if (e != null) entries.add(e);
        }
        return entries;
    }

    private static Entry parseLine(String source, int lineNumber, String line, long maxId) throws OutputException {
        String text = line;
        int hash = text.indexOf('#');
        if (hash >= 0) text = text.substring(0, hash);
        text = text.strip();
        if (text.isEmpty()) return null;
        String[] words = text.split("\\s+");
        if (words.length != 2) {
            throw new OutputException(source, lineNumber, line, "expected 'ID NAME' (an id, one name, then an optional # comment)");
        }
        long id = Numbers.parse(words[0], maxId);
        if (id < 0) {
            throw new OutputException(source, lineNumber, line,
                    "'" + words[0] + "' is not an id from 0 to " + maxId + " (decimal or 0x hex)");
        }
        if (words[1].chars().allMatch(c -> c >= '0' && c <= '9')) {
            // iproute2 looks names up before numbers, so such a name would silently redirect that number
            throw new OutputException(source, lineNumber, line, "name '" + words[1] + "' is a number, which makes that number ambiguous");
        }
        return new Entry(id, words[1], lineNumber);
    }
}

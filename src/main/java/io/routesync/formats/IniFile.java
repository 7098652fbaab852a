package io.routesync.formats;

import io.routesync.config.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A systemd unit-style file ({@code .network}) as systemd reads it: {@code [Section]} headers, {@code
 * Key=Value} lines (blanks around both trimmed), {@code #} and {@code ;} comment lines, a trailing
 * backslash joining lines. Each section keeps its entries in order (a key may repeat).
 */
final class IniFile {
    record Entry(String key, String value, SourcePos keyPos, SourcePos valuePos) {
    }

    /** A section; {@code last} holds each key's last entry (systemd: a later assignment wins), kept as entries are read. */
    record Section(String name, SourcePos at, List<Entry> entries, Map<String, Entry> last) {
        /** The last value of {@code key}, or null. */
        Entry last(String key) {
            return last.get(key);
        }
    }

    private IniFile() {
    }

    /** The sections of {@code file}; lines that are neither go to {@code into} as problems. */
    static List<Section> read(FormatFile file, Entries into) {
        List<Section> sections = new ArrayList<>();
        Section current = null;
        for (LogicalLine line : LogicalLine.of(file.name(), file.text(), true)) {
            String text = line.text();
            String t = text.strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) continue;
            int col = text.indexOf(t.charAt(0)) + 1;
            if (t.startsWith("[") && t.endsWith("]")) {
                current = new Section(t.substring(1, t.length() - 1), line.at(col), new ArrayList<>(), new HashMap<>());
                sections.add(current);
                continue;
            }
            int eq = text.indexOf('=');
            if (eq < 0) {
                into.problem(line.at(col), "not a Key=Value line or a [Section]", "Key=Value");
                continue;
            }
            if (current == null) {
                into.problem(line.at(col), "a setting before the first [Section]", "put it under its section, e.g. [Route]");
                continue;
            }
            String value = text.substring(eq + 1);
            int valueCol = eq + 2 + (value.length() - value.stripLeading().length());
            Entry e = new Entry(text.substring(0, eq).strip(), value.strip(), line.at(col), line.at(valueCol));
            current.entries.add(e);
            current.last.put(e.key, e);
        }
        return sections;
    }
}

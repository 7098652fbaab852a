package io.routesync.formats;

import io.routesync.config.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * One line as the reading program sees it: physical lines joined where one ends in a backslash (the
 * backslash and the newline removed, as sh, ifupdown and systemd join them), with a way back from a
 * column of the joined text to the physical line and column, so every diagnostic points at what was written.
 */
record LogicalLine(String file, String text, int[] starts, int[] lines) {
    /** The file's logical lines; {@code joinContinuations} false keeps every physical line apart. */
    static List<LogicalLine> of(String file, String content, boolean joinContinuations) {
        List<LogicalLine> out = new ArrayList<>();
        String[] physical = content.split("\r?\n", -1);
        int n = physical.length;
        if (n > 0 && physical[n - 1].isEmpty()) n--;
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            List<int[]> parts = new ArrayList<>();
            String p = physical[i];
            while (joinContinuations && p.endsWith("\\") && !p.endsWith("\\\\") && i + 1 < n) {
                parts.add(new int[] {text.length(), i + 1});
                text.append(p, 0, p.length() - 1);
                p = physical[++i];
            }
            parts.add(new int[] {text.length(), i + 1});
            text.append(p);
            int[] starts = new int[parts.size()];
            int[] lines = new int[parts.size()];
            for (int k = 0; k < parts.size(); k++) {
                starts[k] = parts.get(k)[0];
                lines[k] = parts.get(k)[1];
            }
            out.add(new LogicalLine(file, text.toString(), starts, lines));
        }
        return out;
    }

    /** The first physical line's number. */
    int number() {
        return lines[0];
    }

    /** Where the character at {@code column} (1-based, in the joined text) was written. */
    SourcePos at(int column) {
        // the last piece starting at or before the column (binary search: a line may join many)
        int k = java.util.Arrays.binarySearch(starts, column - 1);
        if (k < 0) k = -k - 2;
        return new SourcePos(file, lines[k], column - starts[k]);
    }

    /** The start of the line. */
    SourcePos start() {
        return new SourcePos(file, lines[0], 1);
    }
}

package io.routesync.render;

import java.util.ArrayList;
import java.util.List;

/** Fitting plain text to a terminal's width: cutting a status line, wrapping a paragraph. Width 0 means no limit. */
public final class TextWidth {
    private TextWidth() {
    }

    /** The line as is when it fits, else cut with "..." at the end, so it never wraps (and a progress line can be redrawn). */
    public static String cut(String line, int width) {
        if (width <= 0 || line.length() <= width) return line;
        if (width <= 3) return line.substring(0, width);
        return line.substring(0, width - 3) + "...";
    }

    /**
     * Wraps each line of {@code text} at spaces to {@code width}, continuation lines indented like the
     * line they continue; a word longer than the width stays whole (a path or an address must not break).
     */
    public static String wrap(String text, int width) {
        if (width <= 0) return text;
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.length() <= width) {
                out.add(line);
                continue;
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') indent++;
            String continuation = " ".repeat(Math.min(indent + 2, width / 2));
            StringBuilder current = new StringBuilder(" ".repeat(indent));
            boolean hasWord = false;
            for (String word : line.substring(indent).split(" ")) {
                if (word.isEmpty()) continue;
                if (hasWord && current.length() + 1 + word.length() > width) {
                    out.add(current.toString());
                    current = new StringBuilder(continuation);
                    hasWord = false;
                }
                if (hasWord) current.append(' ');
                current.append(word);
                hasWord = true;
            }
            out.add(current.toString());
        }
        return String.join("\n", out);
    }
}

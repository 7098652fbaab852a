package io.routesync.iproute2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a script's output into {@link Reading} sections by its marker lines
 * ({@code MARKER word ...}): {@code file PATH} starts a file's content, {@code cmd WORDS} a command's
 * output that {@code rc N} ends, {@code digest HEX} gives the reading's digest, any other word is a
 * note ({@code locked}, {@code stale}, {@code fatal ...}). Pure; it interprets no section.
 */
public final class ReadingParser {
    private ReadingParser() {
    }

    /** The part of an apply's output before {@code MARKER reread} and the re-read after it (null if absent). */
    public record ApplyOutput(String applied, String reread) {
    }

    public static ApplyOutput splitApply(String output, String marker) {
        String line = marker + " reread\n";
        int at = output.startsWith(line) ? 0 : output.indexOf("\n" + line);
        if (at < 0) return new ApplyOutput(output, null);
        int cut = at == 0 ? 0 : at + 1;
        return new ApplyOutput(output.substring(0, cut), output.substring(cut + line.length()));
    }

    /** Told where each command section's body is in the output (a {@link RouteFeed}). */
    public interface Bodies {
        /** {@code section}'s body is the output from {@code from} to {@code to}, as it is (nothing carried over a note). */
        void section(Reading.CommandSection section, int from, int to);
    }

    public static Reading parse(String output, String marker) {
        return parse(output, marker, null);
    }

    /** {@link #parse(String, String)}, telling {@code bodies} (null: nobody) where the command sections' bodies are. */
    public static Reading parse(String output, String marker, Bodies bodies) {
        List<Reading.FileSection> files = new ArrayList<>();
        List<Reading.CommandSection> commands = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String digest = null;
        String prefix = marker + " ";
        String openKind = null;
        List<String> openWords = List.of();
        // a section's body is every line between its marker line and the next one: one substring of
        // the output (a route dump is megabytes; copying it line by line is most of this parse)
        int bodyStart = 0;
        // what an open command section held before a note or digest line inside it (rare)
        String carried = "";
        String markerLine = "\n" + prefix;
        int pos = 0;
        while (pos < output.length()) {
            if (!output.startsWith(prefix, pos)) {
                // on to the next marker line in one search, not line by line: the lines between are a
                // section's body, and a route dump's is 100k lines
                int next = output.indexOf(markerLine, pos);
                if (next < 0) break;
                pos = next + 1;
            }
            int end = output.indexOf('\n', pos);
            if (end < 0) end = output.length();
            String body = openKind == null ? null : join(carried, output.substring(bodyStart, pos));
            int bodyFrom = bodyStart;
            int bodyTo = pos;
            String[] words = output.substring(pos + prefix.length(), end).split(" ");
            pos = end + 1;
            bodyStart = pos;
            if ("file".equals(openKind)) {
                files.add(new Reading.FileSection(String.join(" ", openWords), body));
                openKind = null;
            }
            List<String> rest = Arrays.asList(words).subList(1, words.length);
            switch (words[0]) {
                case "file":
                case "cmd":
                    openKind = words[0];
                    openWords = List.copyOf(rest);
                    carried = "";
                    break;
                case "rc":
                    if ("cmd".equals(openKind)) {
                        Reading.CommandSection c = new Reading.CommandSection(openWords, body, parseExit(rest));
                        commands.add(c);
                        if (bodies != null && carried.isEmpty()) bodies.section(c, bodyFrom, bodyTo);
                    }
                    openKind = null;
                    carried = "";
                    break;
                case "digest":
                    digest = rest.isEmpty() ? "" : rest.get(0);
                    if (openKind != null) carried = body;
                    break;
                default:
                    notes.add(String.join(" ", words));
                    if (openKind != null) carried = body;
            }
        }
        if ("file".equals(openKind)) files.add(new Reading.FileSection(String.join(" ", openWords), lastBody(output, bodyStart)));
        return new Reading(files, commands, digest, notes);
    }

    private static String join(String carried, String body) {
        return carried.isEmpty() ? body : carried + body;
    }

    /** The body from {@code start} to the end of the output; a last line without its newline gets one, as every line has. */
    private static String lastBody(String output, int start) {
        if (start >= output.length()) return "";
        String body = output.substring(start);
        return body.endsWith("\n") ? body : body + "\n";
    }

    private static int parseExit(List<String> words) {
        try {
            return words.isEmpty() ? -1 : Integer.parseInt(words.get(0));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

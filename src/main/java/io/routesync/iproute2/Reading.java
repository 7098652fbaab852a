package io.routesync.iproute2;

import java.util.List;

/**
 * The raw sections of one run of routesync's read script on a target: name files, command outputs
 * with their exit codes, the reading's digest, and what the script reported instead when it could
 * not read (lock held, no {@code ip}, host changed since it was read).
 */
public record Reading(
        List<FileSection> files,
        List<CommandSection> commands,
        String digest,
        List<String> notes) {

    public Reading {
        files = List.copyOf(files);
        commands = List.copyOf(commands);
        notes = List.copyOf(notes);
    }

    /** The content of one file the script printed, e.g. {@code /etc/iproute2/rt_tables.d/routesync.conf}. */
    public record FileSection(String path, String content) {
        // equals and hashCode as the record would make them, written out: a record's are linked at their
        // first call (~15 ms of a short run, as the verify after a batch first compares the name files)
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof FileSection f && path.equals(f.path) && content.equals(f.content);
        }

        @Override
        public int hashCode() {
            return 31 * path.hashCode() + content.hashCode();
        }
    }

    /**
     * One command's output: {@code words} identify it ({@code rule 4}, {@code route 6 102},
     * {@code batch 4}, {@code version}), {@code output} is stdout and stderr together.
     */
    public record CommandSection(List<String> words, String output, int exitCode) {
        public CommandSection {
            words = List.copyOf(words);
        }

        public String describe() {
            return String.join(" ", words);
        }
    }

    /** The first command whose words are exactly {@code words}, or null. */
    public CommandSection command(String... words) {
        List<String> wanted = List.of(words);
        for (CommandSection c : commands) {
            if (c.words().equals(wanted)) return c;
        }
        return null;
    }

    /** The words after the first note starting with {@code word} ({@code locked}, {@code stale ...}), or null. */
    public String note(String word) {
        for (String n : notes) {
            if (n.equals(word)) return "";
            if (n.startsWith(word + " ")) return n.substring(word.length() + 1);
        }
        return null;
    }
}

package io.routesync.transport;

import io.routesync.iproute2.Reading;
import java.util.ArrayList;
import java.util.List;

/**
 * What a script's {@code fatal ...} and {@code write-failed ...} notes mean, in words that name the
 * path and the reason (files.sh writes them): a file routesync could not write, a lock or state
 * directory other users could tamper with.
 */
public final class ScriptFailure {
    private ScriptFailure() {
    }

    /** One sentence for a {@code fatal} note's words, naming {@code host}. */
    public static String describe(String host, String fatal) {
        String[] w = fatal.split(" ", 4);
        switch (w[0]) {
            case "write":
                if (w.length < 3) break;
                return "could not write " + w[1] + " on " + host + ": " + rest(w, 2);
            case "unsafe-dir":
                if (w.length < 4) break;
                return "routesync's " + w[1] + " directory " + w[2] + " on " + host + " " + w[3]
                        + "; routesync keeps its " + w[1] + " only in a directory owned by the user it runs as, not a"
                        + " symbolic link and not writable by group or others (" + option(w[1]) + ")";
            case "unsafe-file":
                if (w.length < 4) break;
                return "routesync's " + w[1] + " file " + w[2] + " on " + host + " " + w[3] + "; remove it (" + option(w[1]) + ")";
            case "no-flock":
                return host + " has no 'flock' command (util-linux), which routesync needs for its lock";
            default:
                break;
        }
        return "the routesync script failed on " + host + " (" + fatal + ")";
    }

    /**
     * What a run stopped before its batch changed: nothing, or (a {@code left-changed PATH REASON} note)
     * a name file it had written and could not put back, as the end of a sentence.
     */
    public static String leftChanged(Reading reading) {
        String left = reading.note("left-changed");
        if (left == null) return "; nothing was changed";
        String[] w = left.split(" ", 2);
        return "; no route or rule was changed, but " + w[0] + " was already written and could not be put back"
                + (w.length < 2 ? "" : " (" + w[1] + ")") + ": check it";
    }

    /** The {@code write-failed PATH REASON} notes of a run, as "PATH: REASON". */
    public static List<String> writeFailures(Reading reading) {
        List<String> out = new ArrayList<>();
        for (String n : reading.notes()) {
            if (!n.startsWith("write-failed ")) continue;
            String[] w = n.split(" ", 3);
            out.add(w.length < 3 ? w[1] : w[1] + ": " + w[2]);
        }
        return out;
    }

    private static String option(String kind) {
        return kind.equals("lock") ? "see --lock-dir" : "see --state-dir";
    }

    private static String rest(String[] words, int from) {
        return String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
    }
}

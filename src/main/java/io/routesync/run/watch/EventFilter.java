package io.routesync.run.watch;

import io.routesync.model.TableId;
import java.util.Set;

/**
 * Which kernel events can matter to a target's desired state, from {@code ip -N monitor label} lines:
 * links and addresses always (a link going down takes its routes with it, and IPv4 sends no event for
 * those), rules always (routesync's own, or one in their way), routes only in the tables the desired
 * state reads (a route without a table word is in main). A line it does not recognise counts, so an
 * event is never missed for a format it did not expect; a busy table elsewhere costs nothing.
 */
final class EventFilter {
    private static final long MAIN = 254;

    private EventFilter() {
    }

    static boolean matters(String line, Set<TableId> tables) {
        if (!line.startsWith("[ROUTE]")) return true;
        String[] words = line.substring("[ROUTE]".length()).split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (!words[i].equals("table")) continue;
            try {
                return tables.contains(TableId.of(Long.parseLong(words[i + 1])));
            } catch (RuntimeException notANumber) {
                return true;
            }
        }
        return tables.contains(TableId.of(MAIN));
    }

    /** The event in a few words for the log: its label as a word and the start of the line. */
    static String describe(String line) {
        String text = line;
        if (line.startsWith("[") && line.indexOf(']') > 0) {
            text = line.substring(1, line.indexOf(']')).toLowerCase(java.util.Locale.ROOT) + " " + line.substring(line.indexOf(']') + 1);
        }
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}

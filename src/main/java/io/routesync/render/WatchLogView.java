package io.routesync.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.run.watch.WatchEvent;

/**
 * {@code routesync watch}'s log: one line per action, for journald (which adds the time) or, with
 * {@code --json}, one JSON object per line. Text: {@code KIND TARGET: WHY[; N changes in X ms, Y ms
 * after the first event][: DETAIL][: CHANGE; CHANGE...]}. Whatever a field holds, a line stays one line.
 */
public final class WatchLogView {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WatchLogView() {
    }

    public static String text(WatchEvent e) {
        StringBuilder out = new StringBuilder();
        out.append(e.kind().word()).append(' ').append(e.target()).append(": ").append(e.why());
        if (e.kind() == WatchEvent.Kind.HEALED) {
            int n = e.changes().size();
            out.append("; ").append(n).append(n == 1 ? " change" : " changes").append(" in ").append(e.millis()).append(" ms");
            if (e.sinceEventMillis() >= 0) out.append(", ").append(e.sinceEventMillis()).append(" ms after the first event");
        } else if (e.kind() == WatchEvent.Kind.CONVERGED) {
            out.append("; nothing to change (").append(e.millis()).append(" ms)");
        }
        if (e.detail() != null) out.append(": ").append(e.detail());
        if (!e.changes().isEmpty()) out.append(": ").append(String.join("; ", e.changes()));
        return oneLine(out.toString());
    }

    public static String json(WatchEvent e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("time", e.time().toString());
        root.put("event", e.kind().word());
        root.put("target", e.target());
        root.put("why", e.why());
        ArrayNode changes = root.putArray("changes");
        e.changes().forEach(changes::add);
        if (e.millis() >= 0) root.put("ms", e.millis());
        if (e.sinceEventMillis() >= 0) root.put("ms_since_event", e.sinceEventMillis());
        if (e.detail() != null) root.put("detail", e.detail());
        return root.toString(); // Jackson escapes newlines: one object, one line
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " | ");
    }
}

package io.routesync.render;

import java.util.List;

/**
 * The end of a fleet run, like Ansible's PLAY RECAP: one line per host in inventory order saying
 * where it stands, then a totals line scripts can grep:
 * {@code Hosts: 8 total, 1 ok, 6 changed, 0 failed, 1 unreachable.}
 */
public final class RecapRenderer {

    /** Where one host stands. */
    public enum Kind { OK, CHANGED, FAILED, UNREACHABLE }

    /** One host's line: its changes (pending or applied) and, when it failed, why in one line. */
    public record Row(String host, Kind kind, int changes, String reason) {
    }

    private RecapRenderer() {
    }

    /**
     * @param pending true for a plan ("changes pending (N)"), false for an apply ("changed (N)")
     * @param width   the terminal's width to cut lines at, or 0 to keep them whole (logs, pipes)
     */
    public static String render(List<Row> rows, boolean pending, Style style, int width) {
        int nameWidth = 0;
        for (Row r : rows) nameWidth = Math.max(nameWidth, r.host().length());
        StringBuilder out = new StringBuilder("Recap:\n");
        int[] counts = new int[Kind.values().length];
        for (Row r : rows) {
            counts[r.kind().ordinal()]++;
            String plain = "  " + pad(r.host(), nameWidth) + "  " + status(r, pending);
            String line = TextWidth.cut(plain, width);
            out.append(colour(r.kind(), line, style)).append('\n');
        }
        out.append("Hosts: ").append(rows.size()).append(" total, ")
                .append(counts[Kind.OK.ordinal()]).append(" ok, ")
                .append(counts[Kind.CHANGED.ordinal()]).append(pending ? " changes pending, " : " changed, ")
                .append(counts[Kind.FAILED.ordinal()]).append(" failed, ")
                .append(counts[Kind.UNREACHABLE.ordinal()]).append(" unreachable.\n");
        return out.toString();
    }

    /** The status words of a row: {@code ok}, {@code changed (3)}, {@code failed: WHY}, ... */
    public static String status(Row r, boolean pending) {
        switch (r.kind()) {
            case OK: return "ok";
            case CHANGED: return (pending ? "changes pending (" : "changed (") + r.changes() + ")";
            case FAILED: return "failed" + (r.reason() == null ? "" : ": " + r.reason());
            case UNREACHABLE: return "unreachable" + (r.reason() == null ? "" : ": " + r.reason());
            default: throw new AssertionError(r.kind());
        }
    }

    private static String colour(Kind kind, String line, Style style) {
        switch (kind) {
            case OK: return style.green(line);
            case CHANGED: return style.yellow(line);
            case FAILED:
            case UNREACHABLE: return style.red(line);
            default: throw new AssertionError(kind);
        }
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) b.append(' ');
        return b.toString();
    }
}

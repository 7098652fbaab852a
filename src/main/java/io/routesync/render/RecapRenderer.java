package io.routesync.render;

import io.routesync.run.HostRun.Status;
import io.routesync.run.HostRun;
import java.util.List;

/**
 * The end of a fleet run, like Ansible's PLAY RECAP: one line per host in inventory order saying
 * where it stands, then a totals line scripts can grep:
 * {@code Hosts: 8 total, 1 ok, 6 changed, 0 failed, 1 unreachable.}
 */
public final class RecapRenderer {

    private RecapRenderer() {
    }

    /**
     * @param pending true for a plan ("changes pending (N)"), false for an apply ("changed (N)")
     * @param width   the terminal's width to cut lines at, or 0 to keep them whole (logs, pipes)
     */
    public static String render(List<HostRun> runs, boolean pending, Style style, int width) {
        int nameWidth = 0;
        for (HostRun r : runs) nameWidth = Math.max(nameWidth, r.name().length());
        StringBuilder out = new StringBuilder("Recap:\n");
        int[] counts = new int[Status.values().length];
        for (HostRun r : runs) {
            counts[r.status().ordinal()]++;
            String plain = "  " + pad(r.name(), nameWidth) + "  " + status(r, pending);
            String line = TextWidth.cut(plain, width);
            out.append(colour(r.status(), line, style)).append('\n');
        }
        out.append("Hosts: ").append(runs.size()).append(" total, ")
                .append(counts[Status.OK.ordinal()]).append(" ok, ")
                .append(counts[Status.CHANGED.ordinal()]).append(pending ? " changes pending, " : " changed, ")
                .append(counts[Status.FAILED.ordinal()]).append(" failed, ")
                .append(counts[Status.UNREACHABLE.ordinal()]).append(" unreachable.\n");
        return out.toString();
    }

    /** The status words of a host's line: {@code ok}, {@code changed (3)}, {@code failed: WHY}, ... */
    public static String status(HostRun r, boolean pending) {
        String reason = r.reason();
        switch (r.status()) {
            case OK: return "ok";
            case CHANGED: return (pending ? "changes pending (" : "changed (") + r.changes() + ")";
            case FAILED: return "failed" + (reason == null ? "" : ": " + reason);
            case UNREACHABLE: return "unreachable" + (reason == null ? "" : ": " + reason);
            default: throw new AssertionError(r.status());
        }
    }

    private static String colour(Status kind, String line, Style style) {
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

package io.routesync.render;

import io.routesync.run.HostRun.Status;
import io.routesync.run.HostRun;
import io.routesync.run.RunResult;
import java.util.List;

/**
 * The end of a fleet run, like Ansible's PLAY RECAP: one line per host in inventory order saying
 * where it stands, then a totals line scripts can grep:
 * {@code Hosts: 8 total, 1 ok, 6 changed, 0 failed, 1 unreachable.}
 * A staged rollout (--serial) adds each host's batch to its line, a line on which batches ran
 * ({@link RolloutText}), and the untouched hosts to the totals.
 */
public final class RecapRenderer {

    private RecapRenderer() {
    }

    /** A run that was not a staged rollout. */
    public static String render(List<HostRun> runs, boolean pending, Style style, int width) {
        return render(new RunResult(runs), pending, style, width);
    }

    /**
     * @param pending true for a plan ("changes pending (N)"), false for an apply ("changed (N)")
     * @param width   the terminal's width to cut lines at, or 0 to keep them whole (logs, pipes)
     */
    public static String render(RunResult result, boolean pending, Style style, int width) {
        List<HostRun> runs = result.hosts();
        boolean rollout = result.rollout() != null;
        int nameWidth = 0;
        int batchWidth = 0;
        for (HostRun r : runs) {
            nameWidth = Math.max(nameWidth, r.name().length());
            batchWidth = Math.max(batchWidth, batch(r).length());
        }
        StringBuilder out = new StringBuilder("Recap:\n");
        int[] counts = new int[Status.values().length];
        for (HostRun r : runs) {
            counts[r.status().ordinal()]++;
            String plain = "  " + pad(r.name(), nameWidth) + "  " + (rollout ? pad(batch(r), batchWidth) + "  " : "") + status(r, pending);
            String line = TextWidth.cut(plain, width);
            out.append(colour(r.status(), line, style)).append('\n');
        }
        if (rollout) out.append(TextWidth.cut(RolloutText.line(result), width)).append('\n');
        out.append("Hosts: ").append(runs.size()).append(" total, ")
                .append(counts[Status.OK.ordinal()]).append(" ok, ")
                .append(counts[Status.CHANGED.ordinal()]).append(pending ? " changes pending, " : " changed, ")
                .append(counts[Status.FAILED.ordinal()]).append(" failed, ")
                .append(counts[Status.UNREACHABLE.ordinal()]).append(rollout ? " unreachable, " : " unreachable.\n");
        if (rollout) out.append(counts[Status.UNTOUCHED.ordinal()]).append(" untouched.\n");
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
            case UNTOUCHED: return "untouched: " + reason;
            default: throw new AssertionError(r.status());
        }
    }

    /** {@code batch 2}, or nothing for a host outside the rollout (no changes, or not planned). */
    private static String batch(HostRun r) {
        return r.batch() == null ? "" : "batch " + r.batch().number();
    }

    private static String colour(Status kind, String line, Style style) {
        switch (kind) {
            case OK: return style.green(line);
            case CHANGED: return style.yellow(line);
            case FAILED:
            case UNREACHABLE:
            case UNTOUCHED: return style.red(line);
            default: throw new AssertionError(kind);
        }
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) b.append(' ');
        return b.toString();
    }
}

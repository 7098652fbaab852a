package io.routesync.cli;

import io.routesync.run.HostRun;
import io.routesync.render.FleetJsonRenderer;
import io.routesync.render.RecapRenderer;
import io.routesync.render.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The end of a fleet run: the recap, the JSON document, and the exit code. Precedence of the exit
 * code, most serious first: 1 if any host failed; else 69 if any was unreachable; else (plan with
 * --detailed-exitcode) 2 if any has changes pending; else 0.
 */
final class FleetReport {
    private FleetReport() {
    }

    static int exitCode(List<HostRun> runs, boolean detailedChanges) {
        boolean unreachable = false;
        boolean changes = false;
        for (HostRun r : runs) {
            switch (r.status()) {
                case FAILED: return ExitCodes.FAILED;
                case UNREACHABLE: unreachable = true; break;
                case CHANGED: changes = true; break;
                case OK: break;
                default: throw new AssertionError(r.status());
            }
        }
        if (unreachable) return ExitCodes.UNAVAILABLE;
        return detailedChanges && changes ? ExitCodes.CHANGES : ExitCodes.OK;
    }

    static String recap(List<HostRun> runs, boolean pending, Style style, int width) {
        List<RecapRenderer.Row> rows = new ArrayList<>();
        for (HostRun r : runs) rows.add(new RecapRenderer.Row(r.name(), kind(r), r.changes(), r.reason()));
        return RecapRenderer.render(rows, pending, style, width);
    }

    static String json(String command, List<HostRun> runs) {
        List<FleetJsonRenderer.HostEntry> hosts = new ArrayList<>();
        for (HostRun r : runs) {
            String outcome = r.report() == null ? null : r.report().outcome().name().toLowerCase(Locale.ROOT);
            String confirm = r.confirm() == null ? null : r.confirm().outcome().name().toLowerCase(Locale.ROOT);
            String error = r.failure() != null ? r.failure().detail() : r.reason();
            var plan = r.report() != null && r.report().applied() != null ? r.report().applied() : r.plan();
            hosts.add(new FleetJsonRenderer.HostEntry(r.name(), kind(r), plan, r.spec().loaded().names(), outcome, confirm, error,
                    r.report() == null ? null : r.report().record(), r.spec().inputs().commit(), r.warnings()));
        }
        return FleetJsonRenderer.render(command, hosts);
    }

    static RecapRenderer.Kind kind(HostRun r) {
        switch (r.status()) {
            case OK: return RecapRenderer.Kind.OK;
            case CHANGED: return RecapRenderer.Kind.CHANGED;
            case FAILED: return RecapRenderer.Kind.FAILED;
            case UNREACHABLE: return RecapRenderer.Kind.UNREACHABLE;
            default: throw new AssertionError(r.status());
        }
    }
}

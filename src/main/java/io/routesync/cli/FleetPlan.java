package io.routesync.cli;

import io.routesync.run.HostJob;
import io.routesync.run.HostRun;
import io.routesync.run.ParallelRun;
import io.routesync.render.HostBlockRenderer;
import io.routesync.render.Style;
import java.util.List;

/**
 * The plan phase of {@code plan -i} and {@code apply -i}: every host read and planned in parallel
 * (one round trip each), its block printed as soon as it and every host before it are done.
 */
final class FleetPlan {
    private FleetPlan() {
    }

    static List<HostRun> run(List<HostJob> jobs, int forks, FleetConsole console, boolean blocks) throws InterruptedException {
        try {
            return ParallelRun.run(jobs.size(), forks, i -> jobs.get(i).plan(), (i, thrown) -> jobs.get(i).failed(thrown),
                    new ParallelRun.Listener<HostRun>() {
                @Override
                public void progress(int done, int running, int total) {
                    console.progress("planning", done, running, total);
                }

                @Override
                public void next(int index, HostRun run) {
                    if (blocks) console.print(block(run, console.style(), console.width()));
                }
            });
        } finally {
            console.endProgress();
        }
    }

    static String block(HostRun run, Style style, int width) {
        StringBuilder b = new StringBuilder(HostBlockRenderer.header(run.name(), style, width));
        b.append(HostBlockRenderer.warnings(run.warnings(), style, width));
        if (run.failure() != null) {
            b.append(HostBlockRenderer.failure(run.name(), run.failure().unreachable(), run.failure().detail(), style, width));
        } else {
            b.append(HostBlockRenderer.plan(run.name(), run.plan(), run.spec().loaded().names(), style, run.spec().loaded().state()));
        }
        return b.append('\n').toString();
    }
}

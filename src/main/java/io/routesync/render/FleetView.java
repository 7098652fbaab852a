package io.routesync.render;

import io.routesync.run.HostRun;
import io.routesync.run.Phase;
import io.routesync.run.Rollout;
import io.routesync.run.RunListener;
import io.routesync.run.RunResult;
import java.util.List;

/**
 * The human view of a run of many hosts (-i, or a plan file of several): a block per host in
 * inventory order as soon as it and the hosts before it are done, a progress line meanwhile, between
 * the phases of an apply the summary of what will be applied, and at the end the recap. With
 * {@code blocks} false (--json) only the progress line shows; the document comes at the end. In a
 * staged rollout (--serial) a line announces each batch before its blocks.
 */
public final class FleetView implements RunListener {

    /** Which command the run is: it decides the blocks and the words between the phases. */
    public enum Command { PLAN, APPLY, APPLY_SAVED }

    private final FleetOutput out;
    private final Command command;
    private final boolean blocks;

    public FleetView(FleetOutput out, Command command, boolean blocks) {
        this.out = out;
        this.command = command;
        this.blocks = blocks;
    }

    @Override
    public void progress(Phase phase, int done, int running, int total) {
        out.progress(phase == Phase.PLAN ? "planning" : "applying", done, running, total);
    }

    @Override
    public void host(Phase phase, HostRun run) {
        if (!blocks) return;
        if (phase == Phase.PLAN) out.print(HostBlockRenderer.planned(run, out.style(), out.width()));
        else if (command == Command.APPLY_SAVED) out.print(HostBlockRenderer.appliedSaved(run, out.style(), out.width()));
        else out.print(HostBlockRenderer.applied(run, out.style(), out.width()));
    }

    @Override
    public void phaseEnded(Phase phase, RunResult result) {
        out.endProgress();
        if (!blocks || command != Command.APPLY || phase != Phase.PLAN) return;
        if (result.anyChanged()) out.print(Summary.plan(result) + "\n\n");
        else out.print(result.allOk() ? "No changes to apply.\n\n" : "No changes to apply on the hosts that could be planned.\n\n");
    }

    @Override
    public void rolloutPlanned(Rollout rollout, List<Integer> sizes) {
        if (blocks) out.print(RolloutText.planned(rollout, sizes) + "\n\n");
    }

    @Override
    public void batchStarted(HostRun.Batch batch, int hosts) {
        if (blocks) out.print(out.style().bold(RolloutText.batchStarted(batch, hosts)) + "\n\n");
    }

    /** The recap that ends the run (human output only). */
    public void recap(RunResult result) {
        out.print(RecapRenderer.render(result, command == Command.PLAN, out.style(), out.width()));
    }
}

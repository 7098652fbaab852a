package io.routesync.render;

import io.routesync.model.HostPlan;
import io.routesync.run.HostRun;
import io.routesync.run.HostSpec;
import io.routesync.run.Phase;
import io.routesync.run.RunListener;
import io.routesync.run.SavedHostJob;
import java.io.PrintWriter;

/**
 * The human view of a run of one host (-f on this host, --netns, or a plan file of one host): what
 * reading it warned about, its plan, then how the apply ended, good news on stdout and errors on
 * stderr. A host that failed gets nothing here: the command reports its failure as an error.
 */
public final class SingleHostView implements RunListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Style style;
    private final boolean plans;

    /** @param plans whether the plan is shown here (false when the command prints it as JSON or a picture) */
    public SingleHostView(PrintWriter out, PrintWriter err, Style style, boolean plans) {
        this.out = out;
        this.err = err;
        this.style = style;
        this.plans = plans;
    }

    @Override
    public void host(Phase phase, HostRun run) {
        if (phase == Phase.PLAN) planned(run);
        else applied(run);
    }

    private void planned(HostRun run) {
        for (String w : run.warnings()) err.println("warning: " + w);
        if (plans && run.failure() == null) out.print(plan(run, run.plan()) + ExpectationView.moved(run.expectations()));
    }

    /** A plan file's host, before it is applied: the saved plan. */
    public void saved(SavedHostJob job) {
        HostSpec spec = job.spec();
        out.print(HumanPlanRenderer.render(spec.name(), job.saved().plan(), spec.loaded().names(), style, spec.loaded().state()));
        out.println();
    }

    private void applied(HostRun run) {
        for (var replanned : run.replans()) {
            out.println("\n" + run.name() + " changed while waiting; applying the new plan:");
            out.print(plan(run, replanned));
        }
        if (run.failure() != null) return;
        if (run.note() != null) err.println("note: " + run.note());
        if (run.report() == null && run.confirm() == null) {
            out.println("Nothing to apply: " + run.name() + " is as it was when planned.");
        } else {
            ApplyView.print(run.name(), run.report(), run.confirm(), run.spec().loaded().names(), out, err, style);
        }
    }

    private String plan(HostRun run, HostPlan plan) {
        return HumanPlanRenderer.render(run.name(), plan, run.spec().loaded().names(), style, run.spec().loaded().state());
    }
}

package io.routesync.cli;

import io.routesync.apply.ApplyRecord;
import io.routesync.apply.DataPaths;
import io.routesync.apply.Reconciler;
import io.routesync.apply.SavedPlanApplier;
import io.routesync.apply.SavedTargets;
import io.routesync.apply.ApplySafety;
import io.routesync.run.HostRun;
import io.routesync.run.ParallelRun;
import io.routesync.run.SavedHostJob;
import io.routesync.render.HostBlockRenderer;
import io.routesync.render.HumanPlanRenderer;
import io.routesync.render.Style;
import io.routesync.saved.PlanFileException;
import io.routesync.saved.PlanFileReader;
import io.routesync.saved.SavedHost;
import io.routesync.saved.SavedPlan;
import io.routesync.saved.SavedTarget;
import io.routesync.transport.SshConnections;
import io.routesync.config.UnreadableInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code routesync apply PLAN}: applies a plan saved by {@code plan --out}, exactly, on the hosts it
 * names, reached as they were when it was made. No question is asked: the plan was reviewed when it
 * was saved, and each host is re-read first, so a host that changed since is refused as stale with
 * nothing applied there. A file of one host reads like a single-host apply; several are applied in
 * parallel (--forks) with a block per host in file order and the recap, like {@code apply -i}.
 */
final class PlanFileApply {
    private final Path file;
    private final FleetOptions fleet;
    private final TargetOptions target;
    private final ApplySafety safety;
    private final boolean json;

    PlanFileApply(Path file, FleetOptions fleet, TargetOptions target, ApplySafety safety, boolean json) {
        this.file = file;
        this.fleet = fleet;
        this.target = target;
        this.safety = safety;
        this.json = json;
    }

    int run(FleetConsole console) throws Exception {
        SavedPlan plan = read(file);
        // the records name the inputs the plan was made from, by this routesync
        ApplyRecord.Inputs inputs = new ApplyRecord.Inputs(plan.inputsDigest(), plan.commit(), Version.number());
        Reconciler.Settings settings = new Reconciler.Settings(target.lockWait(), target.runTimeout());
        Duration connectTimeout = fleet.connectTimeout();
        boolean overSsh = plan.hosts().stream().anyMatch(h -> h.target().kind() == SavedTarget.Kind.SSH);
        try (SshSession ssh = SshSession.open(overSsh, fleet)) {
            SshConnections connections = ssh.connections();
            SavedHostJob.Reach reach = h -> h.target().kind() != SavedTarget.Kind.SSH ? SavedTargets.open(h.name(), h.target(), null)
                    : connections.target(h.name(), SavedTargets.settings(h.target()).withConnectTimeout(connectTimeout)
                            .withAcceptNewHostKeys(fleet.acceptNewHostKeys));
            List<SavedHostJob> jobs = new ArrayList<>();
            for (SavedHost h : plan.hosts()) jobs.add(new SavedHostJob(h, inputs, reach, settings, Clock.systemUTC()));
            if (jobs.size() == 1 && !json) return single(jobs.get(0), console.out(), console.err(), console.style());
            return fleet(jobs, console);
        }
    }

    /** Reads and checks the file; every reason to refuse it is exit 1 with nothing applied. */
    static SavedPlan read(Path file) throws UserError {
        String text;
        try {
            text = InputFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new UserError(ExitCodes.FAILED, "cannot read the plan file " + file + ": no such file. Nothing was applied.");
        } catch (UnreadableInput e) {
            throw new UserError(ExitCodes.FAILED, "cannot read the plan file " + e.diagnostic(file.toString()).pos() + ": " + e.getMessage()
                    + ". Nothing was applied.");
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILED, "cannot read the plan file " + file + ": " + e.getMessage() + ". Nothing was applied.", e);
        }
        try {
            return checkedTargets(PlanFileReader.read(text, Version.number()));
        } catch (PlanFileException e) {
            String why = e.getMessage();
            // the likely slip: a state file given without -f
            String hint = why.startsWith("this is not a routesync plan file") ? " (a desired-state file is given with -f FILE)" : "";
            throw new UserError(ExitCodes.FAILED, file + ": " + why + hint + (why.contains("Nothing was applied") ? "" : ". Nothing was applied."), e);
        }
    }

    /**
     * The paths and ssh port a plan file names are data too: checked here, as the run would check them,
     * so a bad one is the plan file's error (exit 1, nothing applied) rather than an unexpected failure.
     */
    private static SavedPlan checkedTargets(SavedPlan plan) throws PlanFileException {
        for (int i = 0; i < plan.hosts().size(); i++) {
            SavedHost h = plan.hosts().get(i);
            try {
                // data never picks where a file is written (DataPaths): the recorded directories are held to the inventory's rule
                SavedTarget t = h.target();
                DataPaths.checkSaved(t.etcDir(), t.stateDir(), t.lockFile(), t.netns());
                SavedTargets.paths(t);
                if (h.target().kind() == SavedTarget.Kind.SSH) SavedTargets.settings(h.target());
            } catch (IllegalArgumentException e) {
                throw new PlanFileException("hosts[" + i + "] (" + h.name() + ").target: " + e.getMessage(), e);
            }
        }
        return plan;
    }

    private int single(SavedHostJob job, PrintWriter out, PrintWriter err, Style style) throws UserError {
        String host = job.spec().name();
        var names = job.spec().loaded().names();
        out.print(HumanPlanRenderer.render(host, job.saved().plan(), names, style, job.spec().loaded().state()));
        out.println();
        SavedPlanApplier.Result r;
        try {
            r = job.applyOrThrow(safety);
        } catch (Exception e) {
            throw Failures.of(e);
        }
        switch (r.status()) {
            case STALE:
            case REFUSED:
                err.println("error: " + r.message());
                return ExitCodes.FAILED;
            case NO_CHANGES:
                out.println("Nothing to apply: " + host + " is as it was when planned.");
                return ExitCodes.OK;
            case APPLIED:
            case FAILED:
                return ApplyOutcome.print(host, r.report(), r.confirm(), names, out, err, style);
            default:
                throw new AssertionError(r.status());
        }
    }

    private int fleet(List<SavedHostJob> jobs, FleetConsole console) throws Exception {
        List<HostRun> runs;
        try {
            runs = ParallelRun.run(jobs.size(), fleet.forks(), i -> jobs.get(i).apply(safety), (i, thrown) -> jobs.get(i).failed(thrown),
                    new ParallelRun.Listener<HostRun>() {
                @Override
                public void progress(int done, int running, int total) {
                    console.progress("applying", done, running, total);
                }

                @Override
                public void next(int index, HostRun run) {
                    if (!json) console.print(block(run, console.style(), console.width()));
                }
            });
        } finally {
            console.endProgress();
        }
        if (json) console.out().print(FleetReport.json("apply", runs));
        else console.print(FleetReport.recap(runs, false, console.style(), console.width()));
        return FleetReport.exitCode(runs, false);
    }

    /** A host's block: the saved plan, then how applying it ended. */
    private static String block(HostRun run, Style style, int width) {
        return HostBlockRenderer.header(run.name(), style, width)
                + HostBlockRenderer.plan(run.name(), run.plan(), run.spec().loaded().names(), style, run.spec().loaded().state()) + "\n"
                + FleetApply.outcome(run, style, width) + "\n";
    }
}

package io.routesync.cli;

import io.routesync.apply.DataPaths;
import io.routesync.apply.LiveReader;
import io.routesync.config.Diagnostic;
import io.routesync.render.FleetJsonRenderer;
import io.routesync.render.FleetView;
import io.routesync.render.JsonPlanRenderer;
import io.routesync.render.PolicyDot;
import io.routesync.render.SingleHostView;
import io.routesync.run.FleetLoader;
import io.routesync.run.HostJob;
import io.routesync.run.HostRun;
import io.routesync.run.Pipeline;
import io.routesync.run.PlanFiles;
import io.routesync.run.RunResult;
import io.routesync.run.Session;
import io.routesync.transport.TargetPaths;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code routesync plan}: reads the host (or every inventory host), prints what apply would change, changes nothing. */
@Command(name = "plan", sortOptions = false,
        description = {"Read the host and show the changes that would bring it to the desired state. Changes nothing.",
            "With -i, every selected inventory host is read over SSH in parallel (--forks); each host's plan is printed as"
                + " a block in inventory order as soon as it and the hosts before it are done, then a recap line per host.",
            "With --out FILE, the plan is also saved, for 'routesync apply FILE' to apply exactly these changes later (after"
                + " a review, a change window, or from another shell), and only while each host is as it was read now."},
        footer = {"", "Exit codes: 0 no changes (or changes, without --detailed-exitcode), 1 failed, 2 changes pending"
                + " (--detailed-exitcode), 64 bad command line, 65 invalid state or inventory (no host contacted),"
                + " 69 host unreachable, 75 lock held.",
            "With -i, the most serious host decides: 1 if any host failed; else 69 if any host was unreachable;"
                + " else 2 (with --detailed-exitcode) if any host has changes pending; else 0."})
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Mixin
    StateOptions state;

    @Mixin
    RepoOptions repo;

    @Mixin
    TargetOptions target;

    @Mixin
    FleetOptions fleet;

    @Option(names = "--json", description = "Print the plan as one JSON document (the same as --format json).")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = {"text (default), json, dot (a Graphviz picture of the host's policy with the plan's adds green,"
                    + " deletes red and dashed, replaces orange; one host only) or svg (that picture rendered; needs Graphviz's dot)."})
    String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = {"Also save the plan to FILE (JSON, replaced whole). 'routesync apply FILE' then applies exactly"
                    + " these changes on the same hosts, reached the same way, and refuses a host whose routes, rules or"
                    + " table names routesync owns changed since (it says 'plan is stale'; nothing is applied there)."
                    + " With -i, hosts that could not be planned are left out of the file."})
    Path outFile;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes (0 when none, 1 on errors; see below for -i).")
    boolean detailedExitCode;

    @Override
    public Integer call() throws Exception {
        return run(spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** The command, writing to {@code out} and {@code err}; {@link DirectRun} calls it without picocli's model. */
    int run(PrintWriter out, PrintWriter err) throws Exception {
        boolean inventory = state.usesInventory();
        repo.requireInventory(inventory);
        fleet.check(inventory);
        OutputFormat f = OutputFormat.choose(format, json, "text", List.of("text", "json", "dot", "svg"));
        if (f.isPicture() && inventory) {
            throw new UserError(ExitCodes.USAGE, "--format " + format + " draws one host: use --netns NAME or run plan on the host");
        }
        json = f == OutputFormat.JSON;
        machineOutput = f != OutputFormat.TEXT;
        java.nio.file.Path dot = f == OutputFormat.SVG ? Graphviz.require() : null;
        if (outFile != null) PlanFileOutput.check(outFile);
        if (outFile != null) checkRecordable(inventory);
        if (inventory) return planFleet(out, err);
        HostJob job = SingleHost.planJob(state, target, err, outFile != null);
        HostRun run = SingleHost.result(Pipeline.plan(List.of(job), 1,
                new SingleHostView(out, err, Terminal.style(root.noColor), f == OutputFormat.TEXT)));
        if (f.isPicture()) {
            var observed = run.reading().observed();
            String picture = PolicyDot.plan(run.name(), observed.rules(), LiveReader.byTable(observed.routes(), observed.tablesRead()),
                    run.plan(), run.spec().loaded().names(), PolicyDot.Marks.of(run.spec().ownership()));
            out.print(f == OutputFormat.SVG ? Graphviz.svg(dot, picture) : picture);
        } else if (json) {
            out.print(JsonPlanRenderer.render(List.of(new JsonPlanRenderer.HostEntry(run.name(), run.plan(), run.spec().loaded().names(),
                    run.expectations()))));
        }
        if (outFile != null) save(PlanFiles.of(List.of(job), new RunResult(List.of(run)), false, Version.number(), Instant.now()), out, err);
        return ExitCodes.of(run.status(), detailedExitCode);
    }

    /**
     * A plan file is data, so {@code apply FILE} holds the directories it records to {@link DataPaths}: a plan
     * made with other --etc-dir/--state-dir/--lock-dir is refused now rather than when it is applied.
     */
    private void checkRecordable(boolean inventory) throws UserError {
        TargetPaths paths = inventory ? commandLinePaths() : target.paths();
        try {
            DataPaths.checkSaved(paths.etcDir(), paths.stateDir(), paths.lockFile(), inventory || target.netns == null ? "" : target.netns);
        } catch (IllegalArgumentException e) {
            String why = e.getMessage().replaceFirst("^etc_dir", "--etc-dir").replaceFirst("^state_dir", "--state-dir")
                    .replaceFirst("^lock_file", "the lock file of --lock-dir");
            throw new UserError(ExitCodes.USAGE, "--out: " + why + ". A plan file is data, and apply FILE uses only such directories;"
                    + " name them so, or plan and apply without --out");
        }
    }

    private TargetPaths commandLinePaths() throws UserError {
        try {
            return TargetPaths.of(null, target.etcDir, target.stateDir, target.lockDir);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
    }

    private int planFleet(PrintWriter out, PrintWriter err) throws Exception {
        FleetLoader.Loaded loaded = InventoryInput.load(state, repo, target, fleet, err);
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        err.flush();
        FleetConsole console = new FleetConsole(out, err, root.screen, Terminal.style(root.noColor));
        FleetView view = new FleetView(console, FleetView.Command.PLAN, !json);
        // a plan reads each host once (its expectations' tables in the same read): no connection to share
        try (Session session = fleet.sessionOnce(loaded.hosts().stream().anyMatch(h -> !h.local()))) {
            List<HostJob> jobs = session.jobs(loaded.hosts(), target.settings());
            RunResult runs;
            try {
                runs = Pipeline.plan(jobs, fleet.forks(), view);
            } finally {
                console.endProgress();
            }
            if (json) out.print(FleetJsonRenderer.render("plan", runs.hosts()));
            else view.recap(runs);
            if (outFile != null) save(PlanFiles.of(jobs, runs, true, Version.number(), Instant.now()), out, err);
            return ExitCodes.of(runs.worst(), detailedExitCode);
        }
    }

    /** True for JSON and pictures: stdout is one document, so hints go to stderr. */
    private boolean machineOutput;

    /** Writes the plan file; the hint goes to stderr with --json or a picture, so stdout stays one document. */
    private void save(PlanFiles.Built built, PrintWriter out, PrintWriter err) throws UserError {
        if (built.plan() == null) {
            err.println("error: no host could be planned, so no plan was saved to " + outFile + ".");
            return;
        }
        PlanFileOutput.write(outFile, built.plan());
        PrintWriter hint = machineOutput ? err : out;
        hint.print((machineOutput ? "" : "\n") + PlanFileOutput.saved(outFile, built.plan(), built.leftOut()));
        hint.flush();
    }
}

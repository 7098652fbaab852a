package io.routesync.cli;

import io.routesync.apply.ApplyRecord;
import io.routesync.apply.DataPaths;
import io.routesync.apply.SavedTargets;
import io.routesync.transport.TargetPaths;
import io.routesync.config.Diagnostic;
import io.routesync.config.state.LoadedState;
import io.routesync.run.FleetLoader;
import io.routesync.run.HostRun;
import io.routesync.model.HostPlan;
import io.routesync.render.HumanPlanRenderer;
import io.routesync.render.JsonPlanRenderer;
import io.routesync.render.PolicyDot;
import io.routesync.saved.SavedHost;
import io.routesync.saved.SavedPlan;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
        SingleHostPlan single = SingleHostPlan.make(state, target, err);
        LoadedState loaded = single.loaded();
        HostPlan plan = single.plan();
        String host = single.host();
        if (f.isPicture()) {
            var observed = single.reading().observed();
            String picture = PolicyDot.plan(host, observed.rules(), LiveState.byTable(observed.routes(), observed.tablesRead()), plan,
                    loaded.names(), PolicyDot.Marks.of(single.ownership()));
            out.print(f == OutputFormat.SVG ? Graphviz.svg(dot, picture) : picture);
        } else if (json) {
            out.print(JsonPlanRenderer.render(List.of(new JsonPlanRenderer.HostEntry(host, plan, loaded.names()))));
        } else {
            out.print(HumanPlanRenderer.render(host, plan, loaded.names(), Terminal.style(root.noColor), loaded.state()));
        }
        if (outFile != null) {
            ApplyRecord.Inputs inputs = state.inputs(Version.number());
            SavedHost saved = new SavedHost(host, SavedTargets.describe(single.reconciler().target(), single.reconciler().paths()),
                    single.ownership().protocolTag(), single.reading().digest(), loaded.state(), plan);
            save(new SavedPlan(Version.number(), Instant.now().toString(), inputs.digest(), inputs.commit(), List.of(saved)), List.of(),
                    out, err);
        }
        return detailedExitCode && !plan.isEmpty() ? ExitCodes.CHANGES : ExitCodes.OK;
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
        try (FleetSession session = FleetSession.open(loaded.hosts(), fleet, target)) {
            List<HostRun> runs = FleetPlan.run(session.jobs(), fleet.forks(), console, !json);
            if (json) out.print(FleetReport.json("plan", runs));
            else console.print(FleetReport.recap(runs, true, console.style(), console.width()));
            if (outFile != null) saveFleet(session, runs, out, err);
            return FleetReport.exitCode(runs, detailedExitCode);
        }
    }

    /** One saved host per host that could be planned, named as in the inventory; the others are named as left out. */
    private void saveFleet(FleetSession session, List<HostRun> runs, PrintWriter out, PrintWriter err) throws UserError {
        List<SavedHost> hosts = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<ApplyRecord.Inputs> inputs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            HostRun r = runs.get(i);
            if (r.failure() != null) {
                leftOut.add(r.name());
                continue;
            }
            hosts.add(session.jobs().get(i).saved(r));
            inputs.add(r.spec().inputs());
        }
        if (hosts.isEmpty()) {
            err.println("error: no host could be planned, so no plan was saved to " + outFile + ".");
            return;
        }
        // every host came from the same commit (or none); the file keeps one digest for all their inputs
        save(new SavedPlan(Version.number(), Instant.now().toString(), fleetDigest(hosts, inputs), inputs.get(0).commit(), hosts),
                leftOut, out, err);
    }

    /** True for JSON and pictures: stdout is one document, so hints go to stderr. */
    private boolean machineOutput;

    /** Writes the plan file; the hint goes to stderr with --json or a picture, so stdout stays one document. */
    private void save(SavedPlan plan, List<String> leftOut, PrintWriter out, PrintWriter err) throws UserError {
        PlanFileOutput.write(outFile, plan);
        PrintWriter hint = machineOutput ? err : out;
        hint.print((machineOutput ? "" : "\n") + PlanFileOutput.saved(outFile, plan, leftOut));
        hint.flush();
    }

    /** A digest of the hosts' own input digests, by name: what the apply records of a fleet plan name as its inputs. */
    private static String fleetDigest(List<SavedHost> hosts, List<ApplyRecord.Inputs> inputs) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < hosts.size(); i++) {
            sha.update((hosts.get(i).name() + "=" + inputs.get(i).digest() + "\0").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}

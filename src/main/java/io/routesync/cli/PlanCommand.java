package io.routesync.cli;

import io.routesync.apply.Reconciler;
import io.routesync.config.Diagnostic;
import io.routesync.config.state.LoadedState;
import io.routesync.fleet.FleetLoader;
import io.routesync.fleet.HostRun;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.parse.HostReading;
import io.routesync.render.HumanPlanRenderer;
import io.routesync.render.JsonPlanRenderer;
import java.io.PrintWriter;
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
                + " a block in inventory order as soon as it and the hosts before it are done, then a recap line per host."},
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

    @Option(names = "--json", description = "Print the plan as one JSON document.")
    boolean json;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes (0 when none, 1 on errors; see below for -i).")
    boolean detailedExitCode;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean inventory = state.usesInventory();
        repo.requireInventory(inventory);
        fleet.check(inventory);
        if (inventory) return planFleet(out, err);
        LoadedState loaded = state.load();
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        Ownership ownership = state.ownership(loaded);
        Reconciler reconciler = Hosts.reconciler(target);
        HostPlan plan;
        try {
            HostReading reading = reconciler.observe(loaded.state());
            plan = reconciler.plan(loaded.state(), reading, ownership);
        } catch (Exception e) {
            throw Failures.of(e);
        }
        String host = reconciler.target().name();
        if (json) {
            out.print(JsonPlanRenderer.render(List.of(new JsonPlanRenderer.HostEntry(host, plan, loaded.names()))));
        } else {
            out.print(HumanPlanRenderer.render(host, plan, loaded.names(), Terminal.style(root.noColor)));
        }
        return detailedExitCode && !plan.isEmpty() ? ExitCodes.CHANGES : ExitCodes.OK;
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
            return FleetReport.exitCode(runs, detailedExitCode);
        }
    }
}

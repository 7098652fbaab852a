package io.routesync.cli;

import io.routesync.apply.Reconciler;
import io.routesync.config.Diagnostic;
import io.routesync.config.state.LoadedState;
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

/** {@code routesync plan}: reads the host, prints what apply would change, changes nothing. */
@Command(name = "plan", sortOptions = false,
        description = "Read the host and show the changes that would bring it to the desired state. Changes nothing.")
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Mixin
    StateOptions state;

    @Mixin
    TargetOptions target;

    @Option(names = "--json", description = "Print the plan as one JSON document.")
    boolean json;

    @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes (0 when none, 1 on errors).")
    boolean detailedExitCode;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
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
}

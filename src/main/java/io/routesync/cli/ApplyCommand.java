package io.routesync.cli;

import io.routesync.apply.ApplyRecord;
import io.routesync.apply.ApplyReport;
import io.routesync.apply.BatchFailure;
import io.routesync.apply.Reconciler;
import io.routesync.config.Diagnostic;
import io.routesync.config.state.LoadedState;
import io.routesync.fleet.FleetLoader;
import io.routesync.fleet.HostRun;
import io.routesync.model.Action;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.parse.HostReading;
import io.routesync.parse.Names;
import io.routesync.render.HumanPlanRenderer;
import io.routesync.render.Style;
import java.io.Console;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code routesync apply}: plan, confirm, apply in one batch per family, verify, roll back on failure. */
@Command(name = "apply", sortOptions = false,
        description = {"Plan, ask for confirmation, then apply the changes in one ip -batch per address family, verify that"
                + " the host converged, and roll back everything touched if anything fails.",
            "With -i, every selected inventory host is planned over SSH in parallel (--forks) and the plans are shown;"
                + " one confirmation covers them all; then the hosts with changes are applied in parallel, each with the"
                + " same verify and rollback. A host that fails or cannot be reached never stops the others. A recap"
                + " line per host ends the run."},
        footer = {"", "Exit codes: 0 applied and verified (or nothing to do), 1 failed (rolled back), 64 bad command line"
                + " (or no terminal to confirm on and no --auto-approve), 65 invalid state or inventory (nothing applied),"
                + " 69 host unreachable (nothing applied there), 75 lock held.",
            "With -i, the most serious host decides: 1 if any host failed (each was rolled back unless its block says"
                + " otherwise); else 69 if any host was unreachable; else 0."})
final class ApplyCommand implements Callable<Integer> {
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

    @Option(names = "--auto-approve", description = "Apply without asking (needed when there is no terminal).")
    boolean autoApprove;

    @Option(names = "--json", description = "With -i: print one JSON document with every host's plan and outcome (needs --auto-approve).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Style style = Terminal.style(root.noColor);
        boolean inventory = state.usesInventory();
        repo.requireInventory(inventory);
        fleet.check(inventory);
        if (json && !inventory) throw new UserError(ExitCodes.USAGE, "--json is for inventory runs (-i FILE); plan --json shows a single host");
        if (inventory) return applyFleet(out, err, style);
        LoadedState loaded = state.load();
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        Ownership ownership = state.ownership(loaded);
        Reconciler reconciler = Hosts.reconciler(target);
        String host = reconciler.target().name();
        Names names = loaded.names();
        try {
            HostReading reading = reconciler.observe(loaded.state());
            HostPlan plan = reconciler.plan(loaded.state(), reading, ownership);
            out.print(HumanPlanRenderer.render(host, plan, names, style));
            if (plan.isEmpty()) return ExitCodes.OK;
            if (!autoApprove) confirm(host, out);
            ApplyReport report = reconciler.apply(loaded.state(), ownership, reading, plan, state.inputs(Version.number()),
                    autoApprove, replanned -> {
                        out.println("\n" + host + " changed while waiting; applying the new plan:");
                        out.print(HumanPlanRenderer.render(host, replanned, names, style));
                    });
            return report(host, report, names, out, err, style);
        } catch (UserError e) {
            throw e;
        } catch (Exception e) {
            throw Failures.of(e);
        }
    }

    private int applyFleet(PrintWriter out, PrintWriter err, Style style) throws Exception {
        if (json && !autoApprove) {
            throw new UserError(ExitCodes.USAGE, "--json needs --auto-approve: a JSON document cannot ask for confirmation");
        }
        FleetLoader.Loaded loaded = InventoryInput.load(state, repo, target, fleet, err);
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        err.flush();
        FleetConsole console = new FleetConsole(out, err, root.screen, style);
        try (FleetSession session = FleetSession.open(loaded.hosts(), fleet, target)) {
            List<HostRun> planned = FleetPlan.run(session.jobs(), fleet.forks(), console, !json);
            List<HostRun> done = planned;
            if (planned.stream().anyMatch(r -> r.status() == HostRun.Status.CHANGED)) {
                if (!json) console.print(FleetApply.summary(planned) + "\n\n");
                if (!autoApprove) FleetApply.confirm(planned, out);
                done = FleetApply.run(session.jobs(), planned, fleet.forks(), console, !json, autoApprove);
            } else if (!json) {
                boolean allPlanned = planned.stream().allMatch(r -> r.status() == HostRun.Status.OK);
                console.print(allPlanned ? "No changes to apply.\n\n" : "No changes to apply on the hosts that could be planned.\n\n");
            }
            if (json) out.print(FleetReport.json("apply", done));
            else console.print(FleetReport.recap(done, false, style, console.width()));
            return FleetReport.exitCode(done, false);
        }
    }

    private void confirm(String host, PrintWriter out) throws UserError {
        Console console = System.console();
        if (console == null) {
            throw new UserError(ExitCodes.USAGE, "refusing to apply without confirmation: there is no terminal to ask on."
                    + " Review the plan above and run again with --auto-approve (or save it with plan first).");
        }
        out.print("\nDo you want to apply these changes on " + host + "? Only 'yes' is accepted: ");
        out.flush();
        String answer = console.readLine();
        if (answer == null || !answer.strip().equals("yes")) {
            throw new UserError(ExitCodes.FAILED, "apply cancelled; nothing was changed.");
        }
    }

    static int report(String host, ApplyReport report, Names names, PrintWriter out, PrintWriter err, Style style) {
        HostPlan applied = report.applied();
        switch (report.outcome()) {
            case NO_CHANGES:
                out.println("No changes to apply: " + host + " already matches the desired state (another run may have applied it).");
                return ExitCodes.OK;
            case APPLIED:
                out.println(style.green("Apply complete: " + applied.count(Action.ADD) + " added, " + applied.count(Action.REPLACE)
                        + " changed, " + applied.count(Action.DELETE) + " deleted."));
                if (report.record() != null) out.println("Record: " + report.record());
                return ExitCodes.OK;
            case PLAN_CHANGED:
                err.println("error: " + host + " changed after it was planned, and the new plan differs from the one you approved:");
                err.print(HumanPlanRenderer.render(host, applied, names, Style.PLAIN));
                err.println("Nothing was changed. Run apply again to review the new plan.");
                return ExitCodes.FAILED;
            case FAILED_ROLLED_BACK:
            case VERIFY_FAILED_ROLLED_BACK:
                err.println("error: " + describeFailure(host, report));
                int undone = report.rollback() == null ? 0 : report.rollback().changes().size();
                err.println("The host was rolled back (" + undone + " change(s) undone): every entry this apply touched is as it was before.");
                return ExitCodes.FAILED;
            case ROLLBACK_FAILED:
                err.println(style.red("error: " + describeFailure(host, report)));
                err.println(style.red("THE ROLLBACK DID NOT COMPLETE. These changes would still be needed to restore "
                        + host + " to its state before the apply:"));
                err.print(HumanPlanRenderer.render(host, report.remaining(), names, Style.PLAIN));
                err.println("Fix them by hand (the commands above) or run routesync apply again.");
                return ExitCodes.FAILED;
            default:
                throw new AssertionError(report.outcome());
        }
    }

    private static String describeFailure(String host, ApplyReport report) {
        BatchFailure f = report.failure();
        StringBuilder s = new StringBuilder("apply failed on ").append(host);
        if (report.outcome() == ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK && report.remaining() != null) {
            s.append(": after the batch, the host still differed from the desired state in ")
                    .append(report.remaining().changes().size()).append(" entries.");
            return s.toString();
        }
        if (f == null) return s.append('.').toString();
        if (f.batchLine() != null) s.append(" at batch line ").append(f.line()).append(":\n  ").append(f.batchLine());
        else s.append(':');
        s.append("\n  ").append(f.message().replace("\n", "\n  "));
        return s.toString();
    }
}

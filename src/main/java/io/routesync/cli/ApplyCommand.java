package io.routesync.cli;

import io.routesync.apply.ApplyRecord;
import io.routesync.apply.ApplySafety;
import io.routesync.config.Diagnostic;
import io.routesync.render.FleetJsonRenderer;
import io.routesync.render.FleetView;
import io.routesync.render.RunMetrics;
import io.routesync.render.SingleHostView;
import io.routesync.render.Style;
import io.routesync.run.FleetLoader;
import io.routesync.run.HostJob;
import io.routesync.run.HostRun;
import io.routesync.run.Pipeline;
import io.routesync.run.Rollout;
import io.routesync.run.RunResult;
import io.routesync.run.SavedHostJob;
import io.routesync.run.Session;
import io.routesync.saved.SavedPlan;
import io.routesync.saved.SavedTarget;
import io.routesync.transport.SshConnections;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code routesync apply}: plan, confirm, apply in one batch per family, verify, roll back on failure; or apply a saved plan. */
@Command(name = "apply", sortOptions = false,
        description = {"Plan, ask for confirmation, then apply the changes in one ip -batch per address family, verify that"
                + " the host converged, and roll back everything touched if anything fails.",
            "With -i, every selected inventory host is planned over SSH in parallel (--forks) and the plans are shown;"
                + " one confirmation covers them all; then the hosts with changes are applied in parallel, each with the"
                + " same verify and rollback. A host that fails or cannot be reached never stops the others, unless"
                + " --serial applies them in batches and --max-fail is exceeded in one. A recap line per host ends the run.",
            "With PLAN (a file saved by 'routesync plan --out PLAN'), exactly that plan is applied, without a question,"
                + " on the hosts it names, reached as they were when it was made; each host is read again first, and one"
                + " whose owned routes, rules or table names changed since is refused as stale, with nothing applied there.",
            "Before changing a host over SSH, routesync checks that the change keeps the way back to you: it simulates the"
                + " kernel's lookup (rules, then the chosen table) for the host's replies to this SSH connection, before and"
                + " after the change, and refuses the host if they would be dropped or leave by another interface or"
                + " gateway (see --allow-management-change).",
            ""},
        footer = {"", "Exit codes: 0 applied and verified (or nothing to do), 1 failed (rolled back), refused (management"
                + " path; another apply --confirm awaits confirmation), stale (PLAN), or not confirmed (--confirm; the host rolled back by itself), 64 bad command line"
                + " (or no terminal to confirm on and no --auto-approve), 65 invalid state or inventory (nothing applied),"
                + " 69 host unreachable (nothing applied there; with --confirm: not seen again after the change), 75 lock held.",
            "With -i or a PLAN of several hosts, the most serious host decides: 1 if any host failed (each was rolled"
                + " back unless its block says otherwise) or was left untouched by a --serial rollout that stopped; else 69 if any host was unreachable; else 0."})
final class ApplyCommand implements Callable<Integer> {
    private static final int MAX_CONFIRM_SECONDS = 3600;
    /** Options a plan file decides itself: given with one, they would silently mean nothing. */
    private static final List<String> NOT_WITH_PLAN = List.of("--last", "--limit", "--var", "--proto-number", "--repo", "--ref", "--cache-dir",
            "--require-signed", "--allowed-signers", "--netns", "--etc-dir", "--state-dir", "--lock-dir");

    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Parameters(arity = "0..1", paramLabel = "PLAN",
            description = "A plan file saved by 'routesync plan --out PLAN' to apply as it is (instead of -f or -i).")
    Path planFile;

    @Mixin
    StateOptions state;

    @Mixin
    RepoOptions repo;

    @Mixin
    TargetOptions target;

    @Mixin
    FleetOptions fleet;

    @Mixin
    RolloutOptions rolloutOptions;

    @Option(names = "--last", description = {"Apply the desired state the last successful apply kept on this host or --netns"
            + " (STATE_DIR/desired.yaml), with no state files, inventory or git: how a host comes up converged at boot."})
    boolean last;

    @Option(names = "--auto-approve", description = "Apply without asking (needed when there is no terminal; a PLAN is never asked about).")
    boolean autoApprove;

    @Option(names = "--confirm", paramLabel = "SECONDS",
            description = {"Apply so that each host takes the change back by itself unless routesync proves it can still reach"
                    + " it. Before the batch, the undo is staged on the host and a timer armed there (a detached process that"
                    + " outlives the SSH session); after it, routesync opens a NEW connection, reads the host again, runs the"
                    + " state's health probes there (probes: ping, TCP connect, ip route get answers; all at once, each with its timeout) and only"
                    + " then disarms the timer; a failed probe leaves the timer to undo the change. If the change cut the way back, the host restores itself within SECONDS;"
                    + " routesync waits for that and reports it (exit 1; 69 if the host is not seen again).",
                "SECONDS must cover the batch, a new SSH login, a read and the probes' timeouts: 30 to 120 suits most remote hosts. 0 (the"
                    + " default) turns it off. Recommended for every remote host, and when you are logged in over SSH to the"
                    + " host you change with -f. 'routesync confirm' and 'routesync rollback' act on a change left waiting;"
                    + " until one of them does (or the host's timer runs), every other apply on that host is refused."})
    Integer confirmSeconds;

    @Option(names = "--allow-management-change",
            description = {"Apply to an SSH host even if the change would drop or re-route the host's replies to the SSH"
                    + " connection routesync uses (its management path). Use it for a planned move of the management network,"
                    + " with --confirm so a mistake undoes itself.",
                "The check runs only for hosts reached over SSH (-i, or a PLAN made with -i): on this host (-f) or a network"
                    + " namespace (--netns) routesync changes routing directly, over no connection of its own."})
    boolean allowManagementChange;

    @Option(names = "--json", description = "With -i or a PLAN: print one JSON document with every host's plan and outcome (-i needs --auto-approve).")
    boolean json;

    @Mixin
    MetricsOptions metrics;

    /** The run's result once its pipeline returned, for the metrics file; null until then. */
    private RunResult done;

    @Override
    public Integer call() throws Exception {
        // -i and a plan file name their hosts; -f and --last work on this host or --netns
        boolean byHost = planFile != null || state.usesInventory();
        return metrics.around(spec.commandLine().getErr(), this::run, (code, ended, took) ->
                RunMetrics.apply(MetricsOptions.labels(byHost ? null : target.netns), byHost, done, code, ended, took));
    }

    private int run() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Style style = Terminal.style(root.noColor);
        if (planFile != null) return applyPlanFile(out, err, style);
        if (last && (state.hasStateFiles() || state.usesInventory() || !state.vars.isEmpty())) {
            throw new UserError(ExitCodes.USAGE, "--last applies the desired state kept by the last apply: it takes no -f, -i or --var");
        }
        boolean inventory = state.usesInventory();
        repo.requireInventory(inventory);
        fleet.check(inventory);
        Rollout rollout = rolloutOptions.rollout(inventory);
        if (json && !inventory) {
            throw new UserError(ExitCodes.USAGE, "--json is for inventory runs (-i FILE) and plan files; plan --json shows a single host");
        }
        if (inventory) return applyFleet(out, err, style, rollout);
        if (allowManagementChange) {
            throw new UserError(ExitCodes.USAGE, "--allow-management-change is for hosts reached over SSH (-i, or a plan file):"
                    + " on this host or a namespace routesync works over no connection a change could cut. Logged in over SSH"
                    + " to this host? Use --confirm SECONDS.");
        }
        ApplySafety safety = safety(SshConnections.DEFAULT_PROGRAM);
        // with no question to wait for, one session on the host reads, plans and applies: it starts while the state loads
        boolean oneSession = oneSession(safety, null);
        HostJob job = last ? SingleHost.lastJob(state, target) : oneSession ? SingleHost.sessionJob(state, target, err)
                : SingleHost.job(state, target, err);
        try {
            warnUnusedProbes(safety, job.spec().loaded().probes().size() + job.spec().loaded().routeProbes().size(), err);
            SingleHostView view = new SingleHostView(out, err, style, true);
            done = oneSession ? Pipeline.converge(List.of(job), 1, safety, HostJob.OPEN, view)
                    : Pipeline.apply(List.of(job), 1, autoApprove, safety, planned -> {
                        if (!autoApprove) Approvals.host(job.spec().name(), out);
                    }, view);
        } finally {
            SingleHost.release(job);
        }
        HostRun run = SingleHost.result(done);
        if (run.status() == HostRun.Status.OK) SingleHost.keepConverged(job.spec());
        return ExitCodes.of(run.status(), false);
    }

    private int applyFleet(PrintWriter out, PrintWriter err, Style style, Rollout rollout) throws Exception {
        if (json && !autoApprove) {
            throw new UserError(ExitCodes.USAGE, "--json needs --auto-approve: a JSON document cannot ask for confirmation");
        }
        ApplySafety safety = safety(fleet.sshProgram());
        FleetLoader.Loaded loaded = InventoryInput.load(state, repo, target, fleet, err);
        for (Diagnostic w : loaded.warnings()) err.println(w.format());
        warnUnusedProbes(safety, loaded.hosts().stream().mapToInt(h -> h.loaded().probes().size() + h.loaded().routeProbes().size()).sum(), err);
        err.flush();
        FleetConsole console = new FleetConsole(out, err, root.screen, style);
        FleetView view = new FleetView(console, FleetView.Command.APPLY, !json);
        boolean overSsh = loaded.hosts().stream().anyMatch(h -> !h.local());
        // a host applied in one session is reached once: no ssh master to start and stop for it
        try (Session session = oneSession(safety, rollout) ? fleet.sessionOnce(overSsh) : fleet.session(overSsh)) {
            try {
                List<HostJob> jobs = session.jobs(loaded.hosts(), target.settings());
                done = oneSession(safety, rollout) ? Pipeline.converge(jobs, fleet.forks(), safety, HostJob.OPEN, view)
                        : Pipeline.apply(jobs, fleet.forks(), autoApprove, safety, rollout, planned -> {
                            if (!autoApprove) Approvals.fleet(planned, out);
                        }, view);
            } finally {
                console.endProgress();
            }
            if (json) out.print(FleetJsonRenderer.render("apply", done));
            else view.recap(done);
            return ExitCodes.of(done.worst(), false);
        }
    }

    /**
     * Whether each host is read, planned and applied in one session ({@link Pipeline#converge}): when no
     * question waits between plan and apply (--auto-approve), no --confirm timer is armed before the batch,
     * and no staged rollout ({@code rollout}) needs every plan before the first batch.
     */
    private boolean oneSession(ApplySafety safety, Rollout rollout) {
        return autoApprove && !safety.confirms() && rollout == null;
    }

    /**
     * {@code apply PLAN}: exactly the saved plan, on the hosts it names, reached as they were when it was
     * made, without a question (it was reviewed when it was saved; each host is re-read first, and one
     * that changed since is refused as stale). One host reads like a single-host apply; several like -i.
     */
    private int applyPlanFile(PrintWriter out, PrintWriter err, Style style) throws Exception {
        if (state.hasStateFiles() || state.inventory != null) {
            throw new UserError(ExitCodes.USAGE, "a plan file says which hosts and states it applies: -f and -i cannot be combined with "
                    + planFile);
        }
        List<String> given = new ArrayList<>();
        for (String option : NOT_WITH_PLAN) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) given.add(option);
        }
        if (!given.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, String.join(", ", given) + ": not with a plan file, which records the hosts, their"
                    + " desired state and where routesync's files are on each");
        }
        fleet.check(true);
        Rollout rollout = rolloutOptions.rollout(true);
        ApplySafety safety = safety(fleet.sshProgram());
        SavedPlan plan = PlanFileInput.read(planFile);
        warnUnusedProbes(safety, plan.hosts().stream().mapToInt(h -> h.probes().size()).sum(), err);
        // the records name the inputs the plan was made from, by this routesync
        ApplyRecord.Inputs inputs = new ApplyRecord.Inputs(plan.inputsDigest(), plan.commit(), Version.number());
        boolean overSsh = plan.hosts().stream().anyMatch(h -> h.target().kind() == SavedTarget.Kind.SSH);
        // without --confirm each host is one session: reached once, no ssh master for it
        try (Session session = safety.confirms() ? fleet.session(overSsh) : fleet.sessionOnce(overSsh)) {
            List<SavedHostJob> jobs = session.jobs(plan, inputs, target.settings());
            if (jobs.size() == 1 && !json && rollout == null) {
                SingleHostView view = new SingleHostView(out, err, style, true);
                view.saved(jobs.get(0));
                done = Pipeline.applySaved(jobs, 1, safety, view);
                return ExitCodes.of(SingleHost.result(done).status(), false);
            }
            FleetConsole console = new FleetConsole(out, err, root.screen, style);
            FleetView view = new FleetView(console, FleetView.Command.APPLY_SAVED, !json);
            try {
                done = Pipeline.applySaved(jobs, fleet.forks(), safety, rollout, view);
            } finally {
                console.endProgress();
            }
            if (json) out.print(FleetJsonRenderer.render("apply", done));
            else view.recap(done);
            return ExitCodes.of(done.worst(), false);
        }
    }

    /** Health probes only decide whether --confirm keeps a change: without it they would silently not run. */
    private static void warnUnusedProbes(ApplySafety safety, int probes, PrintWriter err) {
        if (probes == 0 || safety.confirms()) return;
        err.println("warning: the desired state declares health probes (probes:), which run only with --confirm SECONDS;"
                + " applying without them");
        err.flush();
    }

    private ApplySafety safety(List<String> sshProgram) throws UserError {
        int seconds = confirmSeconds == null ? 0 : confirmSeconds;
        if (seconds < 0 || seconds > MAX_CONFIRM_SECONDS) {
            throw new UserError(ExitCodes.USAGE, "--confirm " + seconds + " is out of range (0-" + MAX_CONFIRM_SECONDS + " seconds; 0 is off)");
        }
        return new ApplySafety(seconds == 0 ? null : Duration.ofSeconds(seconds), allowManagementChange, sshProgram);
    }
}

package io.routesync.cli;

import io.routesync.git.GitSourceException;
import io.routesync.render.RunMetrics;
import io.routesync.render.WatchLogView;
import io.routesync.render.WatchMetrics;
import io.routesync.run.HostSpec;
import io.routesync.run.LastApplied;
import io.routesync.run.pull.PullRequest;
import io.routesync.run.watch.KeptSource;
import io.routesync.run.watch.RepoSource;
import io.routesync.run.watch.WatchEvent;
import io.routesync.run.watch.WatchSource;
import io.routesync.run.watch.Watcher;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.TransportException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** {@code routesync watch}: stay converged between runs, healing drift as the kernel reports it. */
@Command(name = "watch", sortOptions = false,
        description = {"Converge this host (or --netns) once, then follow the kernel's change events (ip monitor: links,"
                + " addresses, rules, routes) and converge again after each burst that can matter: a link that comes back"
                + " up gets its routes back, a hand change to an owned route is undone, foreign entries are left alone."
                + " Each convergence is a full run (read, plan, apply, verify, roll back) under the target's lock.",
            "An owned entry that keeps being changed back is healed with a growing wait (1 s doubling, at most 5 min)"
                + " and the log says so. SIGHUP reads the desired state again; SIGTERM stops (exit 0).",
            "The desired state comes from -f (and --var); or from --repo at --ref, taken as pull takes it (signed by an allowed"
                + " key with --require-signed, never going back without --allow-rewind), looked at every --interval and on"
                + " SIGHUP, and applied when the ref moved (until the repository can be used, the state the last apply kept"
                + " here is in force); or, without either, from the state the last apply kept here (as apply --last).",
            "One log line per action on stdout (--json: one JSON object per line)."},
        footer = {"", "Exit codes: 0 stopped by SIGTERM or SIGINT, 64 bad command line, 65 invalid or no desired state,"
                + " 69 the target or its event monitor cannot be reached (or, with --repo and no kept state, the repository);"
                + " 1 with --repo and no kept state, the commit is refused."})
final class WatchCommand implements Callable<Integer> {
    static final long MIN_INTERVAL = 1;
    static final long MAX_INTERVAL = 86_400;
    /** Options that only mean something with --repo. */
    private static final List<String> REPO_ONLY = List.of("--ref", "--cache-dir", "--require-signed", "--allowed-signers", "--host", "--states",
            "--allow-rewind", "--interval");

    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Mixin
    StateOptions state;

    @Mixin
    TargetOptions target;

    @Option(names = "--last", description = "Watch over the desired state the last apply kept here (the default without -f or --repo).")
    boolean last;

    @Mixin
    RepoOptions repo;

    @Mixin
    RepoHostOptions repoHost;

    @Mixin
    RewindOption rewind;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "300",
            description = "With --repo: look at the repository this often, in seconds (" + MIN_INTERVAL + "-" + MAX_INTERVAL
                + "; default ${DEFAULT-VALUE}); SIGHUP looks at once.")
    long interval;

    @Option(names = "--json", description = "Log one JSON object per line instead of text.")
    boolean json;

    @Mixin
    MetricsOptions metrics;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        // after each action the file is rewritten by the log; a watch that cannot start says so there too
        return metrics.around(err, this::watch, (code, ended, took) -> code == ExitCodes.OK ? null
                : RunMetrics.failed("watch", MetricsOptions.labels(target.netns), code, ended, took));
    }

    private int watch() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (repo.given()) {
            checkRepoOptions();
        } else {
            for (String o : REPO_ONLY) {
                if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
                    throw new UserError(ExitCodes.USAGE, o + " applies only with --repo URL|PATH, when watch follows a git repository; without --repo, watch takes its state from -f or from the state the last apply kept");
                }
            }
        }
        if (!repo.given() && state.usesInventory()) {
            throw new UserError(ExitCodes.USAGE, "watch works on this host or a namespace (--netns), not an inventory: run it on each"
                    + " host (see examples/routesync-watch.service)");
        }
        if (last && state.hasStateFiles()) throw new UserError(ExitCodes.USAGE, "--last watches over the kept desired state: it takes no -f");
        if (!state.hasStateFiles() && !state.vars.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "--var fills in state files given with -f; the kept desired state has its values already");
        }
        LocalTarget local = (LocalTarget) target.target();
        WatchSource source = source(err);
        MetricsFile file = metrics.file(err);
        WatchMetrics counted = new WatchMetrics(MetricsOptions.labels(target.netns));
        // every log line comes from the watch's loop; only warnings (to stderr) come from the repository's looks
        Consumer<WatchEvent> log = e -> {
            out.println(json ? WatchLogView.json(e) : WatchLogView.text(e));
            out.flush();
            if (file != null) file.write(counted.after(e));
        };
        Watcher watcher = new Watcher(local, source, target.settings(), Watcher.Settings.defaults(), log, Clock.systemUTC());
        List<String> signals = List.of("HUP", "TERM", "INT");
        SignalHandler[] before = new SignalHandler[signals.size()];
        for (int i = 0; i < signals.size(); i++) {
            before[i] = Signal.handle(new Signal(signals.get(i)), s -> {
                if (s.getName().equals("HUP")) watcher.reload();
                else watcher.stop();
            });
        }
        try {
            watcher.run();
        } catch (TransportException e) {
            throw Failures.of(e);
        } catch (GitSourceException e) {
            UserError u = RepoOptions.failure(e);
            throw new UserError(u.exitCode(), u.getMessage() + "; and no desired state was kept here to watch over meanwhile ("
                    + LastApplied.file(target.paths()) + ")", e);
        } catch (RepoSource.Refused e) {
            throw new UserError(ExitCodes.FAILED, e.getMessage() + ". Nothing was applied to " + local.name() + ".", e);
        } finally {
            for (int i = 0; i < signals.size(); i++) Signal.handle(new Signal(signals.get(i)), before[i]);
        }
        return ExitCodes.OK;
    }

    private WatchSource source(PrintWriter err) throws UserError {
        if (state.hasStateFiles()) {
            String shown = "-f " + String.join(" -f ", state.stateFiles.stream().map(Object::toString).toList());
            return new WatchSource() {
                @Override
                public HostSpec load() throws Exception {
                    return SingleHost.spec(state, target, err);
                }

                @Override
                public String describe() {
                    return shown;
                }
            };
        }
        if (repo.given()) {
            PullRequest request = repoHost.request(repo, state.inventory == null ? null : state.inventory.toString(), false, rewind,
                    state.protocolTag(), target.runTimeout());
            Consumer<String> warn = w -> {
                synchronized (err) {
                    err.println(w);
                    err.flush();
                }
            };
            return new RepoSource(request, target.target().name(), target.paths(), Duration.ofSeconds(interval), warn, Clock.systemUTC());
        }
        return new KeptSource(target.target().name(), target.paths(), state.protocolTag(), Version.number());
    }

    /** --repo takes the place of -f and of the kept state; its inventory path is -i/--inventory, as pull's --inventory. */
    private void checkRepoOptions() throws UserError {
        if (state.hasStateFiles()) {
            throw new UserError(ExitCodes.USAGE, "--repo takes the desired state from the repository: it takes no -f (drop --repo to watch over"
                    + " state files)");
        }
        if (last) throw new UserError(ExitCodes.USAGE, "--last watches over the kept desired state: it takes no --repo");
        if (!state.vars.isEmpty()) throw new UserError(ExitCodes.USAGE, "--var fills in state files given with -f; with --repo the inventory gives the values");
        if (state.limit != null) throw new UserError(ExitCodes.USAGE, "--limit selects inventory hosts to work on over SSH; watch --repo takes"
                + " one host's state: give it with --host NAME");
        if (interval < MIN_INTERVAL || interval > MAX_INTERVAL) {
            throw new UserError(ExitCodes.USAGE, "--interval " + interval + " is out of range (" + MIN_INTERVAL + "-" + MAX_INTERVAL + " seconds)");
        }
    }
}

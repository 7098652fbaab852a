package io.routesync.cli;

import io.routesync.render.RunMetrics;
import io.routesync.render.WatchLogView;
import io.routesync.render.WatchMetrics;
import io.routesync.run.HostSpec;
import io.routesync.run.watch.KeptSource;
import io.routesync.run.watch.WatchEvent;
import io.routesync.run.watch.Watcher;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.TransportException;
import java.io.PrintWriter;
import java.time.Clock;
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
            "The desired state comes from -f (and --var), or, without -f, from the state the last apply kept here"
                + " (as apply --last). One log line per action on stdout (--json: one JSON object per line)."},
        footer = {"", "Exit codes: 0 stopped by SIGTERM or SIGINT, 64 bad command line, 65 invalid or no desired state,"
                + " 69 the target or its event monitor cannot be reached."})
final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Mixin
    StateOptions state;

    @Mixin
    TargetOptions target;

    @Option(names = "--last", description = "Watch over the desired state the last apply kept here (the default without -f).")
    boolean last;

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
        if (state.usesInventory()) {
            throw new UserError(ExitCodes.USAGE, "watch works on this host or a namespace (--netns), not an inventory: run it on each"
                    + " host (see examples/routesync-watch.service)");
        }
        if (last && state.hasStateFiles()) throw new UserError(ExitCodes.USAGE, "--last watches over the kept desired state: it takes no -f");
        if (!state.hasStateFiles() && !state.vars.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "--var fills in state files given with -f; the kept desired state has its values already");
        }
        LocalTarget local = (LocalTarget) target.target();
        Watcher.Source source = source(err);
        MetricsFile file = metrics.file(err);
        WatchMetrics counted = new WatchMetrics(MetricsOptions.labels(target.netns));
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
        } finally {
            for (int i = 0; i < signals.size(); i++) Signal.handle(new Signal(signals.get(i)), before[i]);
        }
        return ExitCodes.OK;
    }

    private Watcher.Source source(PrintWriter err) throws UserError {
        if (state.hasStateFiles()) {
            String shown = "-f " + String.join(" -f ", state.stateFiles.stream().map(Object::toString).toList());
            return new Watcher.Source() {
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
        return new KeptSource(target.target().name(), target.paths(), state.protocolTag(), Version.number());
    }
}

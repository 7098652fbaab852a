package io.routesync.cli;

import io.routesync.config.InvalidInputException;
import io.routesync.git.GitSourceException;
import io.routesync.render.PullJsonView;
import io.routesync.render.PullView;
import io.routesync.render.RunMetrics;
import io.routesync.run.HostRun;
import io.routesync.run.pull.PullRequest;
import io.routesync.run.pull.PullResult;
import io.routesync.run.pull.Puller;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code routesync pull}: made for cron and systemd timers on each host. Fetches the repository,
 * takes this host's state at the ref, and applies whatever drifted; silent when nothing did.
 */
@Command(name = "pull", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Fetch a git repository, take this host's desired state from the inventory at --ref, and apply"
            + " whatever differs (drift heals). Made for cron and systemd timers: prints nothing when nothing changed"
            + " (unless -v). If the fetch fails, the last fetched commit is used, with a warning.")
final class PullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    RootCommand root;

    @Mixin
    RepoOptions repo;

    @Mixin
    RepoHostOptions repoHost;

    @Option(names = "--inventory", paramLabel = "PATH", description = "The inventory file or directory inside the repository (default inventory/).")
    String inventory;

    @Mixin
    TargetOptions target;

    @Option(names = "--splay", paramLabel = "SECONDS", defaultValue = "0",
            description = "Wait a random time up to this long first, so a fleet does not fetch at once.")
    int splay;

    @Option(names = "--only-if-changed",
            description = "Do nothing when the commit is the one the last successful pull applied (no drift check).")
    boolean onlyIfChanged;

    @Mixin
    RewindOption rewind;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of the run (commit, host, drift, changes, duration, result).")
    Path report;

    @Option(names = "--proto-number", paramLabel = "N", defaultValue = "245",
            description = "The route/rule protocol number routesync tags its entries with (default ${DEFAULT-VALUE}).")
    int protocolTag;

    @Option(names = {"-v", "--verbose"}, description = "Say what was done even when nothing changed.")
    boolean verbose;

    @Mixin
    MetricsOptions metrics;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        long ran = t0; // the run's own duration, for the metrics: without the random --splay wait
        List<String> warnings = new ArrayList<>();
        try {
            PullRequest request = request();
            splay();
            ran = System.nanoTime();
            Puller puller = new Puller(target.target(), target.paths(), target.settings(), Clock.systemUTC());
            PullResult result = puller.run(request, w -> {
                warnings.add(w);
                err.println(w);
                err.flush();
            });
            int code = print(result, out, err);
            writeReport(PullJsonView.of(result, repo.location().display(), repo.ref(), started, since(t0), code), err);
            writeMetrics(result, code, ran, err);
            return code;
        } catch (Exception e) {
            Exception mapped = map(e);
            int code = mapped instanceof UserError ? ((UserError) mapped).exitCode() : ExitCodes.DATA;
            String message = mapped instanceof InvalidInputException ? summary((InvalidInputException) mapped) : mapped.getMessage();
            writeReport(PullJsonView.ofError(message, shownRepo(), repo.ref(), started, since(t0), code, warnings), err);
            writeMetrics(null, code, ran, err);
            throw mapped;
        }
    }

    private PullRequest request() throws UserError {
        if (!repo.given()) throw new UserError(ExitCodes.USAGE, "pull needs --repo PATH|URL: the repository to take the desired state from");
        if (protocolTag < 1 || protocolTag > 255) throw new UserError(ExitCodes.USAGE, "--proto-number " + protocolTag + " is out of range (1-255)");
        if (splay < 0) throw new UserError(ExitCodes.USAGE, "--splay must be 0 or more seconds");
        return repoHost.request(repo, inventory, onlyIfChanged, rewind, protocolTag, target.runTimeout());
    }

    private void splay() throws InterruptedException {
        if (splay > 0) Thread.sleep(ThreadLocalRandom.current().nextLong(splay * 1000L + 1));
    }

    /** Prints how the run ended (see {@link PullView}); returns its exit code. */
    private int print(PullResult r, PrintWriter out, PrintWriter err) {
        PullView.print(r, verbose, out, err, Terminal.style(root.noColor));
        switch (r.outcome()) {
            case SKIPPED_UNCHANGED:
            case NO_CHANGES:
                return ExitCodes.OK;
            case REFUSED_UNSIGNED:
            case REFUSED_REWIND:
                return ExitCodes.FAILED;
            case APPLIED:
            case FAILED:
                return ExitCodes.of(HostRun.applied(r.report()), false);
            default:
                throw new AssertionError(r.outcome());
        }
    }

    private Exception map(Exception e) {
        if (e instanceof InvalidInputException || e instanceof UserError) return e;
        if (e instanceof GitSourceException) return RepoOptions.failure((GitSourceException) e);
        if (e instanceof IOException) return new UserError(ExitCodes.FAILED, e.getMessage(), e);
        if (e instanceof InterruptedException) return new UserError(ExitCodes.FAILED, "interrupted", e);
        return Failures.of(e);
    }

    private static String summary(InvalidInputException e) {
        return e.diagnostics().stream().filter(d -> d.isError()).map(d -> d.format()).reduce((a, b) -> a + "\n" + b).orElse(e.getMessage());
    }

    private void writeReport(String text, PrintWriter err) {
        if (report == null) return;
        try {
            Path dir = report.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            ReplacedFile.replace(report, text);
        } catch (IOException e) {
            err.println("warning: cannot write the report " + report + ": " + ReplacedFile.why(e).replaceAll("[\\r\\n]+", " "));
        }
    }

    /** {@code result} null: the run failed before it ended, with {@code code}. */
    private void writeMetrics(PullResult result, int code, long t0, PrintWriter err) {
        metrics.write(err, (exit, ended, took) -> RunMetrics.pull(MetricsOptions.labels(target.netns), result, exit, ended, took), code, t0);
    }

    // never the raw --repo: a URL may carry a token
    private String shownRepo() {
        try {
            return repo.given() ? repo.location().display() : null;
        } catch (UserError e) {
            return null;
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}

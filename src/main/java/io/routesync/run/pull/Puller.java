package io.routesync.run.pull;

import io.routesync.apply.ApplyReport;
import io.routesync.apply.ApplySafety;
import io.routesync.apply.Reconciler;
import io.routesync.config.InvalidInputException;
import io.routesync.config.inventory.Host;
import io.routesync.config.state.LoadedState;
import io.routesync.git.GitSource;
import io.routesync.git.GitSourceException;
import io.routesync.git.RepoCommit;
import io.routesync.iproute2.OutputException;
import io.routesync.model.HostPlan;
import io.routesync.plan.PlanConflictException;
import io.routesync.run.HostJob;
import io.routesync.run.HostRun;
import io.routesync.run.HostSpec;
import io.routesync.run.LastApplied;
import io.routesync.run.Phase;
import io.routesync.run.Pipeline;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One pull run on the machine it runs on, level-triggered like a controller: fetch the repository
 * into its bare clone (or fall back on the last fetch), resolve the ref, refuse an unsigned commit
 * when signatures are required, refuse a commit that does not descend from the one last applied (unless
 * {@code --allow-rewind}), read this host's desired state at that commit, read the host, and
 * apply and verify whatever differs. Every run checks for drift, unless {@code --only-if-changed}
 * and the commit is the one the last successful run left the host at.
 */
public final class Puller {
    /** Pull runs on the host it changes, over no connection a change could cut, and unattended: nothing guards it. */
    private static final ApplySafety UNGUARDED = new ApplySafety(null, false, List.of());

    private final Target target;
    private final TargetPaths paths;
    private final Reconciler.Settings settings;
    private final Clock clock;

    /** {@code target} is this host or a namespace of it: pull never works remotely, so its state directory is on this machine. */
    public Puller(Target target, TargetPaths paths, Reconciler.Settings settings, Clock clock) {
        this.target = target;
        this.paths = paths;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Runs once. {@code warnings} receives each warning as it happens (a failed fetch, diagnostics of
     * the inputs), so it is printed even when a later step fails.
     */
    public PullResult run(PullRequest request, Consumer<String> warnings) throws GitSourceException, InvalidInputException,
            TransportException, OutputException, LockHeldException, PlanConflictException, IOException, InterruptedException {
        List<String> said = new ArrayList<>();
        Consumer<String> warn = w -> {
            said.add(w);
            warnings.accept(w);
        };
        try (GitSource source = PullSteps.fetch(request)) {
            source.fetchWarning().ifPresent(w -> warn.accept("warning: " + w));
            RepoCommit commit = source.resolve(request.ref());
            Optional<String> last = PullSteps.lastCommit(paths);
            boolean newCommit = last.isEmpty() || !last.get().equals(commit.id());

            PullSteps.Verdict verdict = PullSteps.judge(source, commit, request, last, warn);
            if (verdict.refused()) {
                return new PullResult(verdict.refusal(), PullSteps.hostName(request), target.name(), commit, newCommit, null, null, null,
                        verdict.signature(), verdict.rewind(), said, null);
            }
            if (request.onlyIfChanged() && !newCommit) {
                return new PullResult(PullResult.Outcome.SKIPPED_UNCHANGED, PullSteps.hostName(request), target.name(), commit, false,
                        null, null, null, verdict.signature(), null, said, null);
            }

            PullSteps.HostState state = PullSteps.read(commit, request, target.name(), paths, warn);
            Host host = state.host();
            LoadedState loaded = state.loaded();
            HostSpec spec = state.spec();

            // a run of one job, in one session on the host: read, plan, and (unattended) apply whatever differs
            HostJob job = new HostJob(spec, target, settings, clock);
            HostRun run = Pipeline.converge(List.of(job), 1, UNGUARDED, HostJob.OPEN, (phase, r) -> {
                if (phase == Phase.PLAN) r.warnings().forEach(w -> warn.accept("warning: " + w));
            }).hosts().get(0);
            if (run.failure() != null) run.failure().rethrow();
            HostPlan plan = run.plan();
            ApplyReport report = run.report();
            PullResult.Outcome outcome = PullResult.Outcome.NO_CHANGES;
            if (report != null) {
                outcome = report.succeeded() ? PullResult.Outcome.APPLIED : PullResult.Outcome.FAILED;
                if (report.outcome() == ApplyReport.Outcome.NO_CHANGES) outcome = PullResult.Outcome.NO_CHANGES;
            }
            if (outcome == PullResult.Outcome.NO_CHANGES) {
                try {
                    LastApplied.keepConverged(paths, loaded, request.protocolTag());
                } catch (IOException e) {
                    warn.accept("warning: cannot keep the desired state for the next boot: " + e.getMessage());
                }
            }
            if (outcome != PullResult.Outcome.FAILED) {
                PullSteps.leftAt(paths, commit.id(), request, host.name(), clock.instant());
            }
            return new PullResult(outcome, host.name(), target.name(), commit, newCommit, plan, loaded.names(), report, verdict.signature(),
                    verdict.rewind(), said, loaded.state());
        }
    }
}

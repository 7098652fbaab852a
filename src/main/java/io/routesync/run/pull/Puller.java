package io.routesync.run.pull;

import io.routesync.apply.ApplyReport;
import io.routesync.apply.ApplySafety;
import io.routesync.apply.Reconciler;
import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.inventory.Host;
import io.routesync.config.inventory.Inventory;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.git.CommitInputs;
import io.routesync.git.CommitSignatures;
import io.routesync.git.GitSource;
import io.routesync.git.GitSourceException;
import io.routesync.git.RepoCommit;
import io.routesync.git.RepoLayout;
import io.routesync.git.SignatureCheck;
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
import java.nio.file.Path;
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
        Path stateDir = Path.of(paths.stateDir());
        try (GitSource source = GitSource.mirror(request.repo(), request.cacheDir(), request.fetchTimeout())) {
            source.fetchWarning().ifPresent(w -> warn.accept("warning: " + w));
            RepoCommit commit = source.resolve(request.ref());
            Optional<String> last = LastPull.commit(stateDir);
            boolean newCommit = last.isEmpty() || !last.get().equals(commit.id());

            SignatureCheck signature = null;
            if (request.allowedSigners().isPresent()) {
                signature = CommitSignatures.check(source, commit, request.allowedSigners().get());
                signature.warnings().forEach(w -> warn.accept("warning: " + w));
                if (!signature.trusted()) {
                    return new PullResult(PullResult.Outcome.REFUSED_UNSIGNED, request.host().orElseGet(ThisHost::hostname), target.name(), commit, newCommit,
                            null, null, null, signature, null, said, null);
                }
            }
            // a signed commit stays signed: pushing an older one back must not roll the host back unnoticed
            PullResult.Rewind rewind = null;
            if (newCommit && last.isPresent()) {
                Optional<Boolean> descends = source.descendsFrom(commit, last.get());
                if (descends.isEmpty() || !descends.get()) {
                    rewind = new PullResult.Rewind(last.get(), descends.isPresent(), request.allowRewind());
                    if (!request.allowRewind()) {
                        return new PullResult(PullResult.Outcome.REFUSED_REWIND, request.host().orElseGet(ThisHost::hostname), target.name(), commit,
                                true, null, null, null, signature, rewind, said, null);
                    }
                    warn.accept("warning: commit " + commit.describe() + " " + rewind.describe() + "; applying it because of --allow-rewind");
                }
            }
            if (request.onlyIfChanged() && !newCommit) {
                return new PullResult(PullResult.Outcome.SKIPPED_UNCHANGED, request.host().orElseGet(ThisHost::hostname), target.name(), commit, false,
                        null, null, null, signature, null, said, null);
            }

            RepoLayout layout = RepoLayout.find(commit, request.inventory(), request.states());
            Inventory inventory = CommitInputs.readInventory(commit, layout);
            for (Diagnostic d : inventory.warnings()) warn.accept(d.format());
            Host host = ThisHost.find(inventory, request.host());
            List<SourceFile> files = CommitInputs.stateFiles(commit, host);
            Variables variables = CommitInputs.variables(commit, host);
            LoadedState loaded = StateLoader.load(files, variables, request.protocolTag());
            for (Diagnostic d : loaded.warnings()) warn.accept(d.format());
            HostSpec spec = HostSpec.of(target.name(), null, paths, loaded, request.protocolTag(), files, variables, commit.id(),
                    request.version());

            // a run of one job: read, plan, and (unattended) apply whatever differs; a host that changed between
            // read and apply is re-planned and that plan applied
            HostJob job = new HostJob(spec, target, settings, clock);
            HostRun run = Pipeline.apply(List.of(job), 1, true, UNGUARDED, planned -> { }, (phase, r) -> {
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
                LastPull.write(stateDir, commit.id(), request.ref(), request.repo().display(), host.name(), clock.instant());
            }
            return new PullResult(outcome, host.name(), target.name(), commit, newCommit, plan, loaded.names(), report, signature, rewind, said,
                    loaded.state());
        }
    }
}

package io.routesync.run.pull;

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
import io.routesync.run.HostSpec;
import io.routesync.transport.TargetPaths;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What pull does with a repository before it touches the host, one step each, for {@link Puller} and
 * for {@code watch --repo} alike: fetch into the bare clone, judge a commit (signed by an allowed key
 * when signatures are required; descending from the one last applied unless {@code --allow-rewind}),
 * read this host's desired state at it, and remember the commit the host was left at.
 */
public final class PullSteps {
    private PullSteps() {
    }

    /** How a commit was judged: {@code refusal} null when it may be applied. */
    public record Verdict(SignatureCheck signature, PullResult.Rewind rewind, PullResult.Outcome refusal) {
        public boolean refused() {
            return refusal != null;
        }

        /** Why it is refused, in words that follow "commit X is refused: ". */
        public String reason() {
            return refusal == PullResult.Outcome.REFUSED_UNSIGNED ? signature.reason() : "it " + rewind.describe();
        }
    }

    /** This host's desired state at a commit: the inventory host it is, its merged state, and its spec for a run. */
    public record HostState(Host host, LoadedState loaded, HostSpec spec) {
    }

    /** Fetches the repository into its bare clone (a failed fetch falls back on the last one: see {@link GitSource#fetchWarning()}). */
    public static GitSource fetch(PullRequest request) throws GitSourceException {
        return GitSource.mirror(request.repo(), request.cacheDir(), request.fetchTimeout());
    }

    /** The commit the last successful pull (or watch --repo) left the host at, if any. */
    public static Optional<String> lastCommit(TargetPaths paths) {
        return LastPull.commit(Path.of(paths.stateDir()));
    }

    /**
     * Judges {@code commit}: with allowed signers, refused unless an allowed key signed it; refused when it
     * does not descend from {@code last} (unless allowed: then {@code warn} says so). Warnings of the
     * allowed-signers file go to {@code warn} as well.
     */
    public static Verdict judge(GitSource source, RepoCommit commit, PullRequest request, Optional<String> last, Consumer<String> warn)
            throws IOException {
        SignatureCheck signature = null;
        if (request.allowedSigners().isPresent()) {
            signature = CommitSignatures.check(source, commit, request.allowedSigners().get());
            signature.warnings().forEach(w -> warn.accept("warning: " + w));
            if (!signature.trusted()) return new Verdict(signature, null, PullResult.Outcome.REFUSED_UNSIGNED);
        }
        // a signed commit stays signed: pushing an older one back must not roll the host back unnoticed
        PullResult.Rewind rewind = null;
        if (last.isPresent() && !last.get().equals(commit.id())) {
            Optional<Boolean> descends = source.descendsFrom(commit, last.get());
            if (descends.isEmpty() || !descends.get()) {
                rewind = new PullResult.Rewind(last.get(), descends.isPresent(), request.allowRewind());
                if (!request.allowRewind()) return new Verdict(signature, rewind, PullResult.Outcome.REFUSED_REWIND);
                warn.accept("warning: commit " + commit.describe() + " " + rewind.describe() + "; applying it because of --allow-rewind");
            }
        }
        return new Verdict(signature, rewind, null);
    }

    /** Reads this host's desired state at {@code commit}; the inputs' warnings go to {@code warn}. */
    public static HostState read(RepoCommit commit, PullRequest request, String target, TargetPaths paths, Consumer<String> warn)
            throws InvalidInputException {
        RepoLayout layout = RepoLayout.find(commit, request.inventory(), request.states());
        Inventory inventory = CommitInputs.readInventory(commit, layout);
        for (Diagnostic d : inventory.warnings()) warn.accept(d.format());
        Host host = ThisHost.find(inventory, request.host());
        List<SourceFile> files = CommitInputs.stateFiles(commit, host);
        Variables variables = CommitInputs.variables(commit, host);
        LoadedState loaded = StateLoader.load(files, variables, request.protocolTag());
        for (Diagnostic d : loaded.warnings()) warn.accept(d.format());
        HostSpec spec = HostSpec.of(target, null, paths, loaded, request.protocolTag(), files, variables, commit.id(), request.version());
        return new HostState(host, loaded, spec);
    }

    /** Remembers that the host was verified to match {@code commit} (applied, or found equal): never after a failed run. */
    public static void leftAt(TargetPaths paths, String commit, PullRequest request, String host, Instant time) throws IOException {
        LastPull.write(Path.of(paths.stateDir()), commit, request.ref(), request.repo().display(), host, time);
    }

    /** The host name a run is for when the inventory cannot be read to say it: {@code --host}, or this machine's name. */
    public static String hostName(PullRequest request) {
        return request.host().orElseGet(ThisHost::hostname);
    }
}

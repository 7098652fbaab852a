package io.routesync.cli;

import io.routesync.run.pull.PullRequest;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Which inventory host this machine is and where its states are in the repository: a mixin, so pull and
 * {@code watch --repo} take the same state from the same options. The inventory's path in the repository
 * is each command's own option ({@code --inventory}; watch's is the one its state options refuse without
 * {@code --repo}), as two options cannot share a name.
 */
public final class RepoHostOptions {

    @Option(names = "--host", paramLabel = "NAME", description = "The inventory host this machine is (default: its hostname).")
    String host;

    @Option(names = "--states", paramLabel = "DIR", description = "The states directory inside the repository (default states/).")
    String states;

    /** Whether any of these was given (they mean nothing without --repo). */
    boolean given() {
        return host != null || states != null;
    }

    /** What a pull run, or each look of watch --repo, is asked to do. */
    PullRequest request(RepoOptions repo, String inventory, boolean onlyIfChanged, RewindOption rewind, int protocolTag, Duration fetchTimeout)
            throws UserError {
        return new PullRequest(repo.location(), repo.ref(), Optional.ofNullable(host), repo.cacheDir(), Optional.ofNullable(inventory),
                Optional.ofNullable(states), onlyIfChanged, rewind.allowRewind, repo.signers(), protocolTag, fetchTimeout, Version.number());
    }
}

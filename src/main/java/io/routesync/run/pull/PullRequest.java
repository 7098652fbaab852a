package io.routesync.run.pull;

import io.routesync.git.RepoLocation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What one pull run is asked to do. {@code host} empty means this machine's hostname;
 * {@code allowedSigners} present means the commit must be signed by a key it allows; {@code allowRewind}
 * lets a commit that does not descend from the one last applied be applied.
 */
public record PullRequest(
        RepoLocation repo,
        String ref,
        Optional<String> host,
        Path cacheDir,
        Optional<String> inventory,
        Optional<String> states,
        boolean onlyIfChanged,
        boolean allowRewind,
        Optional<Path> allowedSigners,
        int protocolTag,
        Duration fetchTimeout,
        String version) {
}

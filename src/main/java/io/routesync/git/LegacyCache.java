package io.routesync.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Clones made by earlier versions of routesync for a URL with credentials: named after a hash of the
 * URL with them, with the URL, credentials and all, in their config and FETCH_HEAD, and readable by
 * every user. The clone moves to its name without credentials (keeping what it fetched, which a pull
 * falls back on when the remote is down); then every clone in the cache whose config still has
 * credentials (this one, one made with an older token, another repository's) loses them.
 */
final class LegacyCache {
    /** A clone's config is a few hundred bytes; anything much larger is not one routesync wrote. */
    private static final long MAX_CONFIG = 64 * 1024;

    private LegacyCache() {
    }

    /** Moves this location's old clone to {@code dir}, and cleans every other clone in the cache that still has credentials. */
    static void migrate(RepoLocation location, Path dir) throws GitSourceException {
        Path current = dir;
        try {
            if (location.legacyCacheName().isPresent()) {
                Path old = dir.resolveSibling(location.legacyCacheName().get());
                current = old;
                if (Files.isDirectory(old) && !Files.exists(dir)) {
                    Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".lock"));
                    Files.move(old, dir);
                }
            }
            // clones of the same repository with an older token, and of other repositories
            try (DirectoryStream<Path> clones = Files.newDirectoryStream(dir.getParent(), "*.git")) {
                for (Path clone : clones) {
                    current = clone;
                    if (Files.isDirectory(clone)) cleanIfIdle(clone, clone.equals(dir));
                }
            }
        } catch (IOException e) {
            throw new GitSourceException(GitSourceException.Kind.BROKEN, "cannot remove the credentials an earlier routesync left in "
                    + current + ": " + RepoCache.rootMessage(e), e);
        }
    }

    // another run fetching into a clone holds its lock (and writes no credentials): that clone waits for the next run
    private static void cleanIfIdle(Path clone, boolean locked) throws IOException {
        if (locked) {
            clean(clone);
            return;
        }
        if (!hasCredentials(clone)) return;
        try (CacheLock lock = CacheLock.acquire(clone, Duration.ZERO)) {
            if (lock != null) clean(clone);
        }
    }

    private static boolean hasCredentials(Path clone) throws IOException {
        Path config = clone.resolve("config");
        if (!Files.isRegularFile(config) || Files.size(config) > MAX_CONFIG) return false;
        String text = Files.readString(config, StandardCharsets.UTF_8);
        return text.contains("@") && text.contains("://");
    }

    private static void clean(Path clone) throws IOException {
        try (Repository repository = new FileRepositoryBuilder().setGitDir(clone.toFile()).setMustExist(true).build()) {
            StoredConfig config = repository.getConfig();
            String url = config.getString("remote", "origin", "url");
            if (url == null) return;
            RepoLocation remote;
            try {
                remote = RepoLocation.parse(url);
            } catch (IllegalArgumentException e) {
                return;
            }
            if (remote.credentials().isEmpty()) return;
            PrivateDirectories.restrict(clone);
            // written again, without credentials, by the next fetch
            Files.deleteIfExists(clone.resolve("FETCH_HEAD"));
            config.setString("remote", "origin", "url", remote.fetchUrl());
            config.save();
        }
    }
}

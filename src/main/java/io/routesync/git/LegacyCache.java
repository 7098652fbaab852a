package io.routesync.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Clones made by earlier versions of routesync for a URL with credentials: named after a hash of the
 * URL with them, with the URL, credentials and all, in their config and FETCH_HEAD, and readable by
 * every user. The clone moves to its name without credentials (keeping what it fetched, which a pull
 * falls back on when the remote is down) and loses the credentials; if a clone already has the new
 * name, the old one is cleaned where it is.
 */
final class LegacyCache {
    private LegacyCache() {
    }

    static void migrate(RepoLocation location, Path dir) throws GitSourceException {
        if (location.legacyCacheName().isEmpty()) return;
        Path old = dir.resolveSibling(location.legacyCacheName().get());
        if (!Files.isDirectory(old)) return;
        try {
            Files.deleteIfExists(old.resolveSibling(old.getFileName() + ".lock"));
            if (!Files.exists(dir)) {
                Files.move(old, dir);
                clean(dir, location);
            } else {
                clean(old, location);
            }
        } catch (IOException e) {
            throw new GitSourceException(GitSourceException.Kind.BROKEN, "cannot remove the credentials an earlier routesync left in "
                    + old + ": " + RepoCache.rootMessage(e), e);
        }
    }

    private static void clean(Path clone, RepoLocation location) throws IOException {
        PrivateDirectories.restrict(clone);
        // written again, without credentials, by the next fetch
        Files.deleteIfExists(clone.resolve("FETCH_HEAD"));
        try (Repository repository = new FileRepositoryBuilder().setGitDir(clone.toFile()).setMustExist(true).build()) {
            StoredConfig config = repository.getConfig();
            config.setString("remote", "origin", "url", location.fetchUrl());
            config.save();
        }
    }
}

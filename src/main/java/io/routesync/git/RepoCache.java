package io.routesync.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The bare clones routesync keeps of remote repositories ({@code CACHE/repos/NAME-HASH.git}): created
 * on first use, fetched on every later one. Branches and tags are mirrored as they are on the remote
 * (deleted ones are pruned), and HEAD follows the remote's HEAD, so refs resolve as they would there.
 * A failed fetch falls back on what an earlier one brought, with a warning; with no earlier fetch it
 * is an error.
 */
final class RepoCache {
    private static final String FETCHED_MARK = "routesync-fetched";
    private static final RefSpec[] MIRROR = {
        new RefSpec("+refs/heads/*:refs/heads/*"),
        new RefSpec("+refs/tags/*:refs/tags/*"),
    };

    /**
     * The cache's repository after the fetch; when the fetch failed and older commits are used, why it
     * failed ({@code failure}) and the warning that says so.
     */
    record Fetched(Repository repository, Optional<String> failure, Optional<String> warning) {
    }

    private RepoCache() {
    }

    static Path directory(Path cacheRoot, RepoLocation location) {
        return cacheRoot.resolve("repos").resolve(location.cacheName());
    }

    static Fetched update(RepoLocation location, Path cacheRoot, Duration timeout, Clock clock) throws GitSourceException {
        Path dir = directory(cacheRoot, location);
        CacheLock lock;
        try {
            // the clones may hold private history: only root reads them (the lock file is made below)
            PrivateDirectories.create(dir.getParent());
            PrivateDirectories.restrict(dir.getParent());
            lock = CacheLock.acquire(dir, timeout);
        } catch (IOException e) {
            throw new GitSourceException(GitSourceException.Kind.BROKEN, "cannot use the cache " + dir + ": " + rootMessage(e), e);
        }
        if (lock == null) {
            // another run kept fetching for longer than this one may: use what is there
            Repository repository = openOrInit(dir, location);
            return fallBack(repository, location, dir, "another routesync run is fetching it", null);
        }
        try (lock) {
            LegacyCache.migrate(location, dir);
            return fetch(location, dir, timeout, clock);
        } catch (IOException e) {
            throw new GitSourceException(GitSourceException.Kind.BROKEN, "cannot release the lock of " + dir + ": " + rootMessage(e), e);
        }
    }

    private static Fetched fetch(RepoLocation location, Path dir, Duration timeout, Clock clock) throws GitSourceException {
        Repository repository = openOrInit(dir, location);
        try {
            // the URL without credentials, and the credentials in memory only: JGit writes the URL it
            // fetched from into FETCH_HEAD, and its errors quote it
            FetchCommand fetch = Git.wrap(repository).fetch().setRemote(location.fetchUrl());
            location.credentials().ifPresent(c -> fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider(c.user(), c.password())));
            FetchResult result = fetch
                    .setRefSpecs(MIRROR)
                    .setTagOpt(TagOpt.NO_TAGS)
                    .setRemoveDeletedRefs(true)
                    .setTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds())))
                    .call();
            followHead(repository, result);
            touch(dir.resolve(FETCHED_MARK), clock.instant());
            return new Fetched(repository, Optional.empty(), Optional.empty());
        } catch (GitAPIException | IOException | RuntimeException e) {
            // JGit wraps transport failures at different depths; the innermost message says what happened
            return fallBack(repository, location, dir, location.redact(rootMessage(e)), e);
        }
    }

    private static Fetched fallBack(Repository repository, RepoLocation location, Path dir, String why, Exception cause)
            throws GitSourceException {
        if (!hasRefs(repository)) {
            repository.close();
            throw new GitSourceException(GitSourceException.Kind.UNREACHABLE, "cannot fetch " + location.display() + ": " + why
                    + " (and there is no earlier fetch in " + dir + " to fall back on)", cause);
        }
        String failure = "cannot fetch " + location.display() + ": " + why;
        return new Fetched(repository, Optional.of(failure), Optional.of(failure + "; using the commits fetched " + lastFetch(dir)));
    }

    private static Repository openOrInit(Path dir, RepoLocation location) throws GitSourceException {
        try {
            if (!Files.isDirectory(dir)) {
                PrivateDirectories.create(dir);
                Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch("main").call().close();
            }
            PrivateDirectories.restrict(dir);
            Repository repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
            StoredConfig config = repository.getConfig();
            // for people who look inside the cache: which remote this clone mirrors (never with credentials;
            // a clone made by an earlier version may have them here, and this overwrites them)
            if (!location.fetchUrl().equals(config.getString("remote", "origin", "url"))) {
                config.setString("remote", "origin", "url", location.fetchUrl());
                config.save();
            }
            return repository;
        } catch (IOException | GitAPIException e) {
            throw new GitSourceException(GitSourceException.Kind.BROKEN, "cannot use the cache " + dir + ": " + rootMessage(e), e);
        }
    }

    // The remote's HEAD is its default branch; a bare mirror's own HEAD would otherwise point nowhere.
    private static void followHead(Repository repository, FetchResult result) throws IOException {
        Ref head = result.getAdvertisedRef(Constants.HEAD);
        if (head == null) return;
        if (head.isSymbolic() && repository.exactRef(head.getTarget().getName()) != null) {
            repository.updateRef(Constants.HEAD).link(head.getTarget().getName());
            return;
        }
        ObjectId id = head.getObjectId();
        if (id == null || !repository.getObjectDatabase().has(id)) return;
        RefUpdate update = repository.getRefDatabase().newUpdate(Constants.HEAD, true);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        update.update();
    }

    private static boolean hasRefs(Repository repository) {
        try {
            return !repository.getRefDatabase().getRefsByPrefix(Constants.R_REFS).isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void touch(Path mark, Instant now) throws IOException {
        if (!Files.exists(mark)) Files.createFile(mark);
        Files.setLastModifiedTime(mark, FileTime.from(now));
    }

    private static String lastFetch(Path dir) {
        try {
            return "at " + Files.getLastModifiedTime(dir.resolve(FETCHED_MARK)).toInstant().toString().replaceFirst("\\.\\d+Z$", "Z");
        } catch (IOException e) {
            return "earlier";
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message.strip();
    }
}

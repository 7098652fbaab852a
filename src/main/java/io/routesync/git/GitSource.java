package io.routesync.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A git repository routesync reads desired state from: a local repository read in place, or the bare
 * clone of a remote one in the cache, fetched when opened. Resolve a ref to get a {@link RepoCommit}
 * whose tree is read without a checkout.
 */
public final class GitSource implements AutoCloseable {
    /** routesync's cache when {@code --cache-dir} is not given (docs/git.md#the-cache). */
    public static final Path DEFAULT_CACHE = Path.of("/var/cache/routesync");

    static {
        QuietLogging.ensure();
    }

    private final RepoLocation location;
    private final Repository repository;
    private final Optional<String> fetchFailure;
    private final Optional<String> fetchWarning;

    private GitSource(RepoLocation location, Repository repository, Optional<String> fetchFailure, Optional<String> fetchWarning) {
        this.location = location;
        this.repository = repository;
        this.fetchFailure = fetchFailure;
        this.fetchWarning = fetchWarning;
    }

    /**
     * Opens {@code location}: a local path in place, a URL through its bare clone under {@code cacheRoot}
     * (fetched now; a failed fetch falls back on the last one, see {@link #fetchWarning()}).
     */
    public static GitSource open(RepoLocation location, Path cacheRoot, Duration fetchTimeout) throws GitSourceException {
        if (location.remote()) return mirror(location, cacheRoot, fetchTimeout);
        return new GitSource(location, openLocal(location.path()), Optional.empty(), Optional.empty());
    }

    /**
     * Opens {@code location} through a bare clone under {@code cacheRoot} even when it is a local path, as
     * pull mode does: the clone keeps the last fetched commits when the source is gone.
     */
    public static GitSource mirror(RepoLocation location, Path cacheRoot, Duration fetchTimeout) throws GitSourceException {
        RepoLocation remote = location;
        if (!location.remote()) {
            Path path = location.path().toAbsolutePath().normalize();
            remote = new RepoLocation(path.toString(), true);
        }
        RepoCache.Fetched fetched = RepoCache.update(remote, cacheRoot, fetchTimeout, Clock.systemUTC());
        return new GitSource(location, fetched.repository(), fetched.failure(), fetched.warning());
    }

    private static Repository openLocal(Path path) throws GitSourceException {
        if (!Files.isDirectory(path)) {
            throw new GitSourceException(GitSourceException.Kind.NOT_A_REPOSITORY, "--repo " + path + ": no such directory");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        // a work tree has .git (a directory, or a file for linked work trees); anything else must be a bare repository
        if (Files.exists(path.resolve(".git"))) builder.setWorkTree(path.toFile());
        else builder.setGitDir(path.toFile());
        try {
            Repository repository = builder.build();
            if (!repository.getObjectDatabase().exists()) {
                repository.close();
                throw new RepositoryNotFoundException(path.toFile());
            }
            return repository;
        } catch (RepositoryNotFoundException e) {
            throw new GitSourceException(GitSourceException.Kind.NOT_A_REPOSITORY, "--repo " + path + " is not a git repository"
                    + " (give the top of a work tree, a bare repository, or a URL)", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new GitSourceException(GitSourceException.Kind.NOT_A_REPOSITORY, "cannot open " + path + " as a git repository: "
                    + RepoCache.rootMessage(e), e);
        }
    }

    public RepoLocation location() {
        return location;
    }

    /** Set when the fetch failed and the commits of an earlier fetch are used instead: why ("cannot fetch URL: ..."). */
    public Optional<String> fetchFailure() {
        return fetchFailure;
    }

    /** Set when the fetch failed and the commits of an earlier fetch are used instead: says why and since when. */
    public Optional<String> fetchWarning() {
        return fetchWarning;
    }

    /** The commit {@code ref} names. */
    public RepoCommit resolve(String ref) throws GitSourceException {
        return RefResolver.resolve(repository, ref, location.display());
    }

    /**
     * For a local work tree whose HEAD is {@code commit}: a warning that uncommitted changes exist and are
     * not used (routesync reads the commit, never the files on disk). Empty otherwise.
     */
    public Optional<String> uncommittedWarning(RepoCommit commit) {
        if (location.remote() || repository.isBare()) return Optional.empty();
        try {
            var head = repository.resolve("HEAD");
            if (head == null || !head.name().equals(commit.id())) return Optional.empty();
            Status status = Git.wrap(repository).status().call();
            if (status.isClean()) return Optional.empty();
            int count = status.getUncommittedChanges().size() + status.getUntracked().size();
            return Optional.of(location.display() + " has " + count + " uncommitted or untracked file(s); they are not used:"
                    + " routesync reads commit " + commit.describe() + " (commit your changes to use them)");
        } catch (IOException | GitAPIException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code commit} is {@code ancestor} or descends from it; empty when {@code ancestor} is not a
     * commit of this repository (a clone made after the history was rewritten, or another repository).
     */
    public Optional<Boolean> descendsFrom(RepoCommit commit, String ancestor) {
        ObjectId id;
        try {
            id = ObjectId.fromString(ancestor);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit base = walk.parseCommit(id);
            return Optional.of(walk.isMergedInto(base, walk.parseCommit(commit.revCommit())));
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk the history of " + location.display() + ": " + e.getMessage(), e);
        }
    }

    /** The JGit repository, for signature checks. */
    Repository repository() {
        return repository;
    }

    @Override
    public void close() {
        repository.close();
    }
}

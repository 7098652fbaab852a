package io.routesync.run.watch;

import io.routesync.config.InvalidInputException;
import io.routesync.git.GitSource;
import io.routesync.git.GitSourceException;
import io.routesync.git.RepoCommit;
import io.routesync.run.HostSpec;
import io.routesync.run.LastApplied;
import io.routesync.run.pull.PullRequest;
import io.routesync.run.pull.PullSteps;
import io.routesync.transport.TargetPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code watch --repo}: this host's desired state at a repository's ref, taken as pull takes it ({@link
 * PullSteps}: fetched into the cache, signed by an allowed key when required, descending from the commit
 * last applied unless {@code --allow-rewind}). The repository is looked at in the background ({@link
 * RepoLooks}: at the start, every interval, on SIGHUP); a new state is handed to the loop only when the
 * ref moved to a commit that passed every check. Until the repository could be used once, the state the
 * last apply kept here is in force ({@link KeptSource}): a host boots converged without its git server.
 * A fetch that fails, a refused commit or an invalid state there leaves the state in force as it is.
 */
public final class RepoSource implements WatchSource {
    /** How long the start waits for the first look before it falls back on the kept state (when there is one). */
    private static final Duration START_WAIT = Duration.ofSeconds(5);
    /** Notes the loop has not logged yet (it is in a long convergence): the oldest go first. */
    private static final int MAX_NOTES = 100;

    /** A commit refused (unsigned, going back): nothing of it is applied. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** A state read at a commit; {@code change}: why it replaces the one in force, for the log. */
    private record Found(String id, String shown, String host, HostSpec spec, String change) {
    }

    private final PullRequest request;
    private final String target;
    private final TargetPaths paths;
    private final Duration interval;
    private final Consumer<String> warnings;
    private final Clock clock;
    private final KeptSource kept;
    private final RepoLooks looks;
    private Runnable wake = () -> { };
    /** The first {@link #load()} is over (loop thread only). */
    private boolean loadedOnce;
    /** Guarded by this: the state in force (null: the kept one), the next, the last commit judged, the first look's failure. */
    private Found loaded;
    private Found pending;
    private String seen;
    private boolean looked;
    private Exception firstFailure;
    private final List<Note> notes = new ArrayList<>();
    /** The commit last remembered as the one the host was left at (loop thread only). */
    private String leftAt;

    public RepoSource(PullRequest request, String target, TargetPaths paths, Duration interval, Consumer<String> warnings, Clock clock) {
        this.request = request;
        this.target = target;
        this.paths = paths;
        this.interval = interval;
        this.warnings = warnings;
        this.clock = clock;
        this.kept = new KeptSource(target, paths, request.protocolTag(), request.version());
        this.looks = new RepoLooks(interval, this::look);
    }

    @Override
    public void start(Runnable wake) {
        this.wake = wake;
        looks.start();
    }

    /**
     * The newest state that passed every check. The first time, waits for the first look: at most {@link
     * #START_WAIT} when a kept state can stand in, else until it ends; when it found nothing usable, the
     * kept state, or, without one, why the repository could not be used.
     */
    @Override
    public HostSpec load() throws Exception {
        boolean first = !loadedOnce;
        loadedOnce = true;
        boolean keptHere = Files.isRegularFile(LastApplied.file(paths), LinkOption.NOFOLLOW_LINKS);
        synchronized (this) {
            if (first) {
                long until = System.nanoTime() + START_WAIT.toNanos();
                while (!looked) {
                    long left = until - System.nanoTime();
                    if (!keptHere) wait();
                    else if (left > 0) TimeUnit.NANOSECONDS.timedWait(this, left);
                    else break;
                }
            }
            if (pending != null) {
                loaded = pending;
                pending = null;
            }
            if (loaded != null) return loaded.spec();
            if (first && !keptHere && firstFailure != null) throw firstFailure;
        }
        return kept.load();
    }

    @Override
    public synchronized boolean changed() {
        return pending != null || loaded == null && kept.changed();
    }

    @Override
    public synchronized String change() {
        return pending != null ? pending.change() : kept.change();
    }

    @Override
    public synchronized String describe() {
        if (loaded == null) return kept.describe() + " (until --repo " + request.repo().display() + " at " + request.ref() + " can be used)";
        return "--repo " + request.repo().display() + " at " + loaded.shown() + ", host " + loaded.host();
    }

    @Override
    public boolean lookAgain() {
        looks.ask();
        return true;
    }

    @Override
    public synchronized List<Note> notes() {
        List<Note> out = List.copyOf(notes);
        notes.clear();
        return out;
    }

    /** The host matches the commit in force: remembered for the next pull's or watch's rewind check (as pull does). */
    @Override
    public void converged() {
        Found now;
        synchronized (this) {
            now = loaded;
        }
        if (now == null || now.id().equals(leftAt)) return;
        try {
            PullSteps.leftAt(paths, now.id(), request, now.host(), clock.instant());
            leftAt = now.id();
        } catch (IOException e) {
            warnings.accept("warning: cannot remember commit " + now.shown() + " as the one applied: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        looks.stop();
    }

    /** One look, on the looks' thread: fetch, resolve; a commit not judged yet (or any, when asked) is judged and read. */
    private void look(String why, boolean asked) {
        try (GitSource git = PullSteps.fetch(request)) {
            if (git.fetchFailure().isPresent()) throw new GitSourceException(GitSourceException.Kind.UNREACHABLE, git.fetchFailure().get());
            RepoCommit commit = git.resolve(request.ref());
            synchronized (this) {
                if (!asked && commit.id().equals(seen)) {
                    looked(null);
                    return;
                }
            }
            PullSteps.Verdict verdict = PullSteps.judge(git, commit, request, PullSteps.lastCommit(paths), warnings);
            if (verdict.refused()) {
                seen(commit);
                String rewind = verdict.rewind() != null && !verdict.rewind().allowed() ? " (start watch with --allow-rewind to apply it)" : "";
                failed(WatchEvent.Kind.REFUSED, why, false, new Refused("commit " + commit.describe() + " is refused: " + verdict.reason() + rewind));
                return;
            }
            PullSteps.HostState state;
            try {
                state = PullSteps.read(commit, request, target, paths, warnings);
            } catch (InvalidInputException e) {
                seen(commit);
                throw e;
            }
            seen(commit);
            found(commit, state, asked);
        } catch (GitSourceException e) {
            failed(e.kind() == GitSourceException.Kind.UNREACHABLE ? WatchEvent.Kind.FETCH_FAILED : WatchEvent.Kind.RELOAD_FAILED, why, true, e);
        } catch (InvalidInputException e) {
            // judged: this commit is not read again, a new one is
            failed(WatchEvent.Kind.RELOAD_FAILED, why, false, e);
        } catch (IOException | RuntimeException e) {
            failed(WatchEvent.Kind.RELOAD_FAILED, why, true, e);
        }
    }

    private synchronized void seen(RepoCommit commit) {
        seen = commit.id();
    }

    private void found(RepoCommit commit, PullSteps.HostState state, boolean asked) {
        synchronized (this) {
            String at = request.ref() + " at " + commit.shortId() + " \"" + commit.subject() + "\"";
            String change;
            if (loaded == null) {
                change = "--repo " + request.repo().display() + " can be used: " + at;
            } else if (!loaded.id().equals(commit.id())) {
                change = request.ref() + " moved " + loaded.id().substring(0, commit.shortId().length()) + ".." + commit.shortId()
                        + " \"" + commit.subject() + "\"";
            } else if (asked) {
                change = at;
            } else {
                // back where the state in force is (a newer commit the loop has not taken yet is no longer the ref's)
                pending = null;
                looked(null);
                return;
            }
            pending = new Found(commit.id(), commit.describe(), state.host().name(), state.spec(), (asked ? "reload requested: " : "") + change);
            looked(null);
        }
        wake.run();
    }

    /** Notes a look that found nothing usable; {@code retried}: the next look tries the same again (else it waits for a new commit). */
    private void failed(WatchEvent.Kind kind, String why, boolean retried, Exception e) {
        synchronized (this) {
            String stays = loaded != null ? "the desired state stays at commit " + loaded.shown()
                    : "the state kept here (" + LastApplied.file(paths) + ") stays in force";
            String again = retried ? "; trying again in " + interval.toSeconds() + " s" : "";
            if (notes.size() == MAX_NOTES) notes.remove(0);
            notes.add(new Note(kind, why, message(e) + "; " + stays + again));
            looked(e);
        }
        wake.run();
    }

    /** The first look is over (its failure, if any, is what a start without a kept state reports). */
    private void looked(Exception failure) {
        if (!looked) firstFailure = failure;
        looked = true;
        notifyAll();
    }

    private static String message(Exception e) {
        if (e instanceof InvalidInputException) {
            return ((InvalidInputException) e).diagnostics().stream().filter(d -> d.isError()).map(d -> d.format())
                    .reduce((a, b) -> a + " " + b).orElse(e.getMessage());
        }
        return e.getMessage();
    }
}

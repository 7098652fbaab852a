package io.routesync.transport;

import io.routesync.model.TableId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An apply's session on a local target (this host or a namespace) started while its desired state is
 * still being loaded: session.sh takes the lock, reads and waits for its answer on the second core
 * instead of after the load, as {@link EarlyRead} does for a plan. It asks for no tables, so it reads
 * exactly the footprint; a session of the desired state's tables reads those and the footprint, so when
 * the footprint holds every one of them the two print the same reading. The apply's session is then this
 * one: its {@link ScriptCall} takes this run's marker ({@link #presetMarker}), and its conversation
 * answers the waiting script ({@link #converse}), so what it reads, sends and gets back is what a run of
 * its own would have, through every wrapper of the target on the way ({@code WatchedTarget} notes the
 * answer as for any session).
 *
 * <p>Anything else and the early session is answered with nothing: the script says "skipped" and ends,
 * having changed nothing, and the apply's session runs as without this. That is so for a desired state
 * with tables the footprint lacks, a wide session of a plain early one or the other way round, extra
 * tables the early one did not list, other paths or waits, a management probe, and a state that did
 * not load ({@link #cancel}). An early session that ended before it waited (a held lock, a fatal step)
 * is the apply's answer: the lock and the directories are the same for any table list.
 */
public final class EarlySession extends ForwardingTarget {
    /** session.sh's arguments after the common six: $7 "probe" or "-", then the table ids. */
    private static final int COMMON = 6;

    private final Duration timeout;
    private final Set<TableId> footprint;
    private final boolean wide;
    /** This run's marker and arguments, as a {@link ScriptCall} made them. */
    private final String marker;
    private final List<String> args;
    /** The script's output up to its "await" line, or null once it ended without one. */
    private final CompletableFuture<String> asked = new CompletableFuture<>();
    /** Whose conversation answers the waiting script: the apply's, or one that answers nothing. */
    private final CompletableFuture<ProcessRunner.Conversation> answerer = new CompletableFuture<>();
    private final CompletableFuture<ScriptResult> run = new CompletableFuture<>();
    private boolean taken;

    private EarlySession(ScriptTarget at, Set<TableId> footprint, boolean wide) {
        super(at.target());
        this.timeout = at.timeout();
        this.footprint = footprint;
        this.wide = wide;
        ScriptCall call = at.call(Script.SESSION).arg("-");
        if (wide) call.arg("wide");
        this.marker = call.marker();
        this.args = call.args();
    }

    /**
     * {@code target} with its apply's session started now, on a daemon thread, when it is a local target
     * whose footprint names a table; else {@code target} itself. With {@code wide} (the state may have
     * expectations), the session reads the wide part.
     */
    public static Target start(Target target, TargetPaths paths, Duration lockWait, Duration timeout, boolean wide) {
        if (!(target instanceof LocalTarget)) return target;
        Set<TableId> footprint = EarlyRead.footprint(Path.of(paths.stateDir(), "tables"));
        return footprint.isEmpty() ? target : start(target, paths, lockWait, timeout, footprint, wide);
    }

    /** Starts {@code target}'s session, as if its footprint named {@code footprint} (any target: the tests count its runs). */
    static EarlySession start(Target target, TargetPaths paths, Duration lockWait, Duration timeout, Set<TableId> footprint,
            boolean wide) {
        EarlySession early = new EarlySession(new ScriptTarget(target, paths, lockWait, timeout), footprint, wide);
        Thread t = new Thread(early::runSession, "routesync-early-session");
        t.setDaemon(true);
        t.start();
        return early;
    }

    private void runSession() {
        ProcessRunner.Conversation relay = new ProcessRunner.Conversation(marker + " await", output -> {
            asked.complete(output);
            return answerer.join().answer(output);
        }, () -> {
            ProcessRunner.Conversation c = answerer.join();
            return c.later() == null ? null : c.later().get();
        });
        try {
            run.complete(target.converse(Script.SESSION.text(), args, relay, timeout));
        } catch (TransportException | RuntimeException | Error e) {
            run.completeExceptionally(e);
        } finally {
            asked.complete(null);
        }
    }

    /** A session's {@link ScriptCall} takes this run's marker, so the early run can be its run. */
    @Override
    public synchronized String presetMarker(Script script) {
        return script == Script.SESSION && !taken ? marker : target.presetMarker(script);
    }

    /**
     * The apply's session: this early run answered by {@code conversation}, when its reading is the one a
     * run with {@code args} prints; else a run of its own, once the early one ended unanswered.
     */
    @Override
    public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout)
            throws TransportException {
        if (Script.of(script) != Script.SESSION || !claim()) return target.converse(script, args, conversation, timeout);
        if (!fits(args, timeout)) return declined(script, args, conversation, timeout);
        String output = asked.join();
        if (output == null) {
            // ended before it asked: its lock or its directories, the same for any tables (a failure to start: run again)
            try {
                return run.get();
            } catch (ExecutionException e) {
                return target.converse(script, args, conversation, timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("interrupted while waiting for the session on " + target.name(), false, e);
            }
        }
        if (!covers(output, args)) return declined(script, args, conversation, timeout);
        answerer.complete(conversation);
        try {
            return run.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TransportException t) throw t;
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the session on " + target.name(), false, e);
        }
    }

    /** Answers the early session with nothing (the state did not load, or the apply ended first): it changes nothing and ends. */
    public void cancel() {
        claim();
        decline();
    }

    private synchronized boolean claim() {
        if (taken) return false;
        taken = true;
        return true;
    }

    private void decline() {
        answerer.complete(new ProcessRunner.Conversation(marker + " await", output -> null));
    }

    /** The early run answered with nothing and ended (its lock is free), then a run of the caller's own. */
    private ScriptResult declined(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout)
            throws TransportException {
        decline();
        try {
            run.get();
        } catch (ExecutionException e) {
            // its own failure: the caller's run reads and reports for itself
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the session on " + target.name(), false, e);
        }
        return target.converse(script, args, conversation, timeout);
    }

    /**
     * Whether a session run with {@code args} is this one but for the tables: the same marker, paths and
     * waits, no probe, wide as this one, and every table it names in the footprint.
     */
    private boolean fits(List<String> wanted, Duration timeout) {
        if (!timeout.equals(this.timeout) || wanted.size() <= COMMON || !wanted.subList(0, COMMON).equals(args.subList(0, COMMON))
                || !wanted.get(COMMON).equals("-")) {
            return false;
        }
        int at = wanted.indexOf("wide");
        if ((at >= 0) != wide) return false;
        for (String t : wanted.subList(COMMON + 1, at >= 0 ? at : wanted.size())) {
            if (!footprint.contains(TableId.of(Long.parseLong(t)))) return false;
        }
        return true;
    }

    /**
     * Whether the early reading lists every table {@code wanted} names: the tables it read (its
     * "tables" note, the footprint when the script read it), and for a wide run each extra table, listed
     * in the reading or in the wide part (the script lists an extra table there unless the reading has it).
     */
    private boolean covers(String output, List<String> wanted) {
        Set<String> read = new HashSet<>();
        String note = "\n" + marker + " tables";
        int at = output.startsWith(note.substring(1)) ? 0 : output.indexOf(note);
        if (at < 0) return false;
        int start = output.indexOf(" tables", at) + " tables".length();
        int end = output.indexOf('\n', start);
        for (String t : output.substring(start, end < 0 ? output.length() : end).trim().split(" ")) {
            if (!t.isEmpty()) read.add(t);
        }
        int wideAt = wanted.indexOf("wide");
        for (String t : wanted.subList(COMMON + 1, wideAt >= 0 ? wideAt : wanted.size())) {
            if (!read.contains(t)) return false;
        }
        if (wideAt < 0) return true;
        for (String t : wanted.subList(wideAt + 1, wanted.size())) {
            if (!read.contains(t) && !output.contains("\n" + marker + " cmd route 4 " + t + "\n")) return false;
        }
        return true;
    }
}

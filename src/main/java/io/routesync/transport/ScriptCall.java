package io.routesync.transport;

import io.routesync.iproute2.Reading;
import io.routesync.iproute2.ReadingParser;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One run of a {@link Script} on a target: its marker (fresh, or that of a run of it already under way
 * which this one may turn out to be: {@link Target#presetMarker}), its positional arguments and the replies
 * every script shares. The script types ({@link HostReader}, {@link ApplyScript}, {@link ManagementProbe},
 * {@link ConfirmTimer}) add their own arguments in the order their .sh reads them and read their own
 * replies; nothing else builds an argument list or looks at a note.
 */
final class ScriptCall {
    private final Script script;
    private final ScriptTarget at;
    private final String marker;
    private final List<String> args = new ArrayList<>();

    /**
     * The arguments every script starts with, as common.sh reads them: $1 marker, $2 netns or '', $3
     * iproute2 etc dir, $4 lock file, $5 lock wait (s), $6 state dir.
     */
    ScriptCall(Script script, ScriptTarget at) {
        this.script = script;
        this.at = at;
        String preset = at.target().presetMarker(script);
        this.marker = preset != null ? preset : newMarker();
        args.add(marker);
        args.add(at.target().netns());
        args.add(at.paths().etcDir());
        args.add(at.paths().lockFile());
        args.add(Long.toString(Math.max(0, at.lockWait().toSeconds())));
        args.add(at.paths().stateDir());
    }

    /** A fresh marker for one script run: letters and digits only, never predictable from file contents. */
    private static String newMarker() {
        return "rs" + HexFormat.of().formatHex(KernelRandom.bytes(12));
    }

    /** The next positional argument ($7, $8, ...). */
    ScriptCall arg(String value) {
        args.add(value);
        return this;
    }

    /** Table ids, one argument each: the script's last arguments ("$@" after its shift; read.sh's before and after "wide"). */
    ScriptCall tables(Collection<TableId> tables) {
        for (TableId t : tables) args.add(Long.toString(t.id()));
        return this;
    }

    /** Runs the script with {@code stdin} (null for none), within the target's timeout. */
    ScriptResult run(ScriptParts stdin) throws TransportException {
        return at.target().runScript(script.text(), args, stdin == null ? null : stdin.bytes(marker), at.timeout());
    }

    /** Runs the script on a local target with no input, its output followed by {@code watcher} as it comes. */
    ScriptResult runWatched(OutputWatcher watcher) throws TransportException {
        return ((LocalTarget) at.target()).runScript(script.text(), args, at.timeout(), watcher);
    }

    /**
     * Runs the script as a conversation (session.sh): {@code answer} gets its output up to the line
     * "MARKER await" and returns its input (null: none); the result's output is what followed that line.
     */
    ScriptResult converse(Function<String, ScriptParts> answer) throws TransportException {
        return converse(answer, () -> null);
    }

    /**
     * {@link #converse(Function)}, with {@code later}'s parts sent after the answer's, asked for again after
     * each until it gives null, made while the script already acts on the answer (it waits for them where it
     * needs them). The answer's
     * parts come after a line "MARKER parts BYTES": the script takes exactly those bytes first.
     */
    ScriptResult converse(Function<String, ScriptParts> answer, Supplier<ScriptParts> later) throws TransportException {
        ProcessRunner.Conversation talk = new ProcessRunner.Conversation(marker + " await", output -> {
            ScriptParts parts = answer.apply(output);
            return parts == null ? null : parts.counted(marker);
        }, () -> {
            ScriptParts parts = later.get();
            return parts == null ? null : parts.sized(marker);
        });
        return at.target().converse(script.text(), args, talk, at.timeout());
    }

    /** The notes and sections of (a part of) the script's output. */
    Reading parse(String output) {
        return ReadingParser.parse(output, marker);
    }

    /** {@link #parse}, telling {@code bodies} where its command sections' bodies are. */
    Reading parse(String output, ReadingParser.Bodies bodies) {
        return ReadingParser.parse(output, marker, bodies);
    }

    String marker() {
        return marker;
    }

    /** The positional arguments so far, $1 first. */
    List<String> args() {
        return List.copyOf(args);
    }

    /** take_lock's "locked": another run held the target's lock for longer than the wait. */
    void throwIfLocked(Reading r) throws LockHeldException {
        if (r.note("locked") != null) throw new LockHeldException(at.target().name(), at.lockWait());
    }

    /**
     * refuse_if_pending's "pending TOKEN DEADLINE ARMED-AT" (confirm-common.sh): another apply's change
     * awaits confirmation; nothing was changed.
     */
    void throwIfPending(Reading r) throws PendingConfirmException {
        String pending = r.note("pending");
        if (pending != null) throw PendingConfirmException.of(at.target().name(), pending);
    }

    /** A "fatal ..." note in words naming the target ({@link ScriptFailure#describe}), or null. */
    String fatal(Reading r) {
        String fatal = r.note("fatal");
        return fatal == null ? null : ScriptFailure.describe(at.target().name(), fatal);
    }
}

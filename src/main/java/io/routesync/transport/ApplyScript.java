package io.routesync.transport;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.ObservedBuilder;
import io.routesync.iproute2.RereadDelta;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.Reading;
import io.routesync.iproute2.ReadingParser;
import io.routesync.model.TableId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * One run of apply.sh: under the lock, and only while the host still reads as the plan's reading, it
 * writes the name files, runs the batches and reads the host again. The caller gives the parts of its
 * input (see apply.sh for their names); this type adds the confirm token and reads the replies.
 */
public final class ApplyScript {
    /** How a run ended. */
    public sealed interface Outcome permits Stale, Fatal, Ran {
    }

    /** lock_unchanged's "stale DIGEST": the host no longer reads as the plan's reading; nothing was changed. */
    public record Stale() implements Outcome {
    }

    /** The script stopped before its batch ("fatal ..."): why, in words, and what it left changed. */
    public record Fatal(String message) implements Outcome {
    }

    /** The batches ran (all, or up to the first that failed) and the host was read again. */
    public static final class Ran implements Outcome {
        private final FailedBatch failedBatch;
        private final String recorded;
        private final long batchNanos;
        private final List<String> writeFailures;
        private final String host;
        private final Reading reread;
        private final List<RouteGetScript.Answer> routeAnswers;
        /** The session's own reading, before its batch (null: apply.sh's run, whose reading was another run's). */
        private final Reading first;

        private Ran(FailedBatch failedBatch, String recorded, long batchNanos, List<String> writeFailures, String host, Reading reread,
                List<RouteGetScript.Answer> routeAnswers, Reading first) {
            this.first = first;
            this.failedBatch = failedBatch;
            this.recorded = recorded;
            this.batchNanos = batchNanos;
            this.writeFailures = List.copyOf(writeFailures);
            this.host = host;
            this.reread = reread;
            this.routeAnswers = routeAnswers == null ? null : List.copyOf(routeAnswers);
        }

        /**
         * The kernel's answers to the input's part "flows", asked after the re-read in the same session
         * (as {@link RouteGetScript#ask} gives them), or null when none were sent or not all came back.
         */
        public List<RouteGetScript.Answer> routeAnswers() {
            return routeAnswers;
        }

        /** The first batch that failed, or null. */
        public FailedBatch failedBatch() {
            return failedBatch;
        }

        /** Where the record of this apply was written ("recorded PATH"), or null. */
        public String recorded() {
            return recorded;
        }

        /** How long the batches took on the host ("batch-time START END"); -1 when unknown. */
        public long batchNanos() {
            return batchNanos;
        }

        /** The files the run could not write after its batch ("write-failed PATH REASON"), as "PATH: REASON". */
        public List<String> writeFailures() {
            return writeFailures;
        }

        /** The host as read after the batches. */
        public HostReading after() throws OutputException {
            return ObservedBuilder.build(host, reread);
        }

        /**
         * {@link #after()}, given {@code before}, the host as the session read it before its batch (null:
         * unknown): from the lines that changed since when that tells it ({@link RereadDelta}), else parsed whole.
         */
        public HostReading after(HostReading before) throws OutputException {
            HostReading changed = RereadDelta.after(first, before, reread);
            return changed != null ? changed : after();
        }
    }

    /** A batch that failed: its part ({@code 4-0001}, the name after "batch") and what ip -batch printed. */
    public record FailedBatch(String part, Reading.CommandSection section) {
    }

    private final ScriptTarget at;

    public ApplyScript(Target target, TargetPaths paths, Duration lockWait, Duration timeout) {
        this.at = new ScriptTarget(target, paths, lockWait, timeout);
    }

    /**
     * Runs {@code input}'s batches if the host still reads as the reading whose digest is
     * {@code expectedDigest} (of {@code tables}, which it reads again after the batches).
     *
     * @param input        the parts apply.sh reads on stdin
     * @param confirmToken the token of the apply --confirm these batches belong to (only they pass while
     *                     its change awaits confirmation), or null: a part after {@code input}'s
     * @throws PendingConfirmException when another apply's change awaits confirmation; nothing was changed
     * @throws TransportException      also when the run ended before re-reading the host
     */
    public Outcome run(String expectedDigest, Collection<TableId> tables, ScriptParts input, String confirmToken)
            throws TransportException, LockHeldException {
        // apply.sh: the common arguments, then $7 the digest of the plan's reading, $8... the table ids
        ScriptCall call = at.call(Script.APPLY).arg(expectedDigest).tables(tables);
        ScriptParts stdin = new ScriptParts().addAll(input);
        if (confirmToken != null) stdin.add("confirm-token", confirmToken);
        ScriptResult result = call.run(stdin);
        return outcome(at.target(), call, result, result.stdout(), input, null);
    }

    /**
     * How a run of apply.sh's work (apply-body.sh) ended, from {@code output}, what it printed from its
     * batches on: {@code input} is what it was given.
     */
    static Outcome outcome(Target target, ScriptCall call, ScriptResult result, String output, ScriptParts input, Reading first)
            throws TransportException, LockHeldException {
        ReadingParser.ApplyOutput out = ReadingParser.splitApply(output, call.marker());
        Reading applied = call.parse(out.applied());
        call.throwIfLocked(applied);
        call.throwIfPending(applied);
        if (applied.note("stale") != null) return new Stale();
        String fatal = call.fatal(applied);
        if (fatal != null) return new Fatal(fatal + ScriptFailure.leftChanged(applied));
        FailedBatch failed = null;
        for (Reading.CommandSection c : applied.commands()) {
            if (c.words().size() == 2 && c.words().get(0).equals("batch") && c.exitCode() != 0) {
                failed = new FailedBatch(c.words().get(1), c);
                break;
            }
        }
        if (out.reread() == null) {
            throw new TransportException("the apply on " + target.name() + " ended before re-reading the host (exit "
                    + result.exitCode() + (result.stderr().isBlank() ? "" : ": " + result.stderr().strip()) + ")", false);
        }
        // after the re-read: "routeget" and the answers to the part "flows", when it was sent and every batch succeeded
        String reread = out.reread();
        List<RouteGetScript.Answer> answers = null;
        String asked = call.marker() + " routeget\n";
        int mark = reread.startsWith(asked) ? 0 : reread.indexOf("\n" + asked);
        if (mark >= 0) {
            int cut = mark == 0 ? 0 : mark + 1;
            String flows = input.content("flows");
            int count = flows == null ? 0 : (int) flows.chars().filter(c -> c == '\n').count();
            if (count > 0) answers = RouteGetScript.answers(call.parse(reread.substring(cut + asked.length())), count);
            reread = reread.substring(0, cut);
        }
        return new Ran(failed, applied.note("recorded"), nanosBetween(applied.note("batch-time")), ScriptFailure.writeFailures(applied),
                target.name(), call.parse(reread), answers, first);
    }

    /** "START END" in nanoseconds since the epoch (GNU date +%s%N) to their difference; -1 when unreadable. */
    private static long nanosBetween(String note) {
        if (note == null) return -1;
        String[] t = note.split(" ");
        try {
            return t.length == 2 ? Long.parseLong(t[1]) - Long.parseLong(t[0]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

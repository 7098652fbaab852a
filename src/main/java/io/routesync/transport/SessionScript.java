package io.routesync.transport;

import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.Reading;
import io.routesync.model.TableId;
import java.time.Duration;
import java.util.Collection;

/**
 * A whole apply in one run of session.sh: under the exclusive lock it reads the host (with the wide part
 * and the management-path probe when asked), waits while routesync plans from that reading, and applies
 * the answer as apply.sh does, then reads the host again. The host cannot change through routesync
 * between the reading and the batch, so there is no stale check and no second reading before the batch:
 * one round trip and two dumps where a read and an apply took two round trips and three dumps.
 */
public final class SessionScript {
    /**
     * What the session read before it waited: the reading (and wide reading), the probe when asked (else
     * null), and the key of the inputs the host's kept copy was rendered from, while it still has that
     * copy ({@code kept-inputs}: session.sh checks the text's digest; else null).
     */
    public record Read(HostReader.Wide reading, ManagementProbe probe, String keptInputs) {
    }

    /** Plans from what the session read: the parts to apply (apply.sh's), or null to end the run with nothing changed. */
    @FunctionalInterface
    public interface Responder {
        ScriptParts respond(Read read);

        /**
         * The parts only written once the batch ran (desired, desired-digest, desired-inputs, record), made while it runs and
         * the host is read again: the next of them, asked again after each is sent, until it gives null;
         * asked once {@link #respond} answered parts. It should not throw: the batch may have run by then.
         */
        default ScriptParts later() {
            return null;
        }
    }

    private final ScriptTarget at;

    public SessionScript(Target target, TargetPaths paths, Duration lockWait, Duration timeout) {
        this.at = new ScriptTarget(target, paths, lockWait, timeout);
    }

    /** What went wrong while the session was answered, thrown once the run ended. */
    private static final class Answer {
        // written by the answering thread, read once the run ended
        volatile ScriptParts input;
        /** The reading's text, and its sections once the batch is on its way (for the verify: {@link ApplyScript.Ran#after(io.routesync.iproute2.HostReading)}). */
        volatile String readText;
        volatile Reading read;
        volatile boolean asked;
        volatile Exception failure;
    }

    /**
     * Reads {@code tables} (and the footprint), with {@code extra} the wide part ({@link HostReader#readWide};
     * null: none) and with {@code probe} the management path; {@code responder} answers. Returns how the
     * apply ended, or null when the responder answered nothing (nothing was changed).
     *
     * @throws LockHeldException       another run held the lock past the wait; nothing was read or changed
     * @throws PendingConfirmException another apply's change awaits confirmation; nothing was changed
     */
    public ApplyScript.Outcome run(Collection<TableId> tables, Collection<TableId> extra, boolean probe, Responder responder)
            throws TransportException, OutputException, LockHeldException {
        // session.sh: the common arguments, then $7 "probe" or "-", $8... the table ids, "wide" and the extra ones
        ScriptCall call = at.call(Script.SESSION).arg(probe ? "probe" : "-").tables(tables);
        if (extra != null) call.arg("wide").tables(extra);
        Answer answer = new Answer();
        ScriptResult result = call.converse(output -> {
            answer.asked = true;
            try {
                ScriptParts parts = responder.respond(read(call, output, extra != null, probe, answer));
                if (parts == null) return null;
                answer.input = parts;
                return new ScriptParts().addAll(parts).add("go", "");
            } catch (TransportException | OutputException | LockHeldException e) {
                answer.failure = e;
                return null;
            }
        }, () -> {
            if (answer.input == null) return null;
            // sections only (no route is parsed): cut while the batch runs, for the verify
            if (answer.read == null) answer.read = call.parse(answer.readText);
            return responder.later();
        });
        if (answer.failure instanceof TransportException e) throw e;
        if (answer.failure instanceof OutputException e) throw e;
        if (answer.failure instanceof LockHeldException e) throw e;
        if (!answer.asked) throw unanswered(call, result);
        if (answer.input == null) return null;
        return ApplyScript.outcome(at.target(), call, result, result.stdout(), answer.input, answer.read);
    }

    /** The reading, wide part and probe in {@code output}, the session's output before "await". */
    private Read read(ScriptCall call, String output, boolean wide, boolean probe, Answer answer)
            throws TransportException, OutputException, LockHeldException {
        Target target = at.target();
        ManagementProbe path = null;
        // the line after the reading's "digest none" (kept_inputs): found from the end (past the wide part and the
        // probe only), and left in place, a note nothing else reads (no copy of the megabytes before it)
        String keptInputs = null;
        String none = "\n" + call.marker() + " digest none\n";
        String kept = call.marker() + " kept-inputs ";
        int line = output.lastIndexOf(none) + none.length();
        if (line >= none.length() && output.startsWith(kept, line)) {
            int end = output.indexOf('\n', line);
            String key = output.substring(line + kept.length(), end < 0 ? output.length() : end);
            keptInputs = key.matches("[0-9a-f]{64}") ? key : null;
        }
        String reading = output;
        if (probe) {
            String split = "\n" + call.marker() + " probe\n";
            int cut = output.indexOf(split);
            if (cut < 0) {
                throw new TransportException("reading " + target.name() + " ended early (what the management-path check needs is missing)",
                        false);
            }
            reading = output.substring(0, cut + 1);
            path = ManagementProbe.of(target, call.parse(output.substring(cut + split.length())));
        }
        answer.readText = reading;
        ScriptResult before = new ScriptResult(0, reading, "");
        HostReader.Wide both = wide ? HostReader.wide(target, call, before, reading)
                : new HostReader.Wide(HostReader.build(target, call, before, reading), null);
        return new Read(both, path, keptInputs);
    }

    /** The run ended before it waited for an answer: the lock was held, a fatal step, or the host cut it short. */
    private TransportException unanswered(ScriptCall call, ScriptResult result) throws LockHeldException {
        Reading r = call.parse(result.stdout());
        call.throwIfLocked(r);
        String fatal = call.fatal(r);
        if (fatal != null) return new TransportException(fatal, false);
        // as a read that fails says it (HostReader)
        return new TransportException("reading " + at.target().name() + " failed (exit " + result.exitCode() + ")"
                + (result.stderr().isBlank() ? "" : ": " + HostReader.firstLine(result.stderr())), false);
    }
}

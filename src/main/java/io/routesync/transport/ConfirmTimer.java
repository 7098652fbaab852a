package io.routesync.transport;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Reading;
import io.routesync.model.Probe;
import io.routesync.model.TableId;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The host side of {@code apply --confirm}: stages an undo and arms the host's timer, disarms it
 * (confirm), runs the undo at once (rollback), or reports its state. Each is one run of a fixed script
 * (arm.sh, confirm.sh, rollback.sh) under the target's lock, so the timer and a confirmation never
 * both act. The staged state lives in {@code STATE_DIR/confirm} on the target.
 */
public final class ConfirmTimer {
    /**
     * The undo {@link #arm} stages: its {@code undo4-NNNN} and {@code undo6-NNNN} parts, {@code ip -batch}
     * input that takes the plan's entries back (see arm.sh).
     */
    public interface Undo {
        ScriptParts batches();
    }

    /** A timer armed on the host: it runs the undo at {@code deadline} (host clock, epoch seconds) unless disarmed. */
    public record Armed(String token, long deadline, String how) {
    }

    /**
     * What the host says about its timer; {@code last} is how the last one ended ("confirmed T",
     * "rolled-back T MODE exact", "discarded T WHY"). For ARMED and STALE: {@code deadline} and
     * {@code armedAt} (host clock, epoch seconds; 0 when an earlier routesync did not record it) and,
     * for STALE, {@code why} ("reboot" or "timer-gone").
     */
    public record Status(State state, String token, long deadline, long armedAt, String why, String last) {
        /** FIRING or IDLE: no change waits for confirmation. */
        static Status noneWaiting(State state, String last) {
            return new Status(state, null, 0, 0, null, last);
        }
    }

    /**
     * ARMED: a change awaits confirmation and its timer waits. STALE: a change awaits confirmation but
     * its timer is gone (the host rebooted, or the process was killed): nothing will undo it by
     * itself, and it blocks no apply (the next one sets it aside). FIRING: the host runs the undo now.
     */
    public enum State { ARMED, STALE, FIRING, IDLE }

    /**
     * The result of a confirm or rollback request: {@code done} when it disarmed or ran the undo,
     * {@code token} the change confirmed or discarded, {@code last} as in {@link Status}, {@code detail}
     * the undo lines that failed.
     */
    public record Result(boolean done, String token, String last, String detail, List<String> failedProbes) {
        public Result {
            failedProbes = List.copyOf(failedProbes);
        }

        Result(boolean done, String token, String last, String detail) {
            this(done, token, last, detail, List.of());
        }

        /** "confirmed TOKEN": the timer is disarmed and the change stays. */
        static Result confirmed(String token) {
            return new Result(true, token, null, null);
        }

        /** "discarded TOKEN WHY": a stale change was set aside without its undo; {@code last} says so. */
        static Result discarded(String token, String last) {
            return new Result(true, token, last, null);
        }

        /** "rolled-back ...": the undo ran; {@code detail} names the undo lines that failed (empty when none). */
        static Result rolledBack(String last, String detail) {
            return new Result(true, null, last, detail);
        }

        /** "not-armed": nothing was armed (the timer may have run already): how the last one ended. */
        static Result notArmed(String last) {
            return new Result(false, null, last, null);
        }

        /** "probes-failed": a health probe failed, so nothing was disarmed; {@code failed} names each that did. */
        static Result probesFailed(List<String> failed) {
            return new Result(false, null, null, null, failed);
        }
    }

    private final ScriptTarget at;
    /** How messages name the target. */
    private final String target;

    public ConfirmTimer(Target target, TargetPaths paths, Duration lockWait, Duration timeout) {
        this.at = new ScriptTarget(target, paths, lockWait, timeout);
        this.target = target.name();
    }

    /**
     * Stages {@code undo} and starts the timer, if the host still reads as {@code from} (the same
     * {@code tables}) and no other apply's timer is waiting.
     *
     * @throws TransportException when the host changed since it was read, or another apply awaits its
     *         confirmation; nothing was changed then
     */
    public Armed arm(String token, Duration window, HostReading from, Collection<TableId> tables, Undo undo)
            throws TransportException, LockHeldException {
        // arm.sh: the common arguments, then $7 token, $8 seconds, $9 the digest of the plan's reading, $10... its tables
        ScriptCall call = at.call(Script.ARM).arg(token).arg(Long.toString(Math.max(1, window.toSeconds()))).arg(from.digest())
                .tables(tables);
        Reading r = run(call, new ScriptParts().add("restore", Script.ROLLBACK.text()).addAll(undo.batches()));
        if (r.note("stale") != null) {
            throw new TransportException(target + " changed after it was read, before the undo was staged;"
                    + " nothing was changed. Run apply again.", false);
        }
        call.throwIfPending(r);
        String[] w = words(r.note("armed"), "arm", 3);
        return new Armed(w[0], Long.parseLong(w[1]), w[2]);
    }

    /**
     * Disarms the timer armed with {@code token} ({@code ""}: whatever is armed): the change stays. A
     * stale change (its timer gone) is discarded the same way; {@code last} then says
     * "discarded T WHY".
     */
    public Result confirm(String token) throws TransportException, LockHeldException {
        return confirm(token, List.of());
    }

    /**
     * The same, once every one of {@code probes} passed on the host (all at once, each within its
     * timeout, in the same run: health.sh); if one fails, nothing is disarmed and the result names
     * the failed probes ({@link Result#failedProbes}): the host's timer rolls the change back.
     */
    public Result confirm(String token, List<Probe> probes) throws TransportException, LockHeldException {
        // confirm.sh: $7 "confirm", $8 the token, $9... the probes; the run may take the longest probe's timeout longer
        ScriptTarget longer = new ScriptTarget(at.target(), at.paths(), at.lockWait(), at.timeout().plus(HealthProbes.longest(probes)));
        Reading r = run(HealthProbes.add(longer.call(Script.CONFIRM).arg("confirm").arg(token), probes), null);
        if (r.note("probes-failed") != null) return Result.probesFailed(HealthProbes.failures(r, probes));
        if (r.note("confirmed") != null) return Result.confirmed(r.note("confirmed"));
        String discarded = r.note("discarded");
        if (discarded != null) return Result.discarded(discarded.split(" ")[0], r.note("last"));
        notArmed(r, "confirm");
        return Result.notArmed(r.note("last"));
    }

    /** Runs the staged undo now, if a timer is armed: {@code routesync rollback}. */
    public Result rollbackNow() throws TransportException, LockHeldException {
        // rollback.sh: $7 "now" ($8, the timer's token, is for "fire" only)
        Reading r = run(at.call(Script.ROLLBACK).arg("now").arg(""), null);
        if (r.note("rolled-back") != null) {
            StringBuilder detail = new StringBuilder();
            for (Reading.CommandSection c : r.commands()) {
                if (c.exitCode() != 0) detail.append(c.describe()).append(": ").append(c.output().strip()).append('\n');
            }
            return Result.rolledBack("rolled-back " + r.note("rolled-back"), detail.toString().strip());
        }
        notArmed(r, "rollback");
        return Result.notArmed(r.note("last"));
    }

    public Status status() throws TransportException, LockHeldException {
        // confirm.sh: $7 "status"
        Reading r = run(at.call(Script.CONFIRM).arg("status").arg(""), null);
        String s = r.note("status");
        if (s == null) throw unexpected("status", r);
        String last = r.note("last");
        if (s.startsWith("armed ") || s.startsWith("stale ")) {
            String[] w = words(s, "status", 3);
            boolean stale = w[0].equals("stale");
            return new Status(stale ? State.STALE : State.ARMED, w[1], epoch(w[2]), w.length > 3 ? epoch(w[3]) : 0,
                    stale && w.length > 4 ? w[4] : null, last);
        }
        return Status.noneWaiting(s.equals("firing") ? State.FIRING : State.IDLE, last);
    }

    private static long epoch(String word) {
        return word.matches("[0-9]{1,12}") ? Long.parseLong(word) : 0;
    }

    /** Why a stale change's timer is gone, in words: "the host rebooted since", "its timer process is gone". */
    public static String staleReason(String why) {
        return "reboot".equals(why) ? "the host rebooted since it was armed" : "its timer process is gone";
    }

    /**
     * A result note in words: {@code "confirmed 1718100000"} becomes "confirmed at 2024-06-11T10:00:00Z",
     * {@code "rolled-back T fire exact"} "rolled back at ... by the host's timer; it reads exactly as
     * before the apply".
     */
    public static String describe(String last) {
        if (last == null || last.isBlank()) return "none";
        String[] w = last.trim().split(" ");
        String when = w.length > 1 && w[1].matches("[0-9]+") ? " at " + java.time.Instant.ofEpochSecond(Long.parseLong(w[1])) : "";
        if (w[0].equals("confirmed")) return "confirmed" + when;
        if (w[0].equals("discarded")) {
            return "discarded" + when + " without running its undo (" + staleReason(w.length > 2 ? w[2] : null) + ")";
        }
        if (w[0].equals("rolled-back")) {
            String by = w.length > 2 && w[2].equals("fire") ? " by the host's timer" : w.length > 2 ? " by routesync rollback" : "";
            String how = w.length > 3 && w[3].equals("exact") ? "; it reads exactly as before the apply"
                    : w.length > 3 ? "; it reads differently from before the apply (something else changed too)" : "";
            return "rolled back" + when + by + how;
        }
        return last;
    }

    private Reading run(ScriptCall call, ScriptParts stdin) throws TransportException, LockHeldException {
        ScriptResult result = call.run(stdin);
        Reading r = call.parse(result.stdout());
        call.throwIfLocked(r);
        String fatal = call.fatal(r);
        if (fatal != null) throw new TransportException(fatal, false);
        if (result.exitCode() != 0) {
            throw new TransportException("the confirm script failed on " + target + " (exit " + result.exitCode() + "): "
                    + result.stderr().strip(), false);
        }
        return r;
    }

    private void notArmed(Reading r, String what) throws TransportException {
        if (r.note("not-armed") == null) throw unexpected(what, r);
    }

    private TransportException unexpected(String what, Reading r) {
        return new TransportException("unexpected answer from the " + what + " script on " + target + ": " + r.notes(), false);
    }

    private String[] words(String note, String what, int count) throws TransportException {
        String[] w = note == null ? new String[0] : note.split(" ", -1);
        if (w.length < count) throw new TransportException("unexpected answer from the " + what + " script on " + target, false);
        return w;
    }
}

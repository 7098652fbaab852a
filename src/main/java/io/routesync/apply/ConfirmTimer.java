package io.routesync.apply;

import io.routesync.model.TableId;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Reading;
import io.routesync.iproute2.ReadingParser;
import io.routesync.transport.HostReader;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.Scripts;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import io.routesync.transport.TargetPaths;

/**
 * The host side of {@code apply --confirm}: stages an undo and arms the host's timer, disarms it
 * (confirm), runs the undo at once (rollback), or reports its state. Each is one run of a fixed script
 * (arm.sh, confirm.sh, rollback.sh) under the target's lock, so the timer and a confirmation never
 * both act. The staged state lives in {@code STATE_DIR/confirm} on the target.
 */
public final class ConfirmTimer {
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
    }

    /**
     * ARMED: a change awaits confirmation and its timer waits. STALE: a change awaits confirmation but
     * its timer is gone (the host rebooted, or the process was killed): nothing will undo it by
     * itself, and it blocks no apply (the next one sets it aside). FIRING: the host runs the undo now.
     */
    public enum State { ARMED, STALE, FIRING, IDLE }

    /** The result of a confirm or rollback request; {@code last} as in {@link Status}. */
    public record Result(boolean done, String token, String last, String detail) {
    }

    private final Target target;
    private final TargetPaths paths;
    private final Duration lockWait;
    private final Duration timeout;

    public ConfirmTimer(Target target, TargetPaths paths, Duration lockWait, Duration timeout) {
        this.target = target;
        this.paths = paths;
        this.lockWait = lockWait;
        this.timeout = timeout;
    }

    /**
     * Stages {@code undo} and starts the timer, if the host still reads as {@code from} (the same
     * {@code tables}) and no other apply's timer is waiting.
     *
     * @throws TransportException when the host changed since it was read, or another apply awaits its
     *         confirmation; nothing was changed then
     */
    public Armed arm(String token, Duration window, HostReading from, Collection<TableId> tables, ConfirmUndo undo)
            throws TransportException, LockHeldException {
        String marker = HostReader.newMarker();
        List<String> args = HostReader.commonArgs(marker, target, paths, lockWait);
        args.add(token);
        args.add(Long.toString(Math.max(1, window.toSeconds())));
        args.add(from.digest());
        for (TableId t : tables) args.add(Long.toString(t.id()));
        Reading r = run(Scripts.ARM, args, undo.parts(marker, Scripts.ROLLBACK), marker);
        if (r.note("stale") != null) {
            throw new TransportException(target.name() + " changed after it was read, before the undo was staged;"
                    + " nothing was changed. Run apply again.", false);
        }
        if (r.note("pending") != null) throw PendingConfirmException.of(target.name(), r.note("pending"));
        String[] w = words(r.note("armed"), "arm", 3);
        return new Armed(w[0], Long.parseLong(w[1]), w[2]);
    }

    /**
     * Disarms the timer armed with {@code token} ({@code ""}: whatever is armed): the change stays. A
     * stale change (its timer gone) is discarded the same way; {@code last} then says
     * "discarded T WHY".
     */
    public Result confirm(String token) throws TransportException, LockHeldException {
        Reading r = simple(Scripts.CONFIRM, "confirm", token);
        if (r.note("confirmed") != null) return new Result(true, r.note("confirmed"), null, null);
        String discarded = r.note("discarded");
        if (discarded != null) return new Result(true, discarded.split(" ")[0], r.note("last"), null);
        notArmed(r, "confirm");
        return new Result(false, null, r.note("last"), null);
    }

    /** Runs the staged undo now, if a timer is armed: {@code routesync rollback}. */
    public Result rollbackNow() throws TransportException, LockHeldException {
        Reading r = simple(Scripts.ROLLBACK, "now", "");
        if (r.note("rolled-back") != null) {
            StringBuilder detail = new StringBuilder();
            for (Reading.CommandSection c : r.commands()) {
                if (c.exitCode() != 0) detail.append(c.describe()).append(": ").append(c.output().strip()).append('\n');
            }
            return new Result(true, null, "rolled-back " + r.note("rolled-back"), detail.toString().strip());
        }
        notArmed(r, "rollback");
        return new Result(false, null, r.note("last"), null);
    }

    public Status status() throws TransportException, LockHeldException {
        Reading r = simple(Scripts.CONFIRM, "status", "");
        String s = r.note("status");
        if (s == null) throw unexpected("status", r);
        String last = r.note("last");
        if (s.startsWith("armed ") || s.startsWith("stale ")) {
            String[] w = words(s, "status", 3);
            boolean stale = w[0].equals("stale");
            return new Status(stale ? State.STALE : State.ARMED, w[1], epoch(w[2]), w.length > 3 ? epoch(w[3]) : 0,
                    stale && w.length > 4 ? w[4] : null, last);
        }
        return new Status(s.equals("firing") ? State.FIRING : State.IDLE, null, 0, 0, null, last);
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

    private Reading simple(String script, String mode, String token) throws TransportException, LockHeldException {
        String marker = HostReader.newMarker();
        List<String> args = HostReader.commonArgs(marker, target, paths, lockWait);
        args.add(mode);
        args.add(token);
        return run(script, args, null, marker);
    }

    private Reading run(String script, List<String> args, byte[] stdin, String marker) throws TransportException, LockHeldException {
        ScriptResult result = target.runScript(script, args, stdin, timeout);
        Reading r = ReadingParser.parse(result.stdout(), marker);
        if (r.note("locked") != null) throw new LockHeldException(target.name(), lockWait);
        if (r.note("fatal") != null) {
            throw new TransportException(io.routesync.transport.ScriptFailure.describe(target.name(), r.note("fatal")), false);
        }
        if (result.exitCode() != 0) {
            throw new TransportException("the confirm script failed on " + target.name() + " (exit " + result.exitCode() + "): "
                    + result.stderr().strip(), false);
        }
        return r;
    }

    private void notArmed(Reading r, String what) throws TransportException {
        if (r.note("not-armed") == null) throw unexpected(what, r);
    }

    private TransportException unexpected(String what, Reading r) {
        return new TransportException("unexpected answer from the " + what + " script on " + target.name() + ": " + r.notes(), false);
    }

    private String[] words(String note, String what, int count) throws TransportException {
        String[] w = note == null ? new String[0] : note.split(" ", -1);
        if (w.length < count) throw new TransportException("unexpected answer from the " + what + " script on " + target.name(), false);
        return w;
    }
}

package io.routesync.transport;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.ObservedBuilder;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.Reading;
import io.routesync.iproute2.RouteFeed;
import io.routesync.model.TableId;
import java.time.Duration;
import java.util.Collection;

/** Reads a target in one run of read.sh and builds its observed state (with expectations: also the wide one). */
public final class HostReader {
    private HostReader() {
    }

    /**
     * Reads {@code tables} (and the footprint of the last apply) from {@code target}; a target that read
     * itself early ({@link EarlyRead}) answers with that reading when it is the one this read gives.
     *
     * @throws LockHeldException when another run held the target's lock for longer than {@code lockWait}
     */
    public static HostReading read(Target target, TargetPaths paths, Collection<TableId> tables, Duration lockWait,
            Duration timeout) throws TransportException, OutputException, LockHeldException {
        if (target instanceof EarlyRead early) {
            HostReading taken = early.take(paths, tables, lockWait, timeout);
            if (taken != null) return taken;
        }
        return readNow(target, paths, tables, lockWait, timeout, true);
    }

    /**
     * {@link #read}, with a run of read.sh now; without {@code digest}, the reading's digest is
     * {@link HostReading#UNDIGESTED} (a reading nothing will compare: three programs fewer on the target).
     */
    static HostReading readNow(Target target, TargetPaths paths, Collection<TableId> tables, Duration lockWait,
            Duration timeout, boolean digest) throws TransportException, OutputException, LockHeldException {
        return readNow(target, paths, tables, lockWait, timeout, digest, false);
    }

    /**
     * {@link #readNow}; with {@code streamed}, a local target's route sections are parsed while its output
     * comes ({@link StreamedRead}): the same reading, sooner after the script's end.
     */
    static HostReading readNow(Target target, TargetPaths paths, Collection<TableId> tables, Duration lockWait,
            Duration timeout, boolean digest, boolean streamed) throws TransportException, OutputException, LockHeldException {
        // read.sh: the common arguments, then $7... "nodigest" (optional) and the table ids to list
        ScriptCall call = read(target, paths, lockWait, timeout, digest).tables(tables);
        if (!streamed || !(target instanceof LocalTarget)) {
            ScriptResult result = call.run(null);
            return build(target, call, result, result.stdout());
        }
        StreamedRead watcher = new StreamedRead(call.marker());
        ScriptResult result = call.runWatched(watcher);
        return build(target, call, result, result.stdout(), watcher.fed());
    }

    private static ScriptCall read(Target target, TargetPaths paths, Duration lockWait, Duration timeout, boolean digest) {
        ScriptCall call = new ScriptTarget(target, paths, lockWait, timeout).call(Script.READ);
        return digest ? call : call.arg("nodigest");
    }

    /** A reading and, from the same run, the wide reading an expectation check simulates flows in. */
    public record Wide(HostReading reading, HostReading wide) {
    }

    /**
     * Reads {@code tables} (and the footprint) as {@link #read} does, and in the same run, under the same
     * lock, also the routes of {@code extra} and of every table a rule of the host looks up: one round
     * trip where a plan with expectations took two. {@link Wide#reading()} is exactly what {@link #read}
     * returns (its digest is the one apply compares); {@link Wide#wide()} adds the other tables' routes.
     */
    public static Wide readWide(Target target, TargetPaths paths, Collection<TableId> tables, Collection<TableId> extra,
            Duration lockWait, Duration timeout) throws TransportException, OutputException, LockHeldException {
        if (target instanceof EarlyRead early) {
            Wide taken = early.takeWide(paths, tables, extra, lockWait, timeout);
            if (taken != null) return taken;
        }
        return readWideNow(target, paths, tables, extra, lockWait, timeout, true);
    }

    /** {@link #readWide}, with a run of read.sh now; {@code digest} as for {@link #readNow}. */
    static Wide readWideNow(Target target, TargetPaths paths, Collection<TableId> tables, Collection<TableId> extra,
            Duration lockWait, Duration timeout, boolean digest) throws TransportException, OutputException, LockHeldException {
        // read.sh: the common arguments, then $7... "nodigest" (optional), the table ids to list, "wide", the extra table ids
        ScriptCall call = read(target, paths, lockWait, timeout, digest).tables(tables).arg("wide").tables(extra);
        ScriptResult result = call.run(null);
        return wide(target, call, result, result.stdout());
    }

    /** The reading and the wide reading of {@code out}, a run's output up to its wide part's end. */
    static Wide wide(Target target, ScriptCall call, ScriptResult result, String out)
            throws TransportException, OutputException, LockHeldException {
        String split = "\n" + call.marker() + " wide\n";
        int at = out.indexOf(split);
        HostReading reading = build(target, call, result, at < 0 ? out : out.substring(0, at + 1));
        if (at < 0 || !out.endsWith("\n" + call.marker() + " wide-end\n")) {
            throw new TransportException("reading " + target.name() + " ended early (the tables its expectations reach are missing)", false);
        }
        return new Wide(reading, build(target, call, result, out));
    }

    static HostReading build(Target target, ScriptCall call, ScriptResult result, String out)
            throws TransportException, OutputException, LockHeldException {
        return build(target, call, result, out, null);
    }

    /** {@link #build(Target, ScriptCall, ScriptResult, String)}, with the route sections {@code fed} parsed (null: none). */
    private static HostReading build(Target target, ScriptCall call, ScriptResult result, String out, RouteFeed fed)
            throws TransportException, OutputException, LockHeldException {
        Reading reading = fed == null ? call.parse(out) : call.parse(out, fed);
        call.throwIfLocked(reading);
        // "fatal no-ip" is a reading that says the host has no ip command: ObservedBuilder words it
        String fatal = reading.note("fatal");
        if (fatal != null && !fatal.equals("no-ip")) throw new TransportException(ScriptFailure.describe(target.name(), fatal), false);
        if (result.exitCode() != 0 && reading.digest() == null) {
            throw new TransportException("reading " + target.name() + " failed (exit " + result.exitCode() + "): "
                    + firstLine(result.stderr()), false);
        }
        return ObservedBuilder.build(target.name(), reading, fed);
    }

    static String firstLine(String text) {
        String s = text.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package io.routesync.transport;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.ObservedBuilder;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.Reading;
import io.routesync.model.TableId;
import java.time.Duration;
import java.util.Collection;

/** Reads a target in one run of read.sh and builds its observed state. */
public final class HostReader {
    private HostReader() {
    }

    /**
     * Reads {@code tables} (and the footprint of the last apply) from {@code target}.
     *
     * @throws LockHeldException when another run held the target's lock for longer than {@code lockWait}
     */
    public static HostReading read(Target target, TargetPaths paths, Collection<TableId> tables, Duration lockWait,
            Duration timeout) throws TransportException, OutputException, LockHeldException {
        // read.sh: the common arguments, then $7... the table ids to list
        ScriptCall call = new ScriptTarget(target, paths, lockWait, timeout).call(Script.READ).tables(tables);
        ScriptResult result = call.run(null);
        Reading reading = call.parse(result.stdout());
        call.throwIfLocked(reading);
        // "fatal no-ip" is a reading that says the host has no ip command: ObservedBuilder words it
        String fatal = reading.note("fatal");
        if (fatal != null && !fatal.equals("no-ip")) throw new TransportException(ScriptFailure.describe(target.name(), fatal), false);
        if (result.exitCode() != 0 && reading.digest() == null) {
            throw new TransportException("reading " + target.name() + " failed (exit " + result.exitCode() + "): "
                    + firstLine(result.stderr()), false);
        }
        return ObservedBuilder.build(target.name(), reading);
    }

    static String firstLine(String text) {
        String s = text.strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

package io.routesync.transport;

import io.routesync.model.TableId;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.ObservedBuilder;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.Reading;
import io.routesync.iproute2.ReadingParser;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/** Reads a target in one script run and builds its observed state. */
public final class HostReader {
    private static final SecureRandom RANDOM = new SecureRandom();

    private HostReader() {
    }

    /** A fresh marker for one script run: letters and digits only, never predictable from file contents. */
    public static String newMarker() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "rs" + HexFormat.of().formatHex(bytes);
    }

    /** The script arguments shared by read and apply: marker, netns, etc dir, lock file, lock wait, state dir. */
    public static List<String> commonArgs(String marker, Target target, TargetPaths paths, Duration lockWait) {
        List<String> args = new ArrayList<>();
        args.add(marker);
        args.add(target.netns());
        args.add(paths.etcDir());
        args.add(paths.lockFile());
        args.add(Long.toString(Math.max(0, lockWait.toSeconds())));
        args.add(paths.stateDir());
        return args;
    }

    /**
     * Reads {@code tables} (and the footprint of the last apply) from {@code target}.
     *
     * @throws LockHeldException when another run held the target's lock for longer than {@code lockWait}
     */
    public static HostReading read(Target target, TargetPaths paths, Collection<TableId> tables, Duration lockWait,
            Duration timeout) throws TransportException, OutputException, LockHeldException {
        String marker = newMarker();
        List<String> args = commonArgs(marker, target, paths, lockWait);
        for (TableId t : tables) args.add(Long.toString(t.id()));
        ScriptResult result = target.runScript(Scripts.READ, args, null, timeout);
        Reading reading = ReadingParser.parse(result.stdout(), marker);
        if (reading.note("locked") != null) throw new LockHeldException(target.name(), lockWait);
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

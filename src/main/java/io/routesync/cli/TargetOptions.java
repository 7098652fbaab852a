package io.routesync.cli;

import io.routesync.apply.Reconciler;
import io.routesync.transport.EarlyRead;
import io.routesync.transport.EarlySession;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which host a single-target command works on, and where routesync's files live there. */
public final class TargetOptions {

    @Option(names = "--netns", paramLabel = "NAME", description = "Work inside this network namespace (ip -n NAME) instead of on this host.")
    String netns;

    @Option(names = "--etc-dir", paramLabel = "DIR", description = "iproute2's configuration directory on the target (default /etc/iproute2; with -i, for every host, overriding its routesync_etc_dir variable).")
    String etcDir;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where apply records and the footprint go (default /var/lib/routesync[/netns/NAME]; with -i, for every host, overriding its routesync_state_dir variable).")
    String stateDir;

    @Option(names = "--lock-dir", paramLabel = "DIR", description = "Where the lock file goes (default /run/routesync, created 0700; refused unless it is a directory owned by the running user that group and others cannot write; with -i, for every host, overriding its routesync_lock_dir variable).")
    String lockDir;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for another run's lock before giving up with exit 75 (default ${DEFAULT-VALUE}).")
    int lockTimeout;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long one read or apply on the target may take; with --auto-approve the read, the plan,"
                    + " the batch and its verify share it (default ${DEFAULT-VALUE}).")
    int timeout;

    Target target() throws UserError {
        if (netns == null) return LocalTarget.host();
        try {
            return LocalTarget.netns(netns);
        } catch (TransportException e) {
            throw new UserError(e.unreachable() ? ExitCodes.UNAVAILABLE : ExitCodes.USAGE, e.getMessage());
        }
    }

    /**
     * The target, reading itself from now on when that can help a plan ({@link EarlyRead}; with {@code wide}, the
     * wide part too; without {@code digest}, no digest of the reading); null when the
     * target or its paths are wrong: their errors are reported where they always were.
     */
    Target readingEarly(boolean wide, boolean digest) {
        try {
            return EarlyRead.start(target(), paths(), lockWait(), runTimeout(), wide, digest);
        } catch (UserError e) {
            return null;
        }
    }

    /**
     * The target, its apply's session started from now on ({@link EarlySession}; with {@code wide}, the wide
     * part too); null when the target or its paths are wrong: their errors are reported where they always were.
     */
    Target sessionEarly(boolean wide) {
        try {
            return EarlySession.start(target(), paths(), lockWait(), runTimeout(), wide);
        } catch (UserError e) {
            return null;
        }
    }

    TargetPaths paths() throws UserError {
        try {
            return TargetPaths.of(netns, etcDir, stateDir, lockDir);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
    }

    Duration lockWait() {
        return Duration.ofSeconds(Math.max(0, lockTimeout));
    }

    /** How long a run waits for a host's lock, and how long one read or apply may take. */
    Reconciler.Settings settings() {
        return new Reconciler.Settings(lockWait(), runTimeout());
    }

    Duration runTimeout() {
        return Duration.ofSeconds(Math.max(1, timeout));
    }
}

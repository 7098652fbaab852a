package io.routesync.apply;

import io.routesync.saved.SavedTarget;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.SshConnections;
import io.routesync.transport.SshSettings;
import io.routesync.transport.SshTarget;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;

/** Between a running target and the description a saved plan keeps of it. */
public final class SavedTargets {
    private SavedTargets() {
    }

    /** How {@code plan --out} records where it read a host. */
    public static SavedTarget describe(Target target, TargetPaths paths) {
        if (target instanceof SshTarget) {
            SshSettings s = ((SshTarget) target).settings();
            return SavedTarget.ssh(s.host(), s.port(), s.user(), s.identityFile(), s.extraArgs(), paths.etcDir(), paths.stateDir(),
                    paths.lockFile());
        }
        if (!target.netns().isEmpty()) return SavedTarget.netns(target.netns(), paths.etcDir(), paths.stateDir(), paths.lockFile());
        return SavedTarget.local(paths.etcDir(), paths.stateDir(), paths.lockFile());
    }

    /**
     * The target a saved plan names. SSH hosts need the run's {@code connections} (its ssh client and
     * ControlMaster directory); for local and namespace targets it may be null.
     */
    public static Target open(String name, SavedTarget saved, SshConnections connections) throws TransportException {
        switch (saved.kind()) {
            case LOCAL:
                return LocalTarget.host();
            case NETNS:
                return LocalTarget.netns(saved.netns());
            case SSH:
                if (connections == null) throw new IllegalArgumentException("an ssh target needs the run's SshConnections");
                return connections.target(name, settings(saved));
            default:
                throw new AssertionError(saved.kind());
        }
    }

    /** The ssh settings a saved SSH target was read with (connect timeout and host key policy: routesync's defaults). */
    public static SshSettings settings(SavedTarget saved) {
        return new SshSettings(saved.sshHost(), saved.sshPort(), saved.sshUser(), saved.sshIdentityFile(), saved.sshExtraArgs(),
                null, false);
    }

    public static TargetPaths paths(SavedTarget saved) {
        return new TargetPaths(saved.etcDir(), saved.stateDir(), saved.lockFile());
    }
}

package io.routesync.saved;

import io.routesync.config.inventory.SshOptions;
import java.util.List;

/**
 * Where a saved plan's host is and where routesync's files live there, so {@code apply FILE} reaches
 * the host the plan was made for without the original command line or inventory.
 *
 * @param kind     how the host is reached
 * @param netns    the namespace ({@link Kind#NETNS}), else empty
 * @param sshHost  the ssh destination ({@link Kind#SSH}, {@code ansible_host}), else empty; port 0,
 *                 user, identity file and extra arguments as the inventory gave them (empty: ssh's own)
 *                 (checked like an inventory's: {@link SshOptions})
 * @param etcDir   the target's iproute2 directory; {@code stateDir}, {@code lockFile} likewise
 */
public record SavedTarget(Kind kind, String netns, String sshHost, int sshPort, String sshUser, String sshIdentityFile,
        List<String> sshExtraArgs, String etcDir, String stateDir, String lockFile) {

    public enum Kind {
        /** This machine. */
        LOCAL,
        /** A network namespace of this machine ({@code ip -n}). */
        NETNS,
        /** A host reached with OpenSSH. */
        SSH;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SavedTarget {
        if (kind == null) throw new NullPointerException("kind");
        netns = netns == null ? "" : netns;
        sshHost = sshHost == null ? "" : sshHost;
        sshUser = sshUser == null ? "" : sshUser;
        sshIdentityFile = sshIdentityFile == null ? "" : sshIdentityFile;
        sshExtraArgs = List.copyOf(sshExtraArgs == null ? List.of() : sshExtraArgs);
        if ((kind == Kind.NETNS) == netns.isEmpty()) throw new IllegalArgumentException("a namespace target, and only one, names its namespace");
        if ((kind == Kind.SSH) == sshHost.isEmpty()) throw new IllegalArgumentException("an ssh target, and only one, names its host");
        // a plan file is data: the ssh destination it names passes the same allow-list as an inventory's
        if (kind == Kind.SSH) SshOptions.checkDestination(sshHost, sshUser, sshIdentityFile, sshExtraArgs);
        if (etcDir == null || stateDir == null || lockFile == null) throw new NullPointerException("etcDir, stateDir and lockFile are required");
    }

    public static SavedTarget local(String etcDir, String stateDir, String lockFile) {
        return new SavedTarget(Kind.LOCAL, "", "", 0, "", "", List.of(), etcDir, stateDir, lockFile);
    }

    public static SavedTarget netns(String name, String etcDir, String stateDir, String lockFile) {
        return new SavedTarget(Kind.NETNS, name, "", 0, "", "", List.of(), etcDir, stateDir, lockFile);
    }

    public static SavedTarget ssh(String host, int port, String user, String identityFile, List<String> extraArgs,
            String etcDir, String stateDir, String lockFile) {
        return new SavedTarget(Kind.SSH, "", host, port, user, identityFile, extraArgs, etcDir, stateDir, lockFile);
    }
}

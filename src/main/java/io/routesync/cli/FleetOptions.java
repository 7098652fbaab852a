package io.routesync.cli;

import io.routesync.run.Session;
import io.routesync.transport.SshConnections;
import io.routesync.transport.SshSettings;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How a fleet run (-i, or apply of a plan file) reaches its hosts: how many at once, and how ssh is run. */
public final class FleetOptions {
    static final int DEFAULT_FORKS = 10;
    private static final int MAX_FORKS = 1000;
    private static final int MAX_PERSIST = 86_400;

    @Option(names = "--forks", paramLabel = "N", description = "With -i (or apply PLAN): how many hosts to work on at once (default " + DEFAULT_FORKS + ").")
    Integer forks;

    @Option(names = "--ssh-program", paramLabel = "CMD",
            description = {"With -i (or apply PLAN): the ssh client command, split on spaces (default: ssh), e.g. 'ip vrf exec mgmt ssh'.",
                "It is run as given, like GIT_SSH_COMMAND: trusted configuration, the place for options an inventory may not give,",
                "e.g. 'ssh -F /etc/routesync/ssh_config' (see docs/ssh-options.md)."})
    String sshProgram;

    @Option(names = "--ssh-accept-new",
            description = "With -i (or apply PLAN): accept the host keys of hosts never seen before (StrictHostKeyChecking=accept-new); changed keys are still refused.")
    boolean acceptNewHostKeys;

    @Option(names = "--ssh-persist", paramLabel = "SECONDS",
            description = {"With -i (or apply PLAN): keep each host's ssh connection open for SECONDS after its last use, so the runs that follow"
                + " skip the key exchange and the login (OpenSSH's ControlPersist, as Ansible uses it).",
                "The connections are kept in a directory of yours only ($XDG_RUNTIME_DIR/routesync-kept, else /tmp/routesync-kept-UID);"
                + " until they end, anyone who can use your account can use them. Default: a run keeps none."})
    Integer sshPersist;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS",
            description = "With -i (or apply PLAN): how long ssh may take to connect to a host (default 10).")
    Integer connectTimeout;

    /**
     * Checks the options before anything is read: their values on a fleet run (an inventory, or a plan
     * file, whose hosts may be reached over ssh), and that none is given on another run, where it would
     * silently mean nothing.
     */
    void check(boolean fleetRun) throws UserError {
        if (fleetRun) {
            forks();
            sshProgram();
            connectTimeout();
            sshPersist();
            return;
        }
        List<String> given = new ArrayList<>();
        if (forks != null) given.add("--forks");
        if (sshProgram != null) given.add("--ssh-program");
        if (acceptNewHostKeys) given.add("--ssh-accept-new");
        if (connectTimeout != null) given.add("--connect-timeout");
        if (sshPersist != null) given.add("--ssh-persist");
        if (!given.isEmpty()) throw new UserError(ExitCodes.USAGE, String.join(", ", given) + ": only for inventory runs (-i FILE) and plan files (apply PLAN)");
    }

    int forks() throws UserError {
        int n = forks == null ? DEFAULT_FORKS : forks;
        if (n < 1 || n > MAX_FORKS) throw new UserError(ExitCodes.USAGE, "--forks " + n + " is out of range (1-" + MAX_FORKS + ")");
        return n;
    }

    List<String> sshProgram() throws UserError {
        if (sshProgram == null) return SshConnections.DEFAULT_PROGRAM;
        List<String> words = new ArrayList<>();
        for (String w : sshProgram.strip().split("\\s+")) {
            if (!w.isEmpty()) words.add(w);
        }
        if (words.isEmpty()) throw new UserError(ExitCodes.USAGE, "--ssh-program is empty: give the ssh command, e.g. ssh");
        return words;
    }

    Duration connectTimeout() throws UserError {
        if (connectTimeout == null) return SshSettings.DEFAULT_CONNECT_TIMEOUT;
        if (connectTimeout < 1 || connectTimeout > 3600) {
            throw new UserError(ExitCodes.USAGE, "--connect-timeout " + connectTimeout + " is out of range (1-3600 seconds)");
        }
        return Duration.ofSeconds(connectTimeout);
    }

    /** How long kept connections stay open (--ssh-persist), or null: the run keeps none. */
    Duration sshPersist() throws UserError {
        if (sshPersist == null) return null;
        if (sshPersist < 1 || sshPersist > MAX_PERSIST) {
            throw new UserError(ExitCodes.USAGE, "--ssh-persist " + sshPersist + " is out of range (1-" + MAX_PERSIST + " seconds)");
        }
        return Duration.ofSeconds(sshPersist);
    }

    /**
     * The session of a run that reaches each host once (plan): one ssh connection per host, none shared
     * (or the kept ones, with --ssh-persist).
     */
    Session sessionOnce(boolean needed) throws UserError {
        try {
            return Session.openOnce(needed, choices());
        } catch (TransportException e) {
            throw new UserError(ExitCodes.FAILED, e.getMessage(), e);
        }
    }

    /** The run's session: ssh connections opened with --ssh-program when {@code needed}. */
    Session session(boolean needed) throws UserError {
        try {
            return Session.open(needed, choices());
        } catch (TransportException e) {
            throw new UserError(ExitCodes.FAILED, e.getMessage(), e);
        }
    }

    private Session.SshChoices choices() throws UserError {
        return new Session.SshChoices(sshProgram(), connectTimeout(), acceptNewHostKeys, sshPersist());
    }
}

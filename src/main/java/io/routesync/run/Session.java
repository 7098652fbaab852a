package io.routesync.run;

import io.routesync.apply.ApplyRecord;
import io.routesync.apply.Reconciler;
import io.routesync.apply.SavedTargets;
import io.routesync.saved.SavedHost;
import io.routesync.saved.SavedPlan;
import io.routesync.saved.SavedTarget;
import io.routesync.transport.SshConnections;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The hosts of one run with what reaches them: a job per host and, when any host is reached over ssh,
 * the run's {@link SshConnections}, whose ControlMaster directory lets a host's later round trips
 * reuse the connection its first one opened. Closing the session closes every master, also when the
 * run is interrupted (Ctrl-C): otherwise one idle ssh master per host would linger until
 * ControlPersist runs out.
 */
public final class Session implements AutoCloseable {

    /**
     * How a run reaches its ssh hosts: the ssh client command (--ssh-program) and the run's own choices;
     * {@code persist}, when not null, how long each host's connection is kept for later runs (--ssh-persist).
     */
    public record SshChoices(List<String> program, Duration connectTimeout, boolean acceptNewHostKeys, Duration persist) {
        public SshChoices {
            program = List.copyOf(program);
        }
    }

    private final SshConnections connections;
    private final SshChoices ssh;
    private final Thread onExit;

    private Session(SshConnections connections, SshChoices ssh) {
        this.connections = connections;
        this.ssh = ssh;
        this.onExit = connections == null ? null : new Thread(connections::close, "routesync-ssh-close");
        if (onExit != null) Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** A session without ssh: every host is this one or a namespace of it. */
    public static Session local() {
        return new Session(null, null);
    }

    /** A session that reaches ssh hosts as {@code ssh} says, when {@code needed}. */
    public static Session open(boolean needed, SshChoices ssh) throws TransportException {
        if (!needed) return local();
        if (ssh.persist() != null) return kept(ssh);
        return new Session(SshConnections.open(ssh.program()), ssh);
    }

    /**
     * A session for a run that reaches each host once (plan; an apply in one session per host): no
     * ControlMaster to start and stop per host ({@link SshConnections#openUnshared}). A rollback after a
     * failed session opens connections of its own. With kept connections (--ssh-persist) the run uses
     * and leaves them as any other run does: reaching a host once is what they save most on.
     */
    public static Session openOnce(boolean needed, SshChoices ssh) throws TransportException {
        if (!needed) return local();
        if (ssh.persist() != null) return kept(ssh);
        return new Session(SshConnections.openUnshared(ssh.program()), ssh);
    }

    private static Session kept(SshChoices ssh) throws TransportException {
        return new Session(SshConnections.openKept(ssh.program(), ssh.persist()), ssh);
    }

    /** A job per host, reached over this session's connections (or locally for ansible_connection local). */
    public List<HostJob> jobs(List<HostSpec> hosts, Reconciler.Settings settings) {
        List<HostJob> jobs = new ArrayList<>();
        for (HostSpec h : hosts) jobs.add(HostJob.of(h, connections, settings));
        return jobs;
    }

    /**
     * A job per host of a plan file, reached as the file recorded it; {@code inputs} is what their apply
     * records name (the plan file's, not the files as they are now).
     */
    public List<SavedHostJob> jobs(SavedPlan plan, ApplyRecord.Inputs inputs, Reconciler.Settings settings) {
        SavedHostJob.Reach reach = this::open;
        List<SavedHostJob> jobs = new ArrayList<>();
        for (SavedHost h : plan.hosts()) jobs.add(new SavedHostJob(h, inputs, reach, settings, Clock.systemUTC()));
        return jobs;
    }

    private Target open(SavedHost h) throws TransportException {
        if (h.target().kind() != SavedTarget.Kind.SSH) return SavedTargets.open(h.name(), h.target(), null);
        return connections.target(h.name(), SavedTargets.settings(h.target()).withConnectTimeout(ssh.connectTimeout())
                .withAcceptNewHostKeys(ssh.acceptNewHostKeys()));
    }

    @Override
    public void close() {
        if (connections == null) return;
        connections.close();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook finds the connections closed
        }
    }
}

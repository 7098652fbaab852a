package io.routesync.cli;

import io.routesync.apply.Reconciler;
import io.routesync.fleet.HostJob;
import io.routesync.fleet.HostSpec;
import io.routesync.transport.SshConnections;
import io.routesync.transport.TransportException;
import java.util.ArrayList;
import java.util.List;

/**
 * The hosts of one fleet run with what reaches them: one {@link SshConnections} for the run (its
 * ControlMaster directory lets each host's apply reuse the connection its read opened), closed,
 * with every master, when the run ends, also when it is interrupted (Ctrl-C): otherwise one idle ssh
 * master per host would linger until ControlPersist runs out.
 */
final class FleetSession implements AutoCloseable {
    private final SshConnections connections;
    private final List<HostJob> jobs;
    private final Thread onExit;

    private FleetSession(SshConnections connections, List<HostJob> jobs) {
        this.connections = connections;
        this.jobs = jobs;
        this.onExit = connections == null ? null : new Thread(connections::close, "routesync-ssh-close");
        if (onExit != null) Runtime.getRuntime().addShutdownHook(onExit);
    }

    static FleetSession open(List<HostSpec> hosts, FleetOptions fleet, TargetOptions target) throws UserError {
        SshConnections connections = null;
        if (hosts.stream().anyMatch(h -> !h.local())) {
            try {
                connections = SshConnections.open(fleet.sshProgram());
            } catch (TransportException e) {
                throw new UserError(ExitCodes.FAILED, e.getMessage(), e);
            }
        }
        Reconciler.Settings settings = new Reconciler.Settings(target.lockWait(), target.runTimeout());
        List<HostJob> jobs = new ArrayList<>();
        for (HostSpec h : hosts) jobs.add(HostJob.of(h, connections, settings));
        return new FleetSession(connections, jobs);
    }

    List<HostJob> jobs() {
        return jobs;
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

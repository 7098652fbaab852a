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
 * with every master, when the run ends.
 */
final class FleetSession implements AutoCloseable {
    private final SshConnections connections;
    private final List<HostJob> jobs;

    private FleetSession(SshConnections connections, List<HostJob> jobs) {
        this.connections = connections;
        this.jobs = jobs;
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
        if (connections != null) connections.close();
    }
}

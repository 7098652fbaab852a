package io.routesync.cli;

import io.routesync.apply.Reconciler;
import io.routesync.run.HostJob;
import io.routesync.run.HostSpec;
import java.util.ArrayList;
import java.util.List;

/** The hosts of one inventory run with what reaches them: the run's {@link SshSession} and a job per host. */
final class FleetSession implements AutoCloseable {
    private final SshSession ssh;
    private final List<HostJob> jobs;

    private FleetSession(SshSession ssh, List<HostJob> jobs) {
        this.ssh = ssh;
        this.jobs = jobs;
    }

    static FleetSession open(List<HostSpec> hosts, FleetOptions fleet, TargetOptions target) throws UserError {
        SshSession ssh = SshSession.open(hosts.stream().anyMatch(h -> !h.local()), fleet);
        Reconciler.Settings settings = new Reconciler.Settings(target.lockWait(), target.runTimeout());
        List<HostJob> jobs = new ArrayList<>();
        for (HostSpec h : hosts) jobs.add(HostJob.of(h, ssh.connections(), settings));
        return new FleetSession(ssh, jobs);
    }

    List<HostJob> jobs() {
        return jobs;
    }

    @Override
    public void close() {
        ssh.close();
    }
}

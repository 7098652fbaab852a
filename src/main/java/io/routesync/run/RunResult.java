package io.routesync.run;

import java.util.List;

/**
 * Every host's result of one run, in the order the run was given its hosts, and where the run as a
 * whole stands: the most serious host decides (failed, then unreachable, then changed, then ok).
 */
public record RunResult(List<HostRun> hosts) {
    public RunResult {
        hosts = List.copyOf(hosts);
    }

    /** Failed if any host failed; else unreachable if any was; else changed if any has (or had) changes; else ok. */
    public HostRun.Status worst() {
        boolean unreachable = false;
        boolean changed = false;
        for (HostRun r : hosts) {
            switch (r.status()) {
                case FAILED: return HostRun.Status.FAILED;
                case UNREACHABLE: unreachable = true; break;
                case CHANGED: changed = true; break;
                case OK: break;
                default: throw new AssertionError(r.status());
            }
        }
        if (unreachable) return HostRun.Status.UNREACHABLE;
        return changed ? HostRun.Status.CHANGED : HostRun.Status.OK;
    }

    /** Whether any host has changes pending (after the plan phase) or applied. */
    public boolean anyChanged() {
        return hosts.stream().anyMatch(r -> r.status() == HostRun.Status.CHANGED);
    }

    /** Whether every host was planned and none has changes. */
    public boolean allOk() {
        return hosts.stream().allMatch(r -> r.status() == HostRun.Status.OK);
    }
}

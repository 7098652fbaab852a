package io.routesync.run;

import java.util.List;

/**
 * Every host's result of one run, in the order the run was given its hosts, and where the run as a
 * whole stands: the most serious host decides (failed or left untouched by a stopped rollout, then
 * unreachable, then changed, then ok). {@code rollout}: the staged rollout the apply ran as, or null.
 */
public record RunResult(List<HostRun> hosts, Rollout rollout) {
    public RunResult {
        hosts = List.copyOf(hosts);
    }

    /** A run that was not a staged rollout. */
    public RunResult(List<HostRun> hosts) {
        this(hosts, null);
    }

    /** Failed if any host failed or was left untouched by a stopped rollout; else unreachable if any was; else changed if any has (or had) changes; else ok. */
    public HostRun.Status worst() {
        boolean unreachable = false;
        boolean changed = false;
        for (HostRun r : hosts) {
            switch (r.status()) {
                case FAILED:
                case UNTOUCHED: return HostRun.Status.FAILED; // the rollout stopped: the run did not do what it was asked
                case UNREACHABLE: unreachable = true; break;
                case CHANGED: changed = true; break;
                case OK: break;
                default: throw new AssertionError(r.status());
            }
        }
        if (unreachable) return HostRun.Status.UNREACHABLE;
        return changed ? HostRun.Status.CHANGED : HostRun.Status.OK;
    }

    /** The number of the last batch that ran, or 0; all batches ran unless a host is {@link HostRun.Status#UNTOUCHED}. */
    public int batchesRan() {
        return hosts.stream().filter(r -> r.batch() != null && r.batch().ran()).mapToInt(r -> r.batch().number()).max().orElse(0);
    }

    /** How many batches the rollout had (0 without one). */
    public int batches() {
        return hosts.stream().filter(r -> r.batch() != null).mapToInt(r -> r.batch().of()).max().orElse(0);
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

package io.routesync.saved;

import io.routesync.lookup.Expectation;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.Probe;
import java.util.List;

/**
 * One host of a saved plan: where it is, the desired state the plan was made for (to verify the apply
 * and to recompute the fingerprint), the ownership scope, and the plan itself, whose fingerprint is
 * that of the host's owned state when it was read.
 *
 * @param readingDigest the digest of the whole reading the plan was made from (informational: a
 *                      foreign change makes it differ without making the plan stale)
 * @param probes        the health probes {@code apply PLAN --confirm} runs before it keeps the change
 * @param expectations  what the kernel must answer after the batch ({@code ip route get}), each with a
 *                      concrete outcome: an {@code unchanged} flow as the live host answered it when planned
 * @param routeProbes   the route probes ({@code { route: FLOW, via: ... }}): what the kernel must answer before
 *                      {@code apply PLAN --confirm} keeps the change
 */
public record SavedHost(String name, SavedTarget target, int protocolTag, String readingDigest, DesiredState desired,
        HostPlan plan, List<Probe> probes, List<Expectation> expectations, List<Expectation> routeProbes) {

    public SavedHost {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a saved host needs a name");
        if (target == null || desired == null || plan == null) throw new NullPointerException("target, desired and plan are required");
        probes = List.copyOf(probes);
        expectations = List.copyOf(expectations);
        routeProbes = List.copyOf(routeProbes);
        for (Expectation e : expectations) {
            if (!e.hasOutcome()) throw new IllegalArgumentException("a saved expectation names its outcome: " + e.place());
        }
        for (Expectation e : routeProbes) {
            if (!e.hasOutcome()) throw new IllegalArgumentException("a saved route probe names its outcome: " + e.place());
        }
    }

    /** A saved host without route probes. */
    public SavedHost(String name, SavedTarget target, int protocolTag, String readingDigest, DesiredState desired, HostPlan plan,
            List<Probe> probes, List<Expectation> expectations) {
        this(name, target, protocolTag, readingDigest, desired, plan, probes, expectations, List.of());
    }

    /** A saved host without expectations. */
    public SavedHost(String name, SavedTarget target, int protocolTag, String readingDigest, DesiredState desired, HostPlan plan,
            List<Probe> probes) {
        this(name, target, protocolTag, readingDigest, desired, plan, probes, List.of(), List.of());
    }

    /** A saved host without probes or expectations. */
    public SavedHost(String name, SavedTarget target, int protocolTag, String readingDigest, DesiredState desired, HostPlan plan) {
        this(name, target, protocolTag, readingDigest, desired, plan, List.of(), List.of(), List.of());
    }

    /** What routesync may delete on this host, as when the plan was made. */
    public Ownership ownership() {
        return new Ownership(desired.ownedTables(), protocolTag);
    }

    /** The fingerprint of the host's owned state the plan was made from. */
    public String fingerprint() {
        return plan.fingerprint();
    }
}

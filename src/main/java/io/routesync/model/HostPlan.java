package io.routesync.model;

import java.util.List;

/**
 * The ordered changes that take one host from its observed to its desired state, a fingerprint of
 * the observed state they were computed from (a saved plan is stale when the fingerprint changed), and
 * the target's own table name file, relative to the iproute2 directory, which the plan's name changes
 * are lines of: {@code rt_tables.d/routesync.conf}, or {@code rt_tables.d/routesync-netns-NAME.conf} for
 * a namespace.
 */
public record HostPlan(List<Change> changes, String fingerprint, String namesFile) {
    /** The host's own table name file. */
    public static final String HOST_NAMES_FILE = "rt_tables.d/routesync.conf";

    public HostPlan {
        changes = List.copyOf(changes);
        if (namesFile == null) throw new IllegalArgumentException("a plan names its table name file");
    }

    /** A plan for a host (not a namespace): its names go to {@link #HOST_NAMES_FILE}. */
    public HostPlan(List<Change> changes, String fingerprint) {
        this(changes, fingerprint, HOST_NAMES_FILE);
    }

    /** The own table name file of a target: the host's for a null or empty namespace. */
    public static String namesFile(String netns) {
        return netns == null || netns.isEmpty() ? HOST_NAMES_FILE : "rt_tables.d/routesync-netns-" + netns + ".conf";
    }

    /** This plan for the target in namespace {@code netns} (null or empty: the host). */
    public HostPlan forNetns(String netns) {
        return new HostPlan(changes, fingerprint, namesFile(netns));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int count(Action action) {
        int n = 0;
        for (Change c : changes) {
            if (c.action() == action) n++;
        }
        return n;
    }
}

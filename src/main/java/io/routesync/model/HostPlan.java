package io.routesync.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The ordered changes that take one host from its observed to its desired state, a fingerprint of
 * the observed state they were computed from (a saved plan is stale when the fingerprint changed), and
 * the target's own table name file, relative to the iproute2 directory, which the plan's name changes
 * are lines of: {@code rt_tables.d/routesync.conf}, or {@code rt_tables.d/routesync-netns-NAME.conf} for
 * a namespace.
 *
 * <p>A value with a record's equals, hashCode and toString, but not a record: the planner's fingerprint
 * is a SHA-256 of every observed entry (a sixth of a 100k-route plan's CPU), and only a saved plan, an
 * apply record and JSON output read it, so {@link #deferred} computes it on the first
 * {@link #fingerprint()} call, once, whoever calls it.
 */
public final class HostPlan {
    /** The host's own table name file. */
    public static final String HOST_NAMES_FILE = "rt_tables.d/routesync.conf";

    private final List<Change> changes;
    private final Deferred<String> fingerprint;
    private final String namesFile;

    public HostPlan(List<Change> changes, String fingerprint, String namesFile) {
        this(changes, Deferred.of(fingerprint), namesFile);
    }

    /** A plan for a host (not a namespace): its names go to {@link #HOST_NAMES_FILE}. */
    public HostPlan(List<Change> changes, String fingerprint) {
        this(changes, fingerprint, HOST_NAMES_FILE);
    }

    private HostPlan(List<Change> changes, Deferred<String> fingerprint, String namesFile) {
        this.changes = List.copyOf(changes);
        if (namesFile == null) throw new IllegalArgumentException("a plan names its table name file");
        this.fingerprint = fingerprint;
        this.namesFile = namesFile;
    }

    /**
     * A plan whose fingerprint {@code compute} gives when it is first asked for; {@code compute} must
     * read only immutable values, so that it gives what it would have given now.
     */
    public static HostPlan deferred(List<Change> changes, Supplier<String> compute, String namesFile) {
        return new HostPlan(changes, Deferred.computed(compute), namesFile);
    }

    /** The own table name file of a target: the host's for a null or empty namespace. */
    public static String namesFile(String netns) {
        return netns == null || netns.isEmpty() ? HOST_NAMES_FILE : "rt_tables.d/routesync-netns-" + netns + ".conf";
    }

    /** This plan for the target in namespace {@code netns} (null or empty: the host); the fingerprint is shared. */
    public HostPlan forNetns(String netns) {
        return new HostPlan(changes, fingerprint, namesFile(netns));
    }

    public List<Change> changes() {
        return changes;
    }

    public String fingerprint() {
        return fingerprint.get();
    }

    /**
     * The fingerprint, worked out ahead of time from the same desired state, observed state and ownership
     * this plan was made from ({@link io.routesync.model.Deferred#offer}): it is not computed again.
     */
    public void offerFingerprint(String worked) {
        fingerprint.offer(worked);
    }

    public String namesFile() {
        return namesFile;
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

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof HostPlan)) return false;
        HostPlan p = (HostPlan) o;
        return changes.equals(p.changes) && Objects.equals(fingerprint(), p.fingerprint()) && namesFile.equals(p.namesFile);
    }

    @Override
    public int hashCode() {
        // as the record's: 31 * h + each component's hash, from 0
        return (31 * changes.hashCode() + Objects.hashCode(fingerprint())) * 31 + namesFile.hashCode();
    }

    @Override
    public String toString() {
        return "HostPlan[changes=" + changes + ", fingerprint=" + fingerprint() + ", namesFile=" + namesFile + "]";
    }
}

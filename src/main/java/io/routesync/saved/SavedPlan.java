package io.routesync.saved;

import java.util.List;

/**
 * A plan saved by {@code routesync plan --out FILE} for {@code routesync apply FILE}: who made it, from
 * which inputs, when, and one entry per host.
 *
 * @param inputsDigest a digest of the state files and variables, or null
 * @param commit       the git commit the inputs came from, or null
 * @param created      when the plan was made (ISO-8601, informational)
 */
public record SavedPlan(String routesyncVersion, String created, String inputsDigest, String commit, List<SavedHost> hosts) {
    /** The file format this code writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;
    /** The value of the file's {@code format} key. */
    public static final String FORMAT = "routesync-plan";

    public SavedPlan {
        if (routesyncVersion == null || routesyncVersion.isEmpty()) throw new IllegalArgumentException("the routesync version is required");
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty()) throw new IllegalArgumentException("a saved plan has at least one host");
    }

    /** The host with this name, or null. */
    public SavedHost host(String name) {
        for (SavedHost h : hosts) {
            if (h.name().equals(name)) return h;
        }
        return null;
    }
}

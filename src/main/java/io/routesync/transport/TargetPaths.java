package io.routesync.transport;

/**
 * Where routesync keeps its files on a target: iproute2's configuration directory (for
 * {@code rt_tables.d/routesync.conf} and {@code rt_protos.d/routesync.conf}), the directory of apply
 * records, and the lock file. Paths on the target, so strings; validated because they reach a shell
 * (as quoted arguments).
 */
public record TargetPaths(String etcDir, String stateDir, String lockFile) {
    public static final String DEFAULT_ETC = "/etc/iproute2";
    public static final String DEFAULT_STATE = "/var/lib/routesync";
    /** Root's alone: the scripts create it 0700 and refuse it when others can write it (not /run/lock). */
    public static final String DEFAULT_LOCK_DIR = "/run/routesync";

    public TargetPaths {
        check(etcDir, "--etc-dir");
        check(stateDir, "--state-dir");
        check(lockFile, "--lock-dir");
    }

    private static void check(String path, String option) {
        if (!plainPath(path) || path.contains("/../") || path.endsWith("/..")) {
            throw new IllegalArgumentException(option + " '" + path + "' must be an absolute path of letters, digits and _ . + @ - /");
        }
    }

    /**
     * Whether {@code path} is {@code /[A-Za-z0-9_.+@/-]*}, checked by a loop (see {@link LocalTarget#validName}).
     */
    static boolean plainPath(String path) {
        if (path == null || !path.startsWith("/")) return false;
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "_.+@/-".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }

    /**
     * The paths for a target: the host's defaults, or per namespace ({@code /var/lib/routesync/netns/NAME},
     * {@code /run/routesync/routesync-netns-NAME.lock}) so namespaces do not share a lock or records. Any of the
     * overrides may be null; a given state directory is used as it is.
     */
    public static TargetPaths of(String netns, String etcOverride, String stateOverride, String lockDirOverride) {
        String etc = etcOverride != null ? strip(etcOverride) : DEFAULT_ETC;
        String lockDir = lockDirOverride != null ? strip(lockDirOverride) : DEFAULT_LOCK_DIR;
        String state;
        String lock;
        if (netns == null || netns.isEmpty()) {
            state = stateOverride != null ? strip(stateOverride) : DEFAULT_STATE;
            lock = lockDir + "/routesync.lock";
        } else {
            state = stateOverride != null ? strip(stateOverride) : DEFAULT_STATE + "/netns/" + netns;
            lock = lockDir + "/routesync-netns-" + netns + ".lock";
        }
        return new TargetPaths(etc, state, lock);
    }

    private static String strip(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    // equals and hashCode as the record would make them (written out: a record's own are linked through
    // method handles at first use, ~25 ms of a plan's start when EarlyRead compares paths; docs/speed.md)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof TargetPaths p && etcDir.equals(p.etcDir) && stateDir.equals(p.stateDir)
                && lockFile.equals(p.lockFile);
    }

    @Override
    public int hashCode() {
        return (31 * etcDir.hashCode() + stateDir.hashCode()) * 31 + lockFile.hashCode();
    }

    /** Where apply records go. */
    public String recordDir() {
        return stateDir + "/records";
    }
}

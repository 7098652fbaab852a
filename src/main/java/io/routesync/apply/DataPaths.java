package io.routesync.apply;

import java.util.regex.Pattern;

/**
 * Which directories data (inventory variables, plan files) may choose for routesync's files on a
 * target. Data must never pick a file to write (an etc directory of {@code /etc/sudoers.d} made the
 * footprint a sudoers file), so a directory from data is allowed only by its shape: absolute,
 * normalised, of plain characters, and named for what routesync keeps there. The etc directory's last
 * component is {@code iproute2} (routesync writes only {@code rt_tables.d/routesync*.conf} and
 * {@code rt_protos.d/routesync*.conf} under it); the state and lock directories' is {@code routesync},
 * so every other file routesync writes lies under a directory of that name. The command line's
 * {@code --etc-dir}, {@code --state-dir} and {@code --lock-dir} are the operator's and not limited.
 */
public final class DataPaths {
    public static final String ETC_NAME = "iproute2";
    public static final String OWN_NAME = "routesync";
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_.+@-]+");

    private DataPaths() {
    }

    /** Why {@code dir} (from data) cannot be the etc directory; null when it can. */
    public static String etcProblem(String dir) {
        return problem(dir, ETC_NAME);
    }

    /** Why {@code dir} (from data) cannot be a state or lock directory; null when it can. */
    public static String ownProblem(String dir) {
        return problem(dir, OWN_NAME);
    }

    /** The rule, for a fix line: what a directory from data must look like. */
    public static String rule(boolean etc) {
        return etc ? "from data, the etc directory must be an absolute, normalised path whose last component is 'iproute2' (such as"
                + " /etc/iproute2 or /srv/h1/iproute2); --etc-dir on the command line is not limited"
                : "from data, a state or lock directory must be an absolute, normalised path whose last component is 'routesync' (such as"
                + " /var/lib/routesync or /srv/h1/run/routesync); --state-dir and --lock-dir on the command line are not limited";
    }

    /**
     * Checks the paths a plan file records for a target ({@code netns} empty unless a namespace):
     * besides the directories above, the default state directory of a namespace
     * ({@code .../routesync/netns/NAME}) and the lock file names routesync itself gives
     * ({@code routesync.lock}, {@code routesync-netns-NAME.lock}) are accepted.
     *
     * @throws IllegalArgumentException saying which path and the rule
     */
    public static void checkSaved(String etc, String state, String lock, String netns) {
        if (etcProblem(etc) != null) {
            throw new IllegalArgumentException("etc_dir '" + etc + "' " + etcProblem(etc) + " (" + rule(true) + ")");
        }
        String nsSuffix = "/netns/" + netns;
        boolean nsDefault = !netns.isEmpty() && state.endsWith(nsSuffix) && ownProblem(state.substring(0, state.length() - nsSuffix.length())) == null;
        if (!nsDefault && ownProblem(state) != null) {
            throw new IllegalArgumentException("state_dir '" + state + "' " + ownProblem(state) + " (" + rule(false) + ")");
        }
        int slash = lock.lastIndexOf('/');
        String expected = netns.isEmpty() ? "routesync.lock" : "routesync-netns-" + netns + ".lock";
        String why = slash <= 0 || !lock.startsWith("/") ? "is not an absolute path" : ownProblem(lock.substring(0, slash)) != null
                ? "is in a directory that " + ownProblem(lock.substring(0, slash)) : lock.substring(slash + 1).equals(expected) ? null
                : "is not named " + expected;
        if (why != null) {
            throw new IllegalArgumentException("lock_file '" + lock + "' " + why + " (" + rule(false) + "; the lock file in it is "
                    + expected + ")");
        }
    }

    private static String problem(String dir, String last) {
        if (dir == null || !dir.startsWith("/")) return "is not an absolute path";
        if (dir.length() > 4096) return "is too long";
        String[] parts = dir.substring(1).split("/", -1);
        for (String p : parts) {
            if (p.isEmpty()) return "is not normalised (an empty component: '//' or a trailing '/')";
            if (p.equals(".") || p.equals("..")) return "is not normalised (a '" + p + "' component)";
            if (!COMPONENT.matcher(p).matches()) return "has a character other than letters, digits and _ . + @ -";
        }
        if (!parts[parts.length - 1].equals(last)) return "does not end in /" + last;
        return null;
    }
}

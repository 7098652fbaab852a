package io.routesync.run;

import io.routesync.apply.DataPaths;
import io.routesync.config.Diagnostic;
import io.routesync.config.inventory.Host;
import io.routesync.config.inventory.Variable;
import io.routesync.transport.TargetPaths;
import java.util.List;

/**
 * Where routesync keeps its files on one host: the command line's --etc-dir, --state-dir and
 * --lock-dir (for every host of the run), else the host's routesync_etc_dir, routesync_state_dir and
 * routesync_lock_dir variables, else the defaults. The variables let hosts that share a file system
 * (containers, namespaces, the SSH tests) keep their rt_tables.d, records and lock apart; being data,
 * they are held to {@link DataPaths} (a directory named iproute2 or routesync), the options are not.
 */
final class HostPaths {
    static final String ETC = "routesync_etc_dir";
    static final String STATE = "routesync_state_dir";
    static final String LOCK = "routesync_lock_dir";

    /** The command line's overrides; null where none was given. */
    record Overrides(String etcDir, String stateDir, String lockDir) {
    }

    private HostPaths() {
    }

    /** The host's paths, or null after adding to {@code problems} why a variable cannot be used. */
    static TargetPaths of(Host host, Overrides overrides, SourceNames names, List<Diagnostic> problems) {
        String etc = pick(overrides.etcDir(), host, ETC, names, problems);
        String state = pick(overrides.stateDir(), host, STATE, names, problems);
        String lock = pick(overrides.lockDir(), host, LOCK, names, problems);
        if (!problems.isEmpty()) return null;
        return TargetPaths.of(null, etc, state, lock);
    }

    private static String pick(String override, Host host, String name, SourceNames names, List<Diagnostic> problems) {
        if (override != null) return override;
        // templated with the host (routesync_* are); a template problem is already among the host's problems
        Variable v = host.resolved(name).variable().orElse(null);
        if (v == null || v.isEmpty()) return null;
        String value = v.text().orElse(null);
        if (value == null) {
            problems.add(Diagnostic.error(names.shown(v.definedAt()), name + " must be a single path, found " + v.value().kind(),
                    "write one absolute path"));
            return null;
        }
        try {
            // TargetPaths knows which paths are safe to hand to the target's shell (as quoted arguments)
            TargetPaths.of(null, name.equals(ETC) ? value : null, name.equals(STATE) ? value : null, name.equals(LOCK) ? value : null);
        } catch (IllegalArgumentException e) {
            problems.add(Diagnostic.error(names.shown(v.definedAt()), name + " '" + value + "' is not a path routesync can use on the host",
                    "an absolute path of letters, digits and _ . + @ - /, without '..'"));
            return null;
        }
        // data never picks where a file is written: only a directory named for what routesync keeps there
        String why = name.equals(ETC) ? DataPaths.etcProblem(value) : DataPaths.ownProblem(value);
        if (why != null) {
            problems.add(Diagnostic.error(names.shown(v.definedAt()), name + " '" + value + "' " + why + ": routesync would write its"
                    + " files there", DataPaths.rule(name.equals(ETC))));
            return null;
        }
        return value;
    }
}

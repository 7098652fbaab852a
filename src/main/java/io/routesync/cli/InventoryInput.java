package io.routesync.cli;

import io.routesync.config.InvalidInputException;
import io.routesync.config.inventory.Connection;
import io.routesync.config.inventory.InventorySource;
import io.routesync.git.GitSource;
import io.routesync.git.RepoCommit;
import io.routesync.run.FleetLoader;
import io.routesync.run.InventoryDirectory;
import io.routesync.run.SourceNames;
import io.routesync.transport.SshSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/**
 * Turns {@code -i FILE [--limit PATTERN]} into prepared hosts: reads the inventory with its
 * group_vars/, host_vars/ and states/ (from the file system, or with {@code --repo} from a commit,
 * which the apply records then name), selects the hosts, and loads each one's desired state offline.
 * Nothing here contacts a host; every problem is a diagnostic (exit 65).
 */
final class InventoryInput {
    /** How long fetching --repo may take for validate, which has no --timeout. */
    private static final Duration VALIDATE_FETCH_TIMEOUT = Duration.ofSeconds(300);

    private InventoryInput() {
    }

    /**
     * @param target the run's target options (path overrides for every host, timeouts), or null for validate
     * @param fleet  the run's ssh options, or null for validate (defaults then)
     */
    static FleetLoader.Loaded load(StateOptions state, RepoOptions repo, TargetOptions target, FleetOptions fleet, PrintWriter err)
            throws InvalidInputException, UserError {
        if (target != null && target.netns != null) {
            throw new UserError(ExitCodes.USAGE, "--netns and -i cannot be combined: the inventory says where each host is");
        }
        if (target != null) target.paths(); // refuses bad --etc-dir/--state-dir/--lock-dir before anything is read
        if (repo.given()) return fromCommit(state, repo, target, fleet, err);
        InventoryDirectory directory = InventoryDirectory.of(state.inventory);
        return read(directory.source(), directory.path(), directory.names(), null, state, target, fleet);
    }

    private static FleetLoader.Loaded fromCommit(StateOptions state, RepoOptions repo, TargetOptions target, FleetOptions fleet,
            PrintWriter err) throws InvalidInputException, UserError {
        String path = state.inventory.normalize().toString();
        if (state.inventory.isAbsolute() || path.startsWith("..") || path.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "with --repo, -i is the inventory's path in the repository (like inventory/hosts.yml), not "
                    + state.inventory);
        }
        try (GitSource git = repo.open(target == null ? VALIDATE_FETCH_TIMEOUT : target.runTimeout())) {
            RepoCommit commit = repo.commit(git, err);
            // stderr, so a --json document on stdout stays one document
            err.println("Desired state from commit " + commit.describe() + ": " + commit.subject());
            err.flush();
            return read(commit.tree(), path, SourceNames.commit(commit::label), commit.id(), state, target, fleet);
        }
    }

    private static FleetLoader.Loaded read(InventorySource source, String path, SourceNames names, String commit, StateOptions state,
            TargetOptions target, FleetOptions fleet) throws InvalidInputException, UserError {
        for (String name : state.vars.keySet()) {
            // --var fills state templates; a connection comes from the inventory alone, so this would be silently ignored
            if (Connection.VARIABLES.contains(name)) {
                throw new UserError(ExitCodes.USAGE, "--var " + name + ": connection variables are read from the inventory only; --var sets"
                        + " variables for the states' {{ templates }}. For ssh options of your own use ~/.ssh/config or --ssh-program"
                        + " (docs/ssh-options.md)");
            }
            // read from the inventory alone too (and held to docs/target-files.md's rule); --var would be silently ignored
            if (List.of("routesync_etc_dir", "routesync_state_dir", "routesync_lock_dir").contains(name)) {
                throw new UserError(ExitCodes.USAGE, "--var " + name + ": where routesync keeps its files is read from the inventory or"
                        + " given with --" + name.substring("routesync_".length(), name.length() - "_dir".length()) + "-dir; --var sets"
                        + " variables for the states' {{ templates }}");
            }
        }
        FleetLoader.Settings settings = new FleetLoader.Settings(state.vars, state.protocolTag(),
                target == null ? null : target.etcDir, target == null ? null : target.stateDir, target == null ? null : target.lockDir,
                fleet == null ? SshSettings.DEFAULT_CONNECT_TIMEOUT : fleet.connectTimeout(),
                fleet != null && fleet.acceptNewHostKeys, Version.number(), commit);
        FleetLoader.Loaded loaded = FleetLoader.read(source, path, state.limit, names, settings);
        if (loaded.selected() == 0) throw new UserError(ExitCodes.DATA, names.shown(path) + " has no hosts: nothing to do");
        return loaded;
    }
}

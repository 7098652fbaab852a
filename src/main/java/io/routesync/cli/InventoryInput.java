package io.routesync.cli;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.inventory.DirectorySource;
import io.routesync.config.inventory.Host;
import io.routesync.config.inventory.Inventory;
import io.routesync.config.inventory.InventoryReader;
import io.routesync.fleet.FleetLoader;
import io.routesync.fleet.SourceNames;
import io.routesync.transport.SshSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code -i FILE [--limit PATTERN]} into prepared hosts: reads the inventory with its
 * group_vars/, host_vars/ and states/, selects the hosts, and loads each one's desired state offline.
 * Nothing here contacts a host; every problem is a diagnostic (exit 65).
 */
final class InventoryInput {
    private InventoryInput() {
    }

    /**
     * @param target the run's target options (path overrides for every host), or null for validate
     * @param fleet  the run's ssh options, or null for validate (defaults then)
     */
    static FleetLoader.Loaded load(StateOptions state, TargetOptions target, FleetOptions fleet) throws InvalidInputException, UserError {
        if (target != null && target.netns != null) {
            throw new UserError(ExitCodes.USAGE, "--netns and -i cannot be combined: the inventory says where each host is");
        }
        if (target != null) target.paths(); // refuses bad --etc-dir/--state-dir/--lock-dir before anything is read
        Path file = state.inventory.toAbsolutePath().normalize();
        // the source's root is the directory above the inventory's, so states/ beside inventory/ is inside it
        Path dir = file.getParent();
        Path root = dir.getParent() != null ? dir.getParent() : dir;
        SourceNames names = new SourceNames(root, Path.of(""));
        DirectorySource source = new DirectorySource(root);
        Inventory inventory;
        List<Host> selected;
        try {
            inventory = InventoryReader.read(source, source.pathOf(file));
            selected = state.limit == null ? inventory.hosts() : inventory.select(state.limit);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(shown(e.diagnostics(), names));
        }
        if (selected.isEmpty()) {
            throw new UserError(ExitCodes.DATA, names.shown(source.pathOf(file)) + " has no hosts: nothing to do");
        }
        FleetLoader.Settings settings = new FleetLoader.Settings(state.vars, state.protocolTag(),
                target == null ? null : target.etcDir, target == null ? null : target.stateDir, target == null ? null : target.lockDir,
                fleet == null ? SshSettings.DEFAULT_CONNECT_TIMEOUT : fleet.connectTimeout(),
                fleet != null && fleet.acceptNewHostKeys, Version.number());
        FleetLoader.Loaded loaded = FleetLoader.load(selected, source, settings, names);
        List<Diagnostic> warnings = new ArrayList<>(shown(inventory.warnings(), names));
        warnings.addAll(loaded.warnings());
        return new FleetLoader.Loaded(loaded.hosts(), warnings);
    }

    private static List<Diagnostic> shown(List<Diagnostic> diagnostics, SourceNames names) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) out.add(names.shown(d));
        return out;
    }
}

package io.routesync.run;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.UnreadableInput;
import io.routesync.config.inventory.Connection;
import io.routesync.config.inventory.Host;
import io.routesync.config.inventory.HostVariables;
import io.routesync.config.inventory.Inventory;
import io.routesync.config.inventory.InventoryReader;
import io.routesync.config.inventory.InventorySource;
import io.routesync.config.inventory.StateRef;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.model.InvalidValueException;
import io.routesync.transport.SshSettings;
import io.routesync.transport.TargetPaths;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prepares the selected hosts of an inventory offline: each host's states with its variables, where
 * routesync's files go there, and how to reach it. Every problem of every host is collected and
 * thrown at once, folded across hosts that share it, so {@code validate -i} shows the whole fleet's
 * errors in one go and {@code plan}/{@code apply} contact no host unless all of them are valid.
 */
public final class FleetLoader {

    /**
     * What the command line adds: --var overrides, the protocol tag, path overrides, ssh choices, and
     * for the apply records the git commit the inputs were read from (null when not from git).
     */
    public record Settings(Map<String, String> overrides, int protocolTag, String etcDir, String stateDir, String lockDir,
                           Duration connectTimeout, boolean acceptNewHostKeys, String version, String commit) {
        public Settings {
            overrides = Map.copyOf(overrides);
        }
    }

    /**
     * The ready hosts in the order given, the warnings (folded) worth showing before a run, and how many
     * hosts the inventory and --limit selected (a selected host may be one routesync leaves alone).
     */
    public record Loaded(List<HostSpec> hosts, List<Diagnostic> warnings, int selected) {
        public Loaded {
            hosts = List.copyOf(hosts);
            warnings = List.copyOf(warnings);
        }
    }

    private final InventorySource source;
    private final Settings settings;
    private final SourceNames names;
    private final Map<String, Optional<SourceFile>> files = new HashMap<>();
    private final HostDiagnostics diagnostics = new HostDiagnostics();

    private FleetLoader(InventorySource source, Settings settings, SourceNames names) {
        this.source = source;
        this.settings = settings;
        this.names = names;
    }

    /**
     * Reads the inventory at {@code path} in {@code source} (a directory, or a commit's tree), selects its
     * hosts ({@code limit}: Ansible's --limit, or null for all) and prepares them; the inventory's own
     * warnings come first. Names in every diagnostic are as the user knows the files.
     */
    public static Loaded read(InventorySource source, String path, String limit, SourceNames names, Settings settings)
            throws InvalidInputException {
        Inventory inventory;
        List<Host> selected;
        try {
            inventory = InventoryReader.read(source, path);
            selected = limit == null ? inventory.hosts() : inventory.select(limit);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(names.shown(e.diagnostics()));
        }
        Loaded loaded = load(selected, source, settings, names);
        List<Diagnostic> warnings = new ArrayList<>(names.shown(inventory.warnings()));
        warnings.addAll(loaded.warnings());
        return new Loaded(loaded.hosts(), warnings, selected.size());
    }

    private static Loaded load(List<Host> selected, InventorySource source, Settings settings, SourceNames names)
            throws InvalidInputException {
        return new FleetLoader(source, settings, names).load(selected);
    }

    private Loaded load(List<Host> selected) throws InvalidInputException {
        List<HostSpec> hosts = new ArrayList<>();
        for (Host host : selected) {
            HostSpec spec = prepare(host);
            if (spec != null) hosts.add(spec);
        }
        List<Diagnostic> folded = diagnostics.folded();
        if (diagnostics.hasErrors()) throw new InvalidInputException(folded);
        return new Loaded(hosts, folded, selected.size());
    }

    private HostSpec prepare(Host host) {
        String name = host.name();
        // what is wrong with a host counts only now that it is selected (a winrm host must not stop the Linux ones)
        diagnostics.addAll(name, names.shown(host.problems()));
        if (!host.usable()) return null;
        if (host.states().isEmpty()) {
            diagnostics.add(name, Diagnostic.error(names.shown(host.definedAt()), "no routesync_states: routesync has nothing to manage there",
                    "list the host's states in routesync_states (host_vars/" + name + ".yml or a group's vars), or leave it out with --limit"));
            return null;
        }
        List<SourceFile> states = stateFiles(host);
        HostVariables variables = new HostVariables(host, settings.overrides(), names::shown);
        LoadedState loaded = null;
        if (states != null) {
            try {
                loaded = StateLoader.load(states, variables, settings.protocolTag());
                diagnostics.addAll(name, loaded.warnings());
            } catch (InvalidInputException e) {
                diagnostics.addAll(name, e.diagnostics());
            }
        }
        List<Diagnostic> pathProblems = new ArrayList<>();
        TargetPaths paths = HostPaths.of(host, new HostPaths.Overrides(settings.etcDir(), settings.stateDir(), settings.lockDir()),
                names, pathProblems);
        diagnostics.addAll(name, pathProblems);
        SshSettings ssh = ssh(host);
        if (loaded == null || paths == null || (ssh == null && host.connection().type() == Connection.Type.SSH)) return null;
        return HostSpec.of(name, ssh, paths, loaded, settings.protocolTag(), states, variables, settings.commit(), settings.version());
    }

    /** The host's state files in the order it lists them; null when one cannot be read (reported). */
    private List<SourceFile> stateFiles(Host host) {
        List<SourceFile> out = new ArrayList<>();
        boolean ok = true;
        for (StateRef ref : host.states()) {
            Optional<SourceFile> file = files.computeIfAbsent(ref.path(), path -> read(host.name(), ref));
            if (file.isPresent()) out.add(file.get());
            else ok = false;
        }
        return ok ? out : null;
    }

    private Optional<SourceFile> read(String host, StateRef ref) {
        try {
            Optional<String> text = source.read(ref.path());
            if (text.isPresent()) return Optional.of(new SourceFile(names.shown(ref.path()), text.get()));
            diagnostics.add(host, Diagnostic.error(names.shown(ref.listedAt()), "state file " + names.shown(ref.path()) + " is gone", ""));
        } catch (UnreadableInput e) {
            diagnostics.add(host, e.diagnostic(names.shown(ref.path())));
        } catch (IOException e) {
            diagnostics.add(host, Diagnostic.error(names.shown(ref.listedAt()), "cannot read " + names.shown(ref.path()) + ": " + e.getMessage(), ""));
        }
        return Optional.empty();
    }

    /** The ssh settings of an SSH host; null for a local one, or when a value is refused (reported). */
    private SshSettings ssh(Host host) {
        Connection c = host.connection();
        if (c.type() == Connection.Type.LOCAL) return null;
        List<String> args = new ArrayList<>(c.sshCommonArgs());
        args.addAll(c.sshExtraArgs());
        try {
            SshSettings s = SshSettings.of(c.address())
                    .withPort(c.port().orElse(0))
                    .withUser(c.user().orElse(""))
                    .withIdentityFile(c.privateKeyFile().orElse(""))
                    .withExtraArgs(args)
                    .withConnectTimeout(settings.connectTimeout())
                    .withAcceptNewHostKeys(settings.acceptNewHostKeys());
            for (String option : s.overriddenExtraOptions()) {
                diagnostics.add(host.name(), Diagnostic.warning(names.shown(host.definedAt()), "the ssh option " + option
                        + " in ansible_ssh_common_args/ansible_ssh_extra_args has no effect: routesync sets it itself",
                        "remove it; see --connect-timeout and --ssh-accept-new"));
            }
            return s;
        } catch (IllegalArgumentException e) {
            String fix = e instanceof InvalidValueException ? ((InvalidValueException) e).expected() : "";
            diagnostics.add(host.name(), Diagnostic.error(names.shown(host.definedAt()), "cannot connect with these settings: " + e.getMessage(), fix));
            return null;
        }
    }
}

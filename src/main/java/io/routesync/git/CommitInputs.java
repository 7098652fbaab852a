package io.routesync.git;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.Nearest;
import io.routesync.config.SourceFile;
import io.routesync.config.SourcePos;
import io.routesync.config.UnreadableInput;
import io.routesync.config.Variables;
import io.routesync.config.inventory.Host;
import io.routesync.config.inventory.HostVariables;
import io.routesync.config.inventory.Inventory;
import io.routesync.config.inventory.InventoryReader;
import io.routesync.config.inventory.StateRef;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads routesync's inputs from one commit with the same readers as from disk: the inventory, the
 * states a host lists, or state files named directly. Every diagnostic names {@code SHORT_ID:path}.
 */
public final class CommitInputs {
    private CommitInputs() {
    }

    /** The inventory of {@code layout} at {@code commit}, its warnings relabelled too. */
    public static Inventory readInventory(RepoCommit commit, RepoLayout layout) throws InvalidInputException {
        try {
            Inventory inventory = InventoryReader.read(commit.tree(), layout.inventoryFile(),
                    new InventoryReader.Options(Optional.of(layout.statesDir())));
            List<Host> hosts = new ArrayList<>();
            for (Host h : inventory.hosts()) {
                hosts.add(new Host(h.name(), h.definedAt(), h.groups(), h.connection(), h.variables(), h.states(),
                        CommitDiagnostics.relabel(h.problems(), commit), h.templates()));
            }
            return new Inventory(commit.label(inventory.file()), hosts, inventory.groups(),
                    CommitDiagnostics.relabel(inventory.warnings(), commit));
        } catch (InvalidInputException e) {
            throw CommitDiagnostics.relabel(e, commit);
        }
    }

    /** The inventory host called {@code name}; an unknown name is a diagnostic listing the near ones. */
    public static Host host(Inventory inventory, String name) throws InvalidInputException {
        Optional<Host> host = inventory.host(name);
        if (host.isPresent() && !host.get().usable()) {
            // the problems of a host count only when it is the one asked for
            List<Diagnostic> problems = new ArrayList<>();
            for (Diagnostic d : host.get().problems()) problems.add(new Diagnostic(d.severity(), d.pos(), "host " + name + ": " + d.message(), d.fix()));
            throw new InvalidInputException(problems);
        }
        if (host.isPresent()) return host.get();
        List<String> names = inventory.hosts().stream().map(Host::name).toList();
        throw new InvalidInputException(List.of(Diagnostic.error(SourcePos.file(inventory.file()),
                "host '" + name + "' is not in the inventory" + Nearest.hint(name, names),
                "add it to the inventory, or give --host with one of: " + String.join(", ", names.subList(0, Math.min(10, names.size())))
                        + (names.size() > 10 ? ", ..." : ""))));
    }

    /** The merged desired state of {@code host}: the states it lists, with its variables. */
    public static LoadedState loadHost(RepoCommit commit, Inventory inventory, Host host, int protocolTag) throws InvalidInputException {
        List<String> paths = new ArrayList<>();
        for (StateRef ref : host.states()) paths.add(ref.path());
        return StateLoader.load(stateFiles(commit, paths), variables(commit, host), protocolTag);
    }

    /** How {@code {{ name }}} resolves for {@code host}: its inventory variables, files named {@code COMMIT:path}. */
    public static Variables variables(RepoCommit commit, Host host) {
        return HostVariables.ofSingleHost(host, commit::label);
    }

    /** The state files of {@code host} at the commit, named {@code SHORT_ID:path}. */
    public static List<SourceFile> stateFiles(RepoCommit commit, Host host) throws InvalidInputException {
        List<String> paths = new ArrayList<>();
        for (StateRef ref : host.states()) paths.add(ref.path());
        return stateFiles(commit, paths);
    }

    /** Files at the commit by their paths in the repository (for {@code -f PATH} with {@code --repo}). */
    public static List<SourceFile> stateFiles(RepoCommit commit, List<String> paths) throws InvalidInputException {
        List<SourceFile> files = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (String path : paths) {
            try {
                Optional<String> text = commit.tree().read(path);
                if (text.isPresent()) files.add(new SourceFile(commit.label(path), text.get()));
                else problems.add(Diagnostic.error(SourcePos.file(commit.label(path)), "no such file at commit " + commit.describe(),
                        "give a path relative to the top of the repository; files that are not committed are not read"));
            } catch (UnreadableInput e) {
                problems.add(e.diagnostic(commit.label(path)));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(Diagnostic.error(SourcePos.file(commit.label(path)), "cannot read: " + e.getMessage(), ""));
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return files;
    }
}

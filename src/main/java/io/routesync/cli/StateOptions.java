package io.routesync.cli;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.SourcePos;
import io.routesync.config.UnreadableInput;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.model.Ownership;
import io.routesync.run.InputFile;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the desired state comes from: state files and {@code --var}s for this host, or an inventory
 * whose hosts list their states (and give their variables); {@code --var} then overrides the
 * inventory for every selected host, like Ansible's extra vars.
 */
public final class StateOptions {

    @Option(names = {"-f", "--state"}, paramLabel = "FILE",
            description = "A desired-state YAML file; repeat to merge several.")
    List<Path> stateFiles = new ArrayList<>();

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE",
            description = "An Ansible inventory (YAML or INI): work on its hosts over SSH, each with the states in its routesync_states.")
    Path inventory;

    @Option(names = "--limit", paramLabel = "PATTERN",
            description = "With -i: only these hosts, as Ansible's --limit (edge, edge1, 'edge*', 'edge:!edge3', 'edge:&dc1').")
    String limit;

    @Option(names = "--var", paramLabel = "NAME=VALUE",
            description = "A variable for {{ NAME }} in state files; repeatable. With -i it overrides the inventory's value on every host.")
    Map<String, String> vars = new LinkedHashMap<>();

    @Option(names = "--proto-number", paramLabel = "N", defaultValue = "245",
            description = "The route/rule protocol number routesync tags its entries with (registered as 'routesync'; default ${DEFAULT-VALUE}).")
    int protocolTag;

    boolean hasStateFiles() {
        return !stateFiles.isEmpty();
    }

    /** Whether the hosts come from an inventory (-i); checks that -i, -f and --limit are combined sensibly. */
    boolean usesInventory() throws UserError {
        if (inventory != null && !stateFiles.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "-i and -f cannot be combined: with an inventory, each host's states come from its"
                    + " routesync_states");
        }
        if (limit != null && inventory == null) throw new UserError(ExitCodes.USAGE, "--limit selects inventory hosts: it needs -i FILE");
        return inventory != null;
    }

    Ownership ownership(LoadedState state) throws UserError {
        return new Ownership(state.state().ownedTables(), protocolTag());
    }

    int protocolTag() throws UserError {
        if (protocolTag < 1 || protocolTag > 255) {
            throw new UserError(ExitCodes.USAGE, "--proto-number " + protocolTag + " is out of range (1-255)");
        }
        return protocolTag;
    }

    /** The desired state the state files and --vars make, and what it was made of (for the apply records' digest). */
    record Loaded(LoadedState state, List<SourceFile> files, Variables variables) {
    }

    /** Reads and merges the state files; every problem in any of them is reported at once. */
    LoadedState load() throws InvalidInputException, UserError {
        return loadWithInputs().state();
    }

    /** {@link #load}, with the files as read and the --vars. */
    Loaded loadWithInputs() throws InvalidInputException, UserError {
        return loadWithInputs(readFiles());
    }

    /** The state files, read (the first step of {@link #loadWithInputs()}). */
    List<SourceFile> readFiles() throws InvalidInputException, UserError {
        if (stateFiles.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "no desired state given: pass -f FILE (e.g. -f states/dual-uplink.yml),"
                    + " or -i INVENTORY for a fleet");
        }
        return readAll(stateFiles);
    }

    /** The rest of {@link #loadWithInputs()}: the state {@code files} (as {@link #readFiles} read them) and the --vars make. */
    Loaded loadWithInputs(List<SourceFile> files) throws InvalidInputException, UserError {
        Variables variables = Variables.commandLine(vars);
        return new Loaded(StateLoader.load(files, variables, protocolTag), files, variables);
    }

    static List<SourceFile> readAll(List<Path> files) throws InvalidInputException {
        List<SourceFile> sources = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                sources.add(new SourceFile(file.toString(), InputFile.read(file)));
            } catch (NoSuchFileException e) {
                problems.add(Diagnostic.error(SourcePos.file(file.toString()), "no such file", "check the path given to -f"));
            } catch (UnreadableInput e) {
                problems.add(e.diagnostic(file.toString()));
            } catch (IOException e) {
                problems.add(Diagnostic.error(SourcePos.file(file.toString()), "cannot read the file: " + e.getMessage(), ""));
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return sources;
    }
}

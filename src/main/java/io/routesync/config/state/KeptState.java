package io.routesync.config.state;

import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.iproute2.Names;
import io.routesync.model.DesiredState;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desired state an apply keeps on the host ({@code STATE_DIR/desired.yaml}) so it can come up
 * converged without git or an inventory ({@code apply --last}, {@code watch}): the merged, expanded
 * state as one plain state file, no variables, no uplinks, with its probes and expectations
 * ({@link KeptChecks}). It is data: it is read back by
 * {@link StateLoader} like any state file, with the same limits and errors.
 */
public final class KeptState {
    /** The file's name in the state directory. */
    public static final String FILE = "desired.yaml";

    private KeptState() {
    }

    /**
     * The state as a state file, or null when it would not read back as exactly {@code desired} (an
     * owned table without a name, a route the state grammar cannot spell): then nothing is kept,
     * rather than a different state that a later boot would apply.
     */
    public static String text(DesiredState desired, int protocolTag) {
        return text(desired, protocolTag, KeptChecks.NONE);
    }

    /**
     * The same, with the probes and expectations {@code checks} after the entries, so {@code apply
     * --last} runs them too; when they would not read back as the same checks, the state without them.
     */
    public static String text(DesiredState desired, int protocolTag, KeptChecks checks) {
        String text = written(desired, protocolTag, checks);
        return text != null || checks.equals(KeptChecks.NONE) ? text : written(desired, protocolTag, KeptChecks.NONE);
    }

    private static String written(DesiredState desired, int protocolTag, KeptChecks checks) {
        Map<String, TableId> declared = new LinkedHashMap<>();
        for (TableName t : desired.tableNames()) declared.put(t.name(), t.id());
        Names names = Names.builtin().withProtocol(Ownership.PROTOCOL_NAME, protocolTag).withTables(declared);
        Map<TableId, List<Route>> routes = new LinkedHashMap<>();
        for (Route r : desired.routes()) routes.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r);
        String text = StateYamlRenderer.render(List.of("Kept by routesync: the desired state of its last apply here (routesync apply --last).",
                "Replaced on every apply; change the desired state in its repository or files instead."),
                declared, desired.rules(), routes, names, null) + checks.yaml(names);
        try {
            LoadedState back = read("kept", text, protocolTag);
            if (!back.state().equals(desired) || !checks.sameAs(back)) return null;
        } catch (InvalidInputException e) {
            return null;
        }
        return text;
    }

    /** Reads a kept state back, as a state file named {@code name}. */
    public static LoadedState read(String name, String text, int protocolTag) throws InvalidInputException {
        return StateLoader.load(List.of(new SourceFile(name, text)), Variables.commandLine(Map.of()), protocolTag);
    }
}

package io.routesync.cli;

import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.render.StateYamlRenderer;
import io.routesync.transport.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code routesync import}: the live non-default rules and the routes of the (non-kernel) tables they
 * look up, as a desired-state file that plans empty against the same host. Every entry keeps its
 * protocol, so applying the file elsewhere reproduces the same {@code ip} output.
 */
@Command(name = "import", sortOptions = false,
        description = {"Print the live non-default rules, and the routes of the tables they look up, as a desired-state"
                + " YAML file: 'plan' with it against the same host is empty. How to adopt a host configured by hand."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--proto-number", paramLabel = "N", defaultValue = "245",
            description = "The protocol number routesync tags its entries with (default ${DEFAULT-VALUE}).")
    int protocolTag;

    @Option(names = "--from", paramLabel = "FORMAT", description = "Read the rules and routes that these files configure instead of"
            + " a live host: interfaces (ifupdown), script (shell or ip -batch), netplan or networkd. Table names come from --etc-dir's"
            + " rt_tables. Exit 65 when something that may be routing could not be translated (it is listed).")
    String from;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "The files to read with --from (source lines follow only into these).")
    List<Path> files = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (from != null || !files.isEmpty()) {
            if (from == null) throw new UserError(ExitCodes.USAGE, "files given without --from FORMAT: say how to read them");
            return FileImport.run(out, spec.commandLine().getErr(), from, files, target, protocolTag);
        }
        Target t = target.target();
        HostReading reading = LiveState.read(t, target.paths(), target, List.of());
        Names names = reading.names().withProtocol(Ownership.PROTOCOL_NAME, protocolTag);
        List<Rule> rules = new ArrayList<>();
        for (Rule r : reading.observed().rules()) {
            if (!r.isDefaultRule()) rules.add(r);
        }
        Set<TableId> tables = LiveState.lookedUp(rules);
        Map<TableId, List<Route>> routes = LiveState.byTable(reading.observed().routes(), tables);
        Map<String, TableId> declared = new LinkedHashMap<>();
        List<TableId> unnamed = new ArrayList<>();
        for (TableId id : tables) {
            String name = names.tableName(id);
            if (name.equals(Long.toString(id.id()))) unnamed.add(id);
            else declared.put(name, id);
        }
        List<String> header = new ArrayList<>(List.of(
                "Imported by routesync from " + t.name() + ": its non-default rules and the routes of the tables they look up.",
                "Tables under 'tables:' are owned: routesync deletes routes in them that this file does not list.",
                "Every entry keeps its protocol, so applying this file elsewhere reproduces the same 'ip' output."));
        if (!unnamed.isEmpty()) {
            header.add("Tables " + unnamed + " have no name, so they are not owned (their routes are only added or");
            header.add("replaced); declare a name under 'tables:' to let routesync own them.");
        }
        out.print(StateYamlRenderer.render(header, declared, rules, routes, names, null));
        return ExitCodes.OK;
    }
}

package io.routesync.cli;

import io.routesync.apply.LiveReader;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.render.ImportYamlView;
import io.routesync.transport.Target;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
                + " YAML file: 'plan' with it against the same host is empty. How to adopt a host configured by hand.",
                "With --from FORMAT FILE...: the rules and routes those files configure instead (docs/import-formats.md)."})
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
        HostReading reading = LiveState.read(target, t, List.of());
        Names names = reading.names().withProtocol(Ownership.PROTOCOL_NAME, protocolTag);
        List<Rule> rules = LiveReader.nonDefault(reading.observed().rules());
        Map<TableId, List<Route>> routes = LiveReader.byTable(reading.observed().routes(), LiveReader.lookedUp(rules));
        out.print(ImportYamlView.render(t.name(), rules, routes, names));
        return ExitCodes.OK;
    }
}

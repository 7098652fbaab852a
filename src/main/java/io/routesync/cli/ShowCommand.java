package io.routesync.cli;

import io.routesync.apply.LivePolicy;
import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.model.HostPlan;
import io.routesync.model.TableId;
import io.routesync.render.PolicyDot;
import io.routesync.render.ShowJsonView;
import io.routesync.render.ShowYamlView;
import io.routesync.transport.Target;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code routesync show}: the live rules and routes, marked owned, foreign or kernel default. */
@Command(name = "show", sortOptions = false,
        description = {"Print the live rules and the routes of the tables they look up, as YAML, each marked: owned"
                + " (routesync would delete it if it were not desired), foreign (never deleted), kernel (default rule)."})
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Mixin
    StateOptions state;

    @Option(names = "--table", paramLabel = "TABLE", description = "Also list this table (a number, or main/local/default); repeatable.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document instead of YAML (the same as --format json).")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = {"yaml (default), json, dot (a Graphviz picture: rules -> tables -> routes -> gateways and"
                    + " interfaces, styled owned/foreign/kernel) or svg (that picture rendered; needs Graphviz's dot)."})
    String format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (state.usesInventory()) {
            throw new UserError(ExitCodes.USAGE, "show reads one host: use --netns NAME or run it on the host (plan -i shows a fleet)");
        }
        OutputFormat f = OutputFormat.choose(format, json, "yaml", List.of("yaml", "json", "dot", "svg"));
        java.nio.file.Path dot = f == OutputFormat.SVG ? Graphviz.require() : null;
        Target t = target.target();
        LoadedState loaded = state.hasStateFiles() ? state.load() : null;
        Set<TableId> always = new TreeSet<>();
        Names lookup = loaded != null ? loaded.names() : Names.builtin();
        for (String word : tables) {
            TableId id = lookup.table(word);
            if (id == null) throw new UserError(ExitCodes.USAGE, "--table " + word + ": not a table number or a known name");
            always.add(id);
        }
        if (loaded != null) always.addAll(loaded.state().tablesToRead());
        // a picture shows where every rule leads, the kernel's own tables included
        if (f.isPicture()) always.addAll(List.of(TableId.LOCAL, TableId.MAIN, TableId.DEFAULT));
        HostReading reading = LiveState.read(target, t, always);
        LivePolicy p = LivePolicy.of(reading, loaded != null ? loaded.state() : null, reading.names(), state.protocolTag);
        if (f.isPicture()) {
            String picture = PolicyDot.show(t.name(), p.rules(), p.routes(), p.names(), PolicyDot.Marks.of(p.ownership()));
            out.print(f == OutputFormat.SVG ? Graphviz.svg(dot, picture) : picture);
        } else if (f == OutputFormat.JSON) {
            out.print(ShowJsonView.render(t.name(), p.rules(), p.routes(), p.names(), p.ownership()));
        } else {
            out.print(ShowYamlView.render(t.name(), HostPlan.namesFile(t.netns()), reading.observed().managedTableNames(),
                    p.rules(), p.routes(), p.names(), p.ownership()));
        }
        return ExitCodes.OK;
    }
}

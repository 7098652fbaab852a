package io.routesync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.routesync.config.state.LoadedState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.IpSyntax;
import io.routesync.render.PolicyDot;
import io.routesync.render.StateYamlRenderer;
import io.routesync.transport.Target;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        HostReading reading = LiveState.read(t, target.paths(), target, always);
        Set<TableId> owned = new TreeSet<>();
        if (loaded != null) owned.addAll(loaded.state().ownedTables());
        else for (TableName n : reading.observed().managedTableNames()) owned.add(n.id());
        Ownership ownership = new Ownership(owned, state.protocolTag);
        Names names = reading.names().withProtocol(Ownership.PROTOCOL_NAME, state.protocolTag);
        Map<TableId, List<Route>> routes = LiveState.byTable(reading.observed().routes(), reading.observed().tablesRead());
        Remarks remarks = new Remarks(ownership);
        if (f.isPicture()) {
            String picture = PolicyDot.show(t.name(), reading.observed().rules(), routes, names, PolicyDot.Marks.of(ownership));
            out.print(f == OutputFormat.SVG ? Graphviz.svg(dot, picture) : picture);
            return ExitCodes.OK;
        }
        if (f == OutputFormat.JSON) {
            out.println(JSON.writeValueAsString(json(t.name(), reading, routes, names, remarks)));
            return ExitCodes.OK;
        }
        Map<String, TableId> declared = new LinkedHashMap<>();
        for (TableName n : reading.observed().managedTableNames()) declared.put(n.name(), n.id());
        List<String> header = List.of("Live policy routing of " + t.name() + ", as read by routesync.",
                "owned: routesync deletes it when it is not desired (it carries the tag, or its table is owned)",
                "foreign: routesync never deletes it; kernel: a default rule, never deleted",
                "tables: the names in " + HostPlan.namesFile(t.netns()));
        out.print(StateYamlRenderer.render(header, declared, reading.observed().rules(), routes, names, remarks));
        return ExitCodes.OK;
    }

    private static ObjectNode json(String host, HostReading reading, Map<TableId, List<Route>> routes, Names names, Remarks remarks) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", "1");
        root.put("host", host);
        ArrayNode rules = root.putArray("rules");
        for (Rule r : reading.observed().rules()) {
            ObjectNode n = rules.addObject();
            n.put("family", r.family().keyword());
            n.put("rule", IpSyntax.ruleArgs(r, names));
            n.put("ownership", remarks.rule(r));
        }
        ObjectNode tables = root.putObject("routes");
        routes.forEach((table, list) -> {
            ArrayNode a = tables.putArray(Long.toString(table.id()));
            for (Route r : list) {
                ObjectNode n = a.addObject();
                n.put("family", r.family().keyword());
                n.put("route", IpSyntax.routeArgs(r, names, false));
                n.put("ownership", remarks.route(r));
            }
        });
        return root;
    }

    /** The YAML's marks: the same owned/foreign/kernel as the picture's. */
    private static final class Remarks implements StateYamlRenderer.Remarks {
        private final PolicyDot.Marks marks;

        Remarks(Ownership ownership) {
            this.marks = PolicyDot.Marks.of(ownership);
        }

        @Override
        public String rule(Rule rule) {
            return marks.rule(rule);
        }

        @Override
        public String route(Route route) {
            return marks.route(route);
        }

        @Override
        public String table(TableId table) {
            return "table " + table.id() + (marks.ownsTable(table) ? ", owned" : "");
        }
    }
}

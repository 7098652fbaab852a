package io.routesync.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RtTablesParser;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.render.HumanPlanRenderer;
import io.routesync.render.Style;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden planner cases as folders: {@code desired.yml} (a state file), {@code observed.txt} (what
 * {@code ip} printed, in sections {@code # rules}, {@code # rules -6}, {@code # table N},
 * {@code # table N -6}, and {@code # names} for the lines of routesync's own rt_tables.d file) and
 * {@code plan.txt} (the human plan). Regenerate on purpose with
 * {@code -Droutesync.regenerate=true} and read the diff.
 */
class PlannerGoldenTest {

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planMatchesTheGoldenFile(String name) throws Exception {
        Path dir = root().resolve(name);
        LoadedState loaded = StateLoader.load(List.of(new SourceFile("desired.yml",
                Files.readString(dir.resolve("desired.yml")))), Variables.none(), Ownership.DEFAULT_PROTOCOL_TAG);
        Observed observed = observed(Files.readString(dir.resolve("observed.txt")), loaded.state().tablesToRead());
        HostPlan plan = Planner.plan(loaded.state(), observed, new Ownership(loaded.state().ownedTables(), Ownership.DEFAULT_PROTOCOL_TAG));
        String actual = HumanPlanRenderer.render("host", plan, loaded.names(), Style.PLAIN, loaded.state());
        Path golden = dir.resolve("plan.txt");
        if (Boolean.getBoolean("routesync.regenerate")) {
            Files.writeString(sourceOf(golden), actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(golden), actual);
    }

    /** Reads the sections of observed.txt with the real parsers; the tables listed count as read. */
    static Observed observed(String text, Set<TableId> mustRead) throws Exception {
        List<Rule> rules = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        List<TableName> names = new ArrayList<>();
        Set<TableId> read = new LinkedHashSet<>(mustRead);
        String header = null;
        StringBuilder body = new StringBuilder();
        for (String line : (text + "# end\n").split("\n", -1)) {
            if (!line.startsWith("# ")) {
                if (!line.isBlank()) body.append(line).append('\n');
                continue;
            }
            if (header != null) {
                String[] words = header.split(" ");
                Family family = header.endsWith(" -6") ? Family.INET6 : Family.INET;
                if (words[0].equals("names")) {
                    for (RtTablesParser.Entry e : RtTablesParser.parseTables(header, body.toString())) {
                        names.add(new TableName(e.name(), TableId.of(e.id())));
                    }
                } else if (words[0].equals("rules")) {
                    rules.addAll(RuleGrammar.parseShowOutput(body.toString(), family, Names.builtin(), header));
                } else {
                    TableId table = TableId.of(Long.parseLong(words[1]));
                    read.add(table);
                    routes.addAll(RouteGrammar.parseShow(body.toString(), family, table, Names.builtin(), header));
                }
            }
            header = line.substring(2).strip();
            body.setLength(0);
        }
        return new Observed(rules, routes, read, names, List.of(), Map.of());
    }

    static Path root() {
        try {
            return Path.of(PlannerGoldenTest.class.getResource("/plan/golden").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file under src/test/resources that the class-path copy came from. */
    private static Path sourceOf(Path copy) {
        return Path.of("src/test/resources/plan/golden").resolve(root().relativize(copy));
    }
}

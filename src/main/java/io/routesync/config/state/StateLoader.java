package io.routesync.config.state;

import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.SourcePos;
import io.routesync.config.Variables;
import io.routesync.config.yaml.YamlNode;
import io.routesync.config.yaml.YamlReader;
import io.routesync.iproute2.Names;
import io.routesync.lookup.Expectation;
import io.routesync.model.DesiredState;
import io.routesync.model.Ownership;
import io.routesync.model.Probe;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the state files that apply to one host (already read from disk or git) into one merged
 * {@link DesiredState}. Pure: no files, no processes. Every error of every file is collected and
 * thrown at once, sorted by place.
 */
public final class StateLoader {
    static final KeySet TOP_KEYS = new KeySet("a state file", List.of("tables", "rules", "routes", "uplinks", "probes", "expect"));

    private StateLoader() {
    }

    /**
     * Loads and merges {@code files} in the given order. {@code protocolTag} is the number routesync's
     * protocol name stands for on this host; entries without {@code proto}/{@code protocol} get it.
     */
    public static LoadedState load(List<SourceFile> files, Variables variables, int protocolTag) throws InvalidInputException {
        Problems problems = new Problems();
        List<StateFile> states = new ArrayList<>();
        for (SourceFile file : files) {
            StateFile s = StateFile.read(file, variables, problems);
            if (s != null) states.add(s);
        }

        List<Placed<TableName>> declared = new ArrayList<>();
        for (StateFile s : states) {
            YamlNode tables = s.root().get("tables");
            if (tables != null) declared.addAll(new TableSection(s.reader()).read(tables));
        }
        StateMerger merger = new StateMerger(problems);
        List<TableName> tableNames = merger.tables(declared);
        Map<String, TableId> byName = new HashMap<>();
        for (TableName t : tableNames) byName.put(t.name(), t.id());
        Names names = Names.builtin().withProtocol(Ownership.PROTOCOL_NAME, protocolTag).withTables(byName);
        EntryParser parser = new EntryParser(names, protocolTag, problems);
        TableRefs tableRefs = new TableRefs(names, problems);

        List<Placed<Rule>> rules = new ArrayList<>();
        List<Placed<Route>> routes = new ArrayList<>();
        List<Uplink> uplinks = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        List<Placed<Probe>> probes = new ArrayList<>();
        List<Placed<Expectation>> routeProbes = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            StateFile s = states.get(i);
            // once read, a file's tree can go: a large state then never holds every file's tree at once
            states.set(i, null);
            YamlNode expect = s.root().get("expect");
            if (expect != null) expectations.addAll(new ExpectSection(s.reader(), tableRefs).read(expect));
            List<Placed<Rule>> fileRules = new ArrayList<>();
            List<Placed<Route>> fileRoutes = new ArrayList<>();
            YamlNode node = s.root().get("rules");
            if (node != null) fileRules.addAll(new RuleSection(s.reader(), parser).read(node));
            node = s.root().get("routes");
            if (node != null) fileRoutes.addAll(new RouteSection(s.reader(), parser, tableRefs).read(node));
            node = s.root().get("uplinks");
            if (node != null) {
                for (Uplink u : new UplinkSection(s.reader(), parser, tableRefs).read(node)) {
                    uplinks.add(u);
                    for (Rule r : u.rules()) fileRules.add(new Placed<>(r, u.pos()));
                    for (Route r : u.routes()) fileRoutes.add(new Placed<>(r, u.pos()));
                }
            }
            // within a file, "first declared" means first in the text; across files, first in the given order
            inTextOrder(fileRules);
            inTextOrder(fileRoutes);
            rules.addAll(fileRules);
            routes.addAll(fileRoutes);
            node = s.root().get("probes");
            if (node != null) {
                ProbeSection.Read read = new ProbeSection(s.reader(), new ExpectSection(s.reader(), tableRefs)).read(node);
                probes.addAll(read.probes());
                routeProbes.addAll(read.routes());
            }
        }
        List<Probe> mergedProbes = ProbeSection.merge(probes, routeProbes, problems);
        UplinkPriorities.check(uplinks, problems);
        List<Placed<Rule>> mergedRules = merger.rules(rules, names);
        List<Route> mergedRoutes = merger.routes(routes, names);
        RuleWarnings.check(mergedRules, problems);
        if (problems.hasErrors()) throw new InvalidInputException(problems.errors());

        Set<TableId> owned = new LinkedHashSet<>();
        for (TableName t : tableNames) owned.add(t.id());
        for (Uplink u : uplinks) owned.add(u.table());
        DesiredState state = new DesiredState(tableNames, owned, values(mergedRules), mergedRoutes);
        return new LoadedState(state, names, problems.warnings(), mergedProbes, expectations, values(routeProbes));
    }

    /** Sorts by place; most lists are in order already (no uplinks), and checking that is cheaper than sorting. */
    private static <T> void inTextOrder(List<Placed<T>> placed) {
        SourcePos previous = null;
        for (int i = 0; i < placed.size(); i++) {
            SourcePos pos = placed.get(i).pos();
            if (previous != null && previous.compareTo(pos) > 0) {
                placed.sort(Comparator.comparing(Placed::pos));
                return;
            }
            previous = pos;
        }
    }

    private static <T> List<T> values(List<Placed<T>> placed) {
        List<T> out = new ArrayList<>(placed.size());
        for (Placed<T> p : placed) out.add(p.value());
        return out;
    }

    /** One parsed state file: its root mapping and the reader that knows its text. */
    private record StateFile(YamlNode.Mapping root, NodeReader reader) {
        static StateFile read(SourceFile file, Variables variables, Problems problems) {
            YamlNode root;
            try {
                root = YamlReader.read(file);
            } catch (InvalidInputException e) {
                problems.addAll(e.diagnostics());
                return null;
            }
            if (NodeReader.isEmpty(root)) {
                // a truncated or emptied file would otherwise delete everything routesync owns
                problems.error(SourcePos.file(file.name()), "the state file is empty: it would delete every rule, route and table name routesync owns on the host",
                        "if that is meant, write '{}' (or 'tables: {}') in the file; otherwise check that the file is complete");
                return null;
            }
            if (!(root instanceof YamlNode.Mapping)) {
                problems.error(root.pos(), "a state file must be a mapping with 'tables:', 'rules:', 'routes:' and 'uplinks:', not "
                        + NodeReader.kind(root), "start the file with one of those keys at the left margin");
                return null;
            }
            YamlNode.Mapping mapping = (YamlNode.Mapping) root;
            boolean knownKeys = TOP_KEYS.check(mapping, problems);
            if (knownKeys && !mapping.fields().isEmpty() && mapping.fields().stream().allMatch(f -> NodeReader.isEmpty(f.value()))) {
                // 'tables:' alone is what a file cut after its first line looks like: empty only when it says so ({} or [])
                YamlNode.Field first = mapping.fields().get(0);
                problems.error(first.keyPos(), "the state file is empty: no section has a value ('" + first.key() + ":' with nothing after"
                        + " it), which would delete every rule, route and table name routesync owns on the host",
                        "if that is meant, write '{}' (or 'tables: {}') in the file; otherwise check that the file is complete");
                return null;
            }
            return new StateFile(mapping, new NodeReader(file.content(), variables, problems));
        }
    }
}

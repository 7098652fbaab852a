package io.routesync.config.inventory;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.UnreadableInput;
import io.routesync.config.SourcePos;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads an Ansible inventory (YAML or INI) with its group_vars/ and host_vars/ from an
 * {@link InventorySource}, and gives every host its connection, resolved variables and state files.
 * Problems are collected, not thrown one by one: structural ones (syntax, shapes, names, files) first,
 * then everything wrong with any host's variables, each set reported at once.
 */
public final class InventoryReader {

    /**
     * Where state files are looked up. Empty means: {@code states/} in the inventory file's directory
     * if there is one, else {@code states/} beside that directory (the layout inventory/ + states/).
     */
    public record Options(Optional<String> statesDir) {
        public static Options defaults() {
            return new Options(Optional.empty());
        }
    }

    private final InventorySource source;
    private final String path;
    private final Options options;
    private final List<Diagnostic> problems = new ArrayList<>();

    private InventoryReader(InventorySource source, String path, Options options) {
        this.source = source;
        this.path = path;
        this.options = options;
    }

    public static Inventory read(InventorySource source, String inventoryPath) throws InvalidInputException {
        return read(source, inventoryPath, Options.defaults());
    }

    public static Inventory read(InventorySource source, String inventoryPath, Options options) throws InvalidInputException {
        return new InventoryReader(source, inventoryPath, options).read();
    }

    private Inventory read() throws InvalidInputException {
        String content = content();
        InventoryTree tree = new InventoryTree(path);
        if (InventoryFormat.detect(path, content) == InventoryFormat.YAML) YamlInventoryParser.parse(new SourceFile(path, content), tree);
        else IniInventoryParser.parse(new SourceFile(path, content), tree);
        problems.addAll(tree.problems);
        tree.finish();
        warnNameClashes(tree);

        String dir = InventorySource.parent(path);
        VarsFiles files = new VarsFiles(source, dir, problems);
        Map<String, List<Variable>> groupFiles = new HashMap<>();
        for (String g : tree.groups.keySet()) groupFiles.put(g, files.of(VarsFiles.GROUP_VARS, g));
        Map<String, List<Variable>> hostFiles = new HashMap<>();
        for (String h : tree.hosts.keySet()) hostFiles.put(h, files.of(VarsFiles.HOST_VARS, h));
        files.warnUnused(tree.groups.keySet(), tree.hosts.keySet());
        Precedence precedence = new Precedence(tree, groupFiles, problems);
        StateLocator states = new StateLocator(source, statesDir(dir), problems);
        stopOnErrors(problems);

        HostProblems hostProblems = new HostProblems();
        List<Host> hosts = new ArrayList<>();
        for (InventoryTree.HostDef def : tree.hosts.values()) {
            Map<String, Variable> merged = precedence.forHost(def, hostFiles.get(def.name));
            Map<String, Variable> vars = new TemplateResolver(def.name, def.pos, merged, hostProblems).resolveAll();
            Connection connection = ConnectionReader.read(def.name, vars, hostProblems);
            List<StateRef> refs = states.locate(def.name, vars.get(StateLocator.VARIABLE), hostProblems);
            List<String> groups = new ArrayList<>();
            for (InventoryTree.GroupDef g : precedence.groupsOf(def)) groups.add(g.name);
            groups.sort(null);
            hosts.add(new Host(def.name, def.pos, groups, connection, vars, refs));
        }
        problems.addAll(hostProblems.diagnostics());
        stopOnErrors(problems);
        return new Inventory(path, hosts, groups(tree), problems);
    }

    private String content() throws InvalidInputException {
        try {
            Optional<String> text = source.read(path);
            if (text.isPresent()) return text.get();
            problems.add(Diagnostic.error(SourcePos.file(path), "no such inventory file", "give the path of a YAML or INI inventory file"));
        } catch (IOException e) {
            problems.add(UnreadableInput.diagnostic(path, e));
        }
        throw new InvalidInputException(problems);
    }

    private String statesDir(String inventoryDir) {
        if (options.statesDir().isPresent()) return options.statesDir().get();
        String inside = InventorySource.join(inventoryDir, "states");
        if (inventoryDir.isEmpty() || hasDirectory(inventoryDir, "states")) return inside;
        // neither exists: name the usual place (inventory/ and states/ side by side) in errors
        return InventorySource.join(InventorySource.parent(inventoryDir), "states");
    }

    private boolean hasDirectory(String dir, String name) {
        try {
            return source.list(dir).stream().anyMatch(e -> e.directory() && e.name().equals(name));
        } catch (IOException e) {
            return false;
        }
    }

    // Ansible warns about these too: a pattern naming both would select the group and the host.
    private void warnNameClashes(InventoryTree tree) {
        for (InventoryTree.HostDef h : tree.hosts.values()) {
            if (tree.groups.containsKey(h.name)) {
                problems.add(Diagnostic.warning(h.pos, "host '" + h.name + "' has the same name as a group",
                        "rename one of them; --limit '" + h.name + "' selects both"));
            }
        }
    }

    private static Map<String, Group> groups(InventoryTree tree) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (InventoryTree.GroupDef g : tree.groups.values()) {
            TreeSet<InventoryTree.HostDef> members = new TreeSet<>((a, b) -> Integer.compare(a.index, b.index));
            collectHosts(tree, g, members);
            List<String> names = new ArrayList<>();
            for (InventoryTree.HostDef h : members) names.add(h.name);
            groups.put(g.name, new Group(g.name, g.pos, g.depth, g.parents, g.children, names));
        }
        return groups;
    }

    private static void collectHosts(InventoryTree tree, InventoryTree.GroupDef g, TreeSet<InventoryTree.HostDef> into) {
        for (String h : g.hosts) into.add(tree.hosts.get(h));
        for (String c : g.children) collectHosts(tree, tree.groups.get(c), into);
    }

    private static void stopOnErrors(List<Diagnostic> problems) throws InvalidInputException {
        if (problems.stream().anyMatch(Diagnostic::isError)) throw new InvalidInputException(problems);
    }
}

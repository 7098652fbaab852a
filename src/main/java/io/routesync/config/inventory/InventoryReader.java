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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads an Ansible inventory (YAML or INI) with its group_vars/ and host_vars/ from an
 * {@link InventorySource}, and gives every host its connection, variables and state files. Structural
 * problems (syntax, shapes, names, files) are collected and thrown at once; what is wrong with one
 * host's values stays with that host ({@link Host#problems()}), for the run that selects it.
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

        Map<String, Group> groups = groups(tree);
        Map<String, List<String>> groupHosts = new LinkedHashMap<>();
        groups.forEach((name, g) -> groupHosts.put(name, g.hosts()));
        MagicVariables magic = new MagicVariables(source.absolute(path), groupHosts);
        List<Host> hosts = new ArrayList<>();
        for (InventoryTree.HostDef def : tree.hosts.values()) hosts.add(host(def, precedence, hostFiles.get(def.name), magic, states));
        return new Inventory(path, hosts, groups, problems);
    }

    /**
     * One host with the variables routesync reads templated, its connection and its states. What is
     * wrong with them stays with the host: it is an error only when the host is selected.
     */
    private static Host host(InventoryTree.HostDef def, Precedence precedence, List<Variable> hostFiles, MagicVariables magic, StateLocator states) {
        Map<String, Variable> merged = precedence.forHost(def, hostFiles);
        List<String> groups = new ArrayList<>();
        for (InventoryTree.GroupDef g : precedence.groupsOf(def)) groups.add(g.name);
        groups.sort(null);
        TemplateResolver templates = new TemplateResolver(merged, magic.of(def.name, groups));
        HostProblems problems = new HostProblems();
        Map<String, Variable> used = new TreeMap<>();
        for (String name : merged.keySet()) {
            if (!readByRoutesync(name)) continue;
            Host.Resolved r = templates.resolve(name);
            r.variable().ifPresent(v -> used.put(name, v));
            for (Diagnostic d : r.problems()) problems.error(def.name, d.pos(), d.message(), d.fix());
        }
        Connection connection = ConnectionReader.read(def.name, def.pos, used, problems);
        List<StateRef> refs = states.locate(def.name, used.get(StateLocator.VARIABLE), problems);
        List<Diagnostic> found = problems.unfolded();
        if (found.stream().anyMatch(Diagnostic::isError)) connection = null;
        return new Host(def.name, def.pos, groups, connection, merged, refs, found, templates);
    }

    /** The variables routesync itself reads for every selected host: connection ones and its own. */
    static boolean readByRoutesync(String name) {
        return name.startsWith("routesync_") || ConnectionReader.VARIABLES.contains(name);
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
            groups.put(g.name, new Group(g.name, g.pos, g.depth, g.parents, g.children, g.hosts, ansibleOrder(tree, g)));
        }
        return groups;
    }

    /**
     * A group's hosts in the order Ansible's Group.get_hosts() gives them, which subscripts count in:
     * the group's own hosts, then its children's, then their children's, level by level (each level
     * in declaration order; Ansible walks levels below the children in set order, so deeper levels
     * can differ between Ansible runs), each host once.
     */
    private static List<String> ansibleOrder(InventoryTree tree, InventoryTree.GroupDef group) {
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>(List.of(group.name));
        List<InventoryTree.GroupDef> level = List.of(group);
        while (!level.isEmpty()) {
            for (InventoryTree.GroupDef g : level) hosts.addAll(g.hosts);
            List<InventoryTree.GroupDef> next = new ArrayList<>();
            for (InventoryTree.GroupDef g : level) {
                for (String c : g.children) {
                    if (seen.add(c)) next.add(tree.groups.get(c));
                }
            }
            level = next;
        }
        return new ArrayList<>(hosts);
    }

    private static void stopOnErrors(List<Diagnostic> problems) throws InvalidInputException {
        if (problems.stream().anyMatch(Diagnostic::isError)) throw new InvalidInputException(problems);
    }
}

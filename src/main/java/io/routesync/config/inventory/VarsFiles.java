package io.routesync.config.inventory;

import io.routesync.config.Nearest;
import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.UnreadableInput;
import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;
import io.routesync.config.yaml.YamlReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code group_vars/} and {@code host_vars/} directories beside the inventory file, read the way
 * Ansible's host_group_vars plugin reads them: for a name it takes the first of {@code NAME} (a file,
 * or a directory whose files are merged in name order, recursively), {@code NAME.yml},
 * {@code NAME.yaml}, {@code NAME.json}. Unlike Ansible it warns about the candidates it ignores and
 * about files whose name matches no group or host.
 */
final class VarsFiles {
    static final String GROUP_VARS = "group_vars";
    static final String HOST_VARS = "host_vars";
    private static final List<String> EXTENSIONS = List.of(".yml", ".yaml", ".json");

    private final InventorySource source;
    private final String baseDir;
    private final List<Diagnostic> problems;
    private final Map<String, List<InventorySource.Entry>> listings = new HashMap<>();

    VarsFiles(InventorySource source, String baseDir, List<Diagnostic> problems) {
        this.source = source;
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /** The variables of one group or host ({@code kind} is group_vars or host_vars), in merge order: later ones win. */
    List<Variable> of(String kind, String name) {
        String dir = InventorySource.join(baseDir, kind);
        List<InventorySource.Entry> entries = list(dir);
        InventorySource.Entry chosen = null;
        List<String> candidates = new ArrayList<>(List.of(name));
        for (String ext : EXTENSIONS) candidates.add(name + ext);
        for (String candidate : candidates) {
            Optional<InventorySource.Entry> found = entries.stream().filter(e -> e.name().equals(candidate)).findFirst();
            if (found.isEmpty()) continue;
            if (chosen == null) {
                chosen = found.get();
            } else {
                problems.add(Diagnostic.warning(SourcePos.file(InventorySource.join(dir, candidate)),
                        "ignored: " + InventorySource.join(dir, chosen.name()) + " already holds the variables of '" + name + "'",
                        "Ansible reads only the first of " + name + ", " + name + ".yml, " + name + ".yaml, " + name + ".json; merge them into one"));
            }
        }
        if (chosen == null) return List.of();
        List<String> files = new ArrayList<>();
        String path = InventorySource.join(dir, chosen.name());
        if (chosen.directory()) collect(path, files);
        else files.add(path);
        List<Variable> vars = new ArrayList<>();
        for (String file : files) read(file, vars);
        return vars;
    }

    /** Warns about group_vars/ and host_vars/ entries that no group or host will ever read. */
    void warnUnused(Set<String> groups, Set<String> hosts) {
        warnUnused(GROUP_VARS, groups, "group");
        warnUnused(HOST_VARS, hosts, "host");
    }

    private void warnUnused(String kind, Set<String> names, String what) {
        String dir = InventorySource.join(baseDir, kind);
        for (InventorySource.Entry e : list(dir)) {
            if (skipped(e.name()) || names.contains(e.name())) continue;
            String name = e.name();
            String ext = extension(name);
            if (EXTENSIONS.contains(ext)) name = name.substring(0, name.length() - ext.length());
            else if (!ext.isEmpty() && !e.directory()) continue; // README.md and the like: not variables
            if (names.contains(name)) continue;
            problems.add(Diagnostic.warning(SourcePos.file(InventorySource.join(dir, e.name())),
                    "no " + what + " '" + name + "' in the inventory: these variables are not used" + Nearest.hint(name, names),
                    "rename it after a " + what + " of the inventory, or remove it"));
        }
    }

    // A directory's files in name order, subdirectories (without an extension) recursively; only files
    // without an extension or with a YAML/JSON one count, and hidden files and editor backups never do.
    private void collect(String dir, List<String> out) {
        for (InventorySource.Entry e : list(dir)) {
            if (skipped(e.name())) continue;
            String ext = extension(e.name());
            String path = InventorySource.join(dir, e.name());
            if (e.directory()) {
                if (ext.isEmpty()) collect(path, out);
            } else if (ext.isEmpty() || EXTENSIONS.contains(ext)) {
                out.add(path);
            }
        }
    }

    private void read(String path, List<Variable> out) {
        String content;
        try {
            content = source.read(path).orElse("");
        } catch (IOException e) {
            problems.add(UnreadableInput.diagnostic(path, e));
            return;
        }
        if (content.startsWith("$ANSIBLE_VAULT;")) {
            problems.add(Diagnostic.warning(SourcePos.file(path), "skipped: this file is encrypted with ansible-vault",
                    "routesync cannot decrypt vault files; keep the variables routesync needs in a plain file"));
            return;
        }
        YamlNode root;
        try {
            root = YamlReader.read(new SourceFile(path, content));
        } catch (InvalidInputException e) {
            problems.addAll(e.diagnostics());
            return;
        }
        if (Variable.empty(root)) return;
        if (!(root instanceof YamlNode.Mapping)) {
            problems.add(Diagnostic.error(root.pos(), "a variables file must be a mapping of name: value, found " + root.kind(),
                    "write one 'name: value' per line"));
            return;
        }
        for (YamlNode.Field f : ((YamlNode.Mapping) root).fields()) {
            if (!InventoryNames.isVariable(f.key())) problems.add(InventoryNames.oddVariable(f.key(), f.keyPos()));
            out.add(new Variable(f.key(), f.value(), f.keyPos()));
        }
    }

    private List<InventorySource.Entry> list(String dir) {
        return listings.computeIfAbsent(dir, d -> {
            try {
                return source.list(d);
            } catch (IOException e) {
                problems.add(Diagnostic.error(SourcePos.file(d), "cannot list: " + e.getMessage(), ""));
                return List.of();
            }
        });
    }

    private static boolean skipped(String name) {
        return name.startsWith(".") || name.endsWith("~");
    }

    /** Python's os.path.splitext: from the last dot, unless the name only starts with dots. */
    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int lead = 0;
        while (lead < name.length() && name.charAt(lead) == '.') lead++;
        return dot >= lead ? name.substring(dot) : "";
    }
}

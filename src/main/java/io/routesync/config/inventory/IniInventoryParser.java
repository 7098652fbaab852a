package io.routesync.config.inventory;

import io.routesync.config.Nearest;
import io.routesync.config.SourceFile;
import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's INI inventory: {@code [group]} sections of host lines ({@code name key=value ...}),
 * {@code [group:vars]} sections of {@code key=value} lines, {@code [group:children]} sections of group
 * names, host lines before any section (ungrouped), and '#' or ';' comment lines. As in Ansible, a
 * group is declared by {@code [group]} or {@code [group:children]}; vars for, or a child naming, a
 * group that is never declared is an error. Every problem in the file is reported, not only the first.
 */
final class IniInventoryParser {
    private static final Pattern SECTION = Pattern.compile("\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:[#;].*)?");
    private static final Pattern CHILD = Pattern.compile("([^:\\]\\s]+)\\s*(?:[#;].*)?");

    private final InventoryTree tree;
    private final String file;
    private final Set<String> declared = new HashSet<>(Set.of(InventoryTree.ALL, InventoryTree.UNGROUPED));
    // references that need a declaration somewhere in the file, checked at the end
    private final Map<String, SourcePos> varsSections = new LinkedHashMap<>();
    private final List<ChildRef> childRefs = new ArrayList<>();
    // children named before their group exists, by child, linked when the child's section comes
    private final Map<String, List<ChildRef>> pending = new LinkedHashMap<>();

    private record ChildRef(String parent, String child, SourcePos pos) {
    }

    private IniInventoryParser(InventoryTree tree, String file) {
        this.tree = tree;
        this.file = file;
    }

    static void parse(SourceFile source, InventoryTree tree) {
        new IniInventoryParser(tree, source.name()).parseLines(source.content());
    }

    private void parseLines(String content) {
        String[] lines = content.split("\n", -1);
        InventoryTree.GroupDef group = tree.groups.get(InventoryTree.UNGROUPED);
        String kind = "hosts";
        for (int n = 0; n < lines.length; n++) {
            String raw = lines[n].endsWith("\r") ? lines[n].substring(0, lines[n].length() - 1) : lines[n];
            String line = raw.strip();
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') continue;
            int indent = raw.indexOf(line.charAt(0));
            SourcePos at = new SourcePos(file, n + 1, indent + 1);
            if (line.equals("---")) {
                // reading on would only bury this in errors about every YAML line
                tree.error(at, "'---' in an INI inventory: this looks like a YAML file", "give a YAML inventory a .yml or .yaml name");
                return;
            }
            if (line.startsWith("[")) {
                Matcher m = SECTION.matcher(line);
                if (!m.matches()) {
                    tree.error(at, "invalid section header '" + line + "'", "write [group], [group:vars] or [group:children], without spaces");
                    kind = "invalid";
                    continue;
                }
                kind = m.group(2) == null ? "hosts" : m.group(2);
                group = section(m.group(1), kind, at);
                if (group == null) kind = "invalid";
                continue;
            }
            switch (kind) {
                case "hosts":
                    hostLine(group, raw, at);
                    break;
                case "vars":
                    varsLine(group, line, at);
                    break;
                case "children":
                    childLine(group, line, at);
                    break;
                default:
                    // the section header was already reported; its lines would only repeat the error
            }
        }
        checkDeclarations();
    }

    private InventoryTree.GroupDef section(String name, String kind, SourcePos at) {
        if (!kind.equals("hosts") && !kind.equals("vars") && !kind.equals("children")) {
            tree.error(at, "section [" + name + ":" + kind + "] has an unknown type '" + kind + "'" + Nearest.hint(kind, List.of("vars", "children")),
                    "a section is [group], [group:vars] or [group:children]");
            return null;
        }
        if (!InventoryNames.isGroup(name)) {
            tree.error(at.plusColumns(1), "group name '" + name + "' is not valid",
                    "a group name is letters, digits, '_', '-' and '.', and starts with a letter, digit or '_'");
            return null;
        }
        if (kind.equals("vars")) varsSections.putIfAbsent(name, at);
        else declared.add(name);
        InventoryTree.GroupDef group = tree.group(name, at.plusColumns(1));
        if (!kind.equals("vars")) addPendingChildren(name);
        return group;
    }

    /**
     * Ansible's ini plugin links a child named before its own section only when that section comes,
     * so a parent's children are in the order the children were declared, which is the order its
     * subscripts count in (openshift-ansible's OSEv3[-1]).
     */
    private void addPendingChildren(String child) {
        List<ChildRef> waiting = pending.remove(child);
        if (waiting == null) return;
        for (ChildRef ref : waiting) {
            tree.addChild(tree.groups.get(ref.parent()), tree.groups.get(child), ref.pos());
            if (pending.containsKey(ref.parent()) && declared.contains(ref.parent())) addPendingChildren(ref.parent());
        }
    }

    private void hostLine(InventoryTree.GroupDef group, String raw, SourcePos lineStart) {
        List<ShellWords.Word> words;
        try {
            words = ShellWords.split(raw, true);
        } catch (ShellWords.Unsplittable e) {
            tree.error(new SourcePos(file, lineStart.line(), e.column), "cannot split this host line: " + e.getMessage(),
                    "close the quote, or quote the whole value: key=\"value with spaces\"");
            return;
        }
        if (words.isEmpty()) return;
        ShellWords.Word first = words.get(0);
        SourcePos hostPos = new SourcePos(file, lineStart.line(), first.column());
        Map<String, Variable> vars = new LinkedHashMap<>();
        for (ShellWords.Word w : words.subList(1, words.size())) {
            SourcePos pos = new SourcePos(file, lineStart.line(), w.column());
            int eq = w.text().indexOf('=');
            if (eq <= 0) {
                tree.error(pos, "expected key=value after the host name, got '" + w.text() + "'",
                        "write host variables as name=value (quote values with spaces: name=\"a b\")");
                continue;
            }
            String key = w.text().substring(0, eq);
            if (!InventoryNames.isVariable(key)) tree.problems.add(InventoryNames.oddVariable(key, pos));
            vars.put(key, new Variable(key, IniValues.fromHostLine(w.text().substring(eq + 1), pos.plusColumns(eq + 1)), pos));
        }
        HostPattern.Expansion expansion = HostPattern.expand(first.text(), hostPos, tree.problems);
        for (String name : expansion.names()) {
            InventoryTree.HostDef host = tree.host(name, hostPos);
            tree.addHost(group, host);
            if (expansion.port() != null) {
                SourcePos portPos = hostPos.plusColumns(first.text().lastIndexOf(':') + 1);
                host.vars.put("ansible_port", new Variable("ansible_port", new YamlNode.Scalar(portPos, expansion.port()), portPos));
            }
            host.vars.putAll(vars);
        }
    }

    private void varsLine(InventoryTree.GroupDef group, String line, SourcePos at) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            tree.error(at, "expected key=value in [" + group.name + ":vars], got '" + line + "'", "write one name=value per line");
            return;
        }
        String key = line.substring(0, eq).strip();
        if (!InventoryNames.isVariable(key)) tree.problems.add(InventoryNames.oddVariable(key, at));
        group.vars.put(key, new Variable(key, IniValues.fromVarsLine(line.substring(eq + 1), at.plusColumns(eq + 1)), at));
    }

    private void childLine(InventoryTree.GroupDef group, String line, SourcePos at) {
        Matcher m = CHILD.matcher(line);
        if (!m.matches() || !InventoryNames.isGroup(m.group(1))) {
            tree.error(at, "expected a group name in [" + group.name + ":children], got '" + line + "'", "write one group name per line");
            return;
        }
        String child = m.group(1);
        childRefs.add(new ChildRef(group.name, child, at));
        if (tree.groups.containsKey(child)) tree.addChild(group, tree.groups.get(child), at);
        else pending.computeIfAbsent(child, c -> new ArrayList<>()).add(new ChildRef(group.name, child, at));
    }

    private void checkDeclarations() {
        for (ChildRef ref : childRefs) {
            String child = ref.child();
            if (!declared.contains(child)) {
                tree.error(ref.pos(), "[" + ref.parent() + ":children] names group '" + child + "', which is not declared" + Nearest.hint(child, declared),
                        "declare it with a [" + child + "] section (it may be empty) or fix the name");
            }
        }
        for (Map.Entry<String, SourcePos> e : varsSections.entrySet()) {
            if (!declared.contains(e.getKey())) {
                tree.error(e.getValue(), "[" + e.getKey() + ":vars] is for group '" + e.getKey() + "', which is not declared" + Nearest.hint(e.getKey(), declared),
                        "declare it with a [" + e.getKey() + "] or [" + e.getKey() + ":children] section, or fix the name");
            }
        }
    }
}

package io.routesync.config.inventory;

import io.routesync.config.Nearest;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;
import io.routesync.config.yaml.YamlReader;
import java.util.List;
import java.util.Map;

/**
 * Ansible's YAML inventory: top-level keys are groups (usually just {@code all}); a group has
 * {@code hosts:}, {@code children:} and {@code vars:}; a host maps to its variables or to nothing.
 * Unlike Ansible, which warns and skips, an unexpected key or shape is an error: a skipped typo would
 * silently leave a host without its variables.
 */
final class YamlInventoryParser {
    private static final List<String> GROUP_KEYS = List.of("hosts", "children", "vars");

    private static final java.util.regex.Pattern YAML_NUMBER =
            java.util.regex.Pattern.compile("[-+]?(0|[1-9][0-9_]*|0[0-7_]+|0x[0-9a-fA-F_]+)(\\.[0-9_]*)?([eE][-+]?[0-9]+)?");

    private final InventoryTree tree;
    private final String[] lines;

    private YamlInventoryParser(InventoryTree tree, String content) {
        this.tree = tree;
        this.lines = content.split("\n", -1);
    }

    static void parse(SourceFile file, InventoryTree tree) {
        YamlNode root;
        try {
            root = YamlReader.read(file);
        } catch (InvalidInputException e) {
            tree.problems.addAll(e.diagnostics());
            return;
        }
        new YamlInventoryParser(tree, file.content()).parseRoot(root, file.name());
    }

    private void parseRoot(YamlNode root, String file) {
        if (Variable.empty(root)) {
            tree.error(SourcePos.file(file), "the inventory is empty", "start with 'all:' and list hosts under 'hosts:'");
            return;
        }
        if (!(root instanceof YamlNode.Mapping)) {
            tree.error(root.pos(), "an inventory is a mapping of groups, found " + root.kind(), "start with 'all:' and list hosts under 'hosts:'");
            return;
        }
        YamlNode.Mapping groups = (YamlNode.Mapping) root;
        if (groups.field("plugin") != null) {
            tree.error(groups.field("plugin").keyPos(), "inventory plugin configurations are not supported",
                    "use a static YAML or INI inventory (all: hosts: children: vars:)");
            return;
        }
        for (YamlNode.Field f : groups.fields()) parseGroup(f.key(), f.keyPos(), f.value(), null);
    }

    private void parseGroup(String name, SourcePos at, YamlNode body, InventoryTree.GroupDef parent) {
        if (!InventoryNames.isGroup(name)) {
            tree.error(at, "group name '" + name + "' is not valid",
                    "a group name is letters, digits, '_', '-' and '.', and starts with a letter, digit or '_'");
            return;
        }
        InventoryTree.GroupDef group = tree.group(name, at);
        if (parent != null) tree.addChild(parent, group, at);
        if (Variable.empty(body)) return;
        if (!(body instanceof YamlNode.Mapping)) {
            tree.error(body.pos(), "group '" + name + "' must be a mapping with hosts:, children: or vars:, found " + body.kind(),
                    "list hosts under '" + name + ":' -> 'hosts:', one 'name:' per line");
            return;
        }
        for (YamlNode.Field f : ((YamlNode.Mapping) body).fields()) {
            switch (f.key()) {
                case "hosts":
                    parseHosts(group, f.value());
                    break;
                case "children":
                    parseChildren(group, f.value());
                    break;
                case "vars":
                    parseVars(group.vars, f.value(), "vars of group '" + name + "'");
                    break;
                default:
                    tree.error(f.keyPos(), "unknown key '" + f.key() + "' in group '" + name + "'" + Nearest.hint(f.key(), GROUP_KEYS),
                            "a group has only hosts:, children: and vars:; a host goes under hosts:, a child group under children:");
            }
        }
    }

    private void parseHosts(InventoryTree.GroupDef group, YamlNode hosts) {
        if (Variable.empty(hosts)) return;
        if (hosts instanceof YamlNode.Scalar) {
            // Ansible accepts 'hosts: name' for a single host without variables
            YamlNode.Scalar single = (YamlNode.Scalar) hosts;
            addHosts(group, single.text(), single.pos(), null);
            return;
        }
        if (!(hosts instanceof YamlNode.Mapping)) {
            tree.error(hosts.pos(), "hosts of group '" + group.name + "' must be a mapping, found " + hosts.kind(),
                    "write each host as 'name:' on its own line (with its variables indented below), not as a list item");
            return;
        }
        for (YamlNode.Field f : ((YamlNode.Mapping) hosts).fields()) {
            if (YAML_NUMBER.matcher(f.key()).matches() && !quoted(f.keyPos())) {
                // Ansible refuses it too ("Host pattern 1234 must be a string"): YAML made it a number
                tree.error(f.keyPos(), "host name " + f.key() + " is a number in YAML", "quote it: '\"" + f.key() + "\":'");
                continue;
            }
            addHosts(group, f.key(), f.keyPos(), f.value());
        }
    }

    private void addHosts(InventoryTree.GroupDef group, String entry, SourcePos at, YamlNode vars) {
        HostPattern.Expansion expansion = HostPattern.expand(entry, at, tree.problems);
        if (vars != null && !(vars instanceof YamlNode.Mapping) && !Variable.empty(vars)) {
            tree.error(vars.pos(), "host '" + entry + "' must map to its variables or to nothing, found " + vars.kind(),
                    "write 'name:' alone, or 'name:' followed by indented 'variable: value' lines");
            return;
        }
        for (String name : expansion.names()) {
            InventoryTree.HostDef host = tree.host(name, at);
            tree.addHost(group, host);
            if (expansion.port() != null) {
                SourcePos portPos = at.plusColumns(entry.lastIndexOf(':') + 1);
                host.vars.put("ansible_port", new Variable("ansible_port", new YamlNode.Scalar(portPos, expansion.port()), portPos));
            }
            if (vars instanceof YamlNode.Mapping) parseVars(host.vars, vars, "variables of host '" + name + "'");
        }
    }

    private boolean quoted(SourcePos at) {
        if (at.line() < 1 || at.line() > lines.length) return false;
        String line = lines[at.line() - 1];
        int i = at.column() - 1;
        return i >= 0 && i < line.length() && (line.charAt(i) == '"' || line.charAt(i) == '\'');
    }

    private void parseChildren(InventoryTree.GroupDef group, YamlNode children) {
        if (Variable.empty(children)) return;
        if (children instanceof YamlNode.Scalar) {
            YamlNode.Scalar single = (YamlNode.Scalar) children;
            parseGroup(single.text(), single.pos(), new YamlNode.Scalar(single.pos(), null), group);
            return;
        }
        if (!(children instanceof YamlNode.Mapping)) {
            tree.error(children.pos(), "children of group '" + group.name + "' must be a mapping of groups, found " + children.kind(),
                    "write each child group as 'name:' on its own line, not as a list item");
            return;
        }
        for (YamlNode.Field f : ((YamlNode.Mapping) children).fields()) parseGroup(f.key(), f.keyPos(), f.value(), group);
    }

    private void parseVars(Map<String, Variable> into, YamlNode vars, String what) {
        if (Variable.empty(vars)) return;
        if (!(vars instanceof YamlNode.Mapping)) {
            tree.error(vars.pos(), what + " must be a mapping of name: value, found " + vars.kind(), "write one 'name: value' per line");
            return;
        }
        for (YamlNode.Field f : ((YamlNode.Mapping) vars).fields()) {
            // Ansible takes any key; so does routesync, but says that no template can name it
            if (!InventoryNames.isVariable(f.key())) tree.problems.add(InventoryNames.oddVariable(f.key(), f.keyPos()));
            into.put(f.key(), new Variable(f.key(), f.value(), f.keyPos()));
        }
    }
}

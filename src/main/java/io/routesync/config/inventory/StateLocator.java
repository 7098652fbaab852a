package io.routesync.config.inventory;

import io.routesync.config.Nearest;
import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Turns a host's routesync_states variable (a list of names, or one name) into state files in the
 * states directory: {@code NAME.yml}, else {@code NAME.yaml}. A name is a plain file name without
 * extension; anything with a '/' or '..' is refused, so an inventory cannot point outside that directory.
 */
final class StateLocator {
    static final String VARIABLE = "routesync_states";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final String dir;
    private final Set<String> files = new TreeSet<>();

    StateLocator(InventorySource source, String dir, List<Diagnostic> problems) {
        this.dir = dir;
        try {
            for (InventorySource.Entry e : source.list(dir)) {
                if (!e.directory()) files.add(e.name());
            }
        } catch (IOException e) {
            problems.add(Diagnostic.error(SourcePos.file(dir), "cannot list: " + e.getMessage(), ""));
        }
    }

    /** The host's states in the order listed; an empty list when it has no routesync_states. */
    List<StateRef> locate(String host, Variable states, HostProblems problems) {
        if (states == null || states.isEmpty()) return List.of();
        List<YamlNode> items = new ArrayList<>();
        YamlNode value = states.value();
        if (value instanceof YamlNode.Sequence) items.addAll(((YamlNode.Sequence) value).items());
        else if (value instanceof YamlNode.Scalar) items.add(value);
        else {
            problems.error(host, states.definedAt(), VARIABLE + " must be a list of state names, found " + value.kind(),
                    "write " + VARIABLE + ": [base, dual-uplink]");
            return List.of();
        }
        List<StateRef> refs = new ArrayList<>();
        for (YamlNode item : items) {
            String name = item instanceof YamlNode.Scalar ? ((YamlNode.Scalar) item).text() : null;
            if (name == null) {
                problems.error(host, item.pos(), VARIABLE + " entries must be state names, found " + item.kind(), "write one name per entry");
                continue;
            }
            if (!NAME.matcher(name).matches() || name.contains("..")) {
                problems.error(host, item.pos(), "state name '" + name + "' is not valid",
                        "name a file in " + dir + "/ without its extension, like dual-uplink for " + dir + "/dual-uplink.yml");
                continue;
            }
            if (refs.stream().anyMatch(r -> r.name().equals(name))) {
                problems.error(host, item.pos(), "state '" + name + "' is listed twice", "list each state once");
                continue;
            }
            Optional<String> file = file(name);
            if (file.isEmpty()) {
                String hint = name.endsWith(".yml") || name.endsWith(".yaml") ? " (write the name without its extension)" : Nearest.hint(name, stateNames());
                problems.error(host, item.pos(), "state '" + name + "' not found: there is no " + InventorySource.join(dir, name + ".yml") + hint,
                        "create " + InventorySource.join(dir, name + ".yml") + " or fix the name in " + VARIABLE);
                continue;
            }
            refs.add(new StateRef(name, InventorySource.join(dir, file.get()), item.pos()));
        }
        return refs;
    }

    private Optional<String> file(String name) {
        if (files.contains(name + ".yml")) return Optional.of(name + ".yml");
        if (files.contains(name + ".yaml")) return Optional.of(name + ".yaml");
        return Optional.empty();
    }

    private Set<String> stateNames() {
        Set<String> names = new TreeSet<>();
        for (String f : files) {
            if (f.endsWith(".yml")) names.add(f.substring(0, f.length() - 4));
            else if (f.endsWith(".yaml")) names.add(f.substring(0, f.length() - 5));
        }
        return names;
    }
}

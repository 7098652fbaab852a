package io.routesync.config.inventory;

import io.routesync.config.SourcePos;
import io.routesync.config.Variables;
import io.routesync.config.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The values {@code {{ name }}} takes in one host's states: the host's inventory variables (after
 * Ansible's precedence, templated when a state asks for them) under {@code --var} overrides, which win like
 * Ansible's extra vars so a run can try a value without editing the inventory.
 *
 * <p>The wording is the same for every host on purpose: a fleet run prefixes each diagnostic with the
 * hosts it concerns ("hosts edge1, edge2: ..."), so one missing group variable is one error, not one
 * per host. Only single values can be substituted; a list, a mapping or an empty value is reported
 * with the place that set it.
 */
public final class HostVariables implements Variables {
    private final Host host;
    private final Map<String, Variable> inventory;
    private final Map<String, String> overrides;
    private final UnaryOperator<String> fileName;
    /** Set when nothing else names the host in diagnostics (a single-host run such as pull); null in a fleet. */
    private final String hostName;

    /**
     * @param fileName how diagnostics show an inventory file name (the source-relative name in,
     *                 the name the user knows out)
     */
    public HostVariables(Host host, Map<String, String> overrides, UnaryOperator<String> fileName) {
        this(host, overrides, fileName, null);
    }

    private HostVariables(Host host, Map<String, String> overrides, UnaryOperator<String> fileName, String hostName) {
        this.host = host;
        this.inventory = host.variables();
        this.overrides = new TreeMap<>(overrides);
        this.fileName = fileName;
        this.hostName = hostName;
    }

    /**
     * The variables of the one host a run works on, where no fleet prefix names it: undefined-variable
     * errors say "for host NAME in the inventory", and there is no {@code --var} to suggest.
     */
    public static HostVariables ofSingleHost(Host host, UnaryOperator<String> fileName) {
        return new HostVariables(host, Map.of(), fileName, host.name());
    }

    @Override
    public String lookup(String name) {
        String override = overrides.get(name);
        if (override != null) return override;
        Host.Resolved r = host.resolved(name);
        if (!r.problems().isEmpty()) return null;
        Variable v = r.variable().orElse(null);
        if (v == null || v.isEmpty()) return null;
        return v.text().orElse(null);
    }

    @Override
    public String whyUnusable(String name) {
        if (overrides.containsKey(name)) return null;
        List<Diagnostic> problems = host.resolved(name).problems();
        if (problems.isEmpty()) return null;
        Diagnostic first = problems.get(0);
        return first.message() + " (" + shown(first.pos()) + ")";
    }

    @Override
    public Set<String> names() {
        Set<String> names = new TreeSet<>(overrides.keySet());
        for (Variable v : inventory.values()) {
            if (!v.isEmpty() && v.text().isPresent()) names.add(v.name());
        }
        return names;
    }

    @Override
    public Set<String> unlisted() {
        return MagicVariables.NAMES;
    }

    @Override
    public String origin() {
        return hostName == null ? "in the inventory or by any --var" : "for host " + hostName + " in the inventory";
    }

    @Override
    public String howToDefine(String name) {
        Variable v = host.resolved(name).variable().orElse(inventory.get(name));
        if (v != null) {
            // defined, but not as something a state can use: say what it is and where it was set
            String what = v.isEmpty() ? "has no value" : "is " + v.value().kind();
            return "'" + name + "' " + what + " (set at " + shown(v.definedAt()) + "); give it a single value there"
                    + (hostName == null ? " or pass --var " + name + "=VALUE" : "");
        }
        return "set " + name + " in host_vars/, group_vars/ or the inventory" + (hostName == null ? ", or pass --var " + name + "=VALUE" : "");
    }

    private String shown(SourcePos pos) {
        return new SourcePos(fileName.apply(pos.file()), pos.line(), pos.column()).toString();
    }
}

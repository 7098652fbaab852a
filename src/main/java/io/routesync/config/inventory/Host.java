package io.routesync.config.inventory;

import io.routesync.config.SourcePos;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One inventory host as routesync uses it: where it was first declared, the groups it is in (every
 * group but 'all', including inherited ones, sorted: Ansible's group_names), how to reach it, its
 * variables after precedence and {@code {{ name }}} resolution (by name, each with the position of the
 * definition that won), and the state files it lists in routesync_states.
 */
public record Host(String name, SourcePos definedAt, List<String> groups, Connection connection,
                   Map<String, Variable> variables, List<StateRef> states) {

    public Host {
        groups = List.copyOf(groups);
        variables = Collections.unmodifiableMap(new TreeMap<>(variables));
        states = List.copyOf(states);
    }

    public Optional<Variable> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }
}

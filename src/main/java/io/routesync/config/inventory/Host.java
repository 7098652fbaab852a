package io.routesync.config.inventory;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One inventory host: where it was first declared, the groups it is in (every group but 'all',
 * including inherited ones, sorted: Ansible's group_names), its variables after precedence as the
 * inventory wrote them ({@code variables}: untemplated, like {@code ansible-inventory --list}), and what routesync made
 * of them: how to reach it and the state files it lists in routesync_states.
 *
 * <p>Only the variables routesync reads are templated up front (connection variables and
 * {@code routesync_*}); any other is templated when asked for ({@link #resolved}). What is wrong
 * with the host (a value routesync cannot template, an unsupported connection) is in {@link #problems}
 * and matters only when the host is selected: a Windows host must not stop a run on the Linux ones.
 * {@code connection} is null when {@code problems} has an error.
 */
public record Host(String name, SourcePos definedAt, List<String> groups, Connection connection,
                   Map<String, Variable> variables, List<StateRef> states, List<Diagnostic> problems, Templates templates) {

    /** Templates one variable of the host on demand (cached). */
    public interface Templates {
        Resolved resolve(String name);
    }

    /** A templated variable, or why it cannot be used (empty with no problems: not defined). */
    public record Resolved(Optional<Variable> variable, List<Diagnostic> problems) {
        public Resolved {
            problems = List.copyOf(problems);
        }
    }

    public Host {
        groups = List.copyOf(groups);
        variables = Collections.unmodifiableMap(new TreeMap<>(variables));
        states = List.copyOf(states);
        problems = List.copyOf(problems);
    }

    /** The variable templated; empty when it is not defined or cannot be templated (see {@link #resolved}). */
    public Optional<Variable> variable(String name) {
        return resolved(name).variable();
    }

    /** The variable templated for this host, Ansible's magic variables included. */
    public Resolved resolved(String name) {
        return templates.resolve(name);
    }

    /** Whether routesync can work on the host: nothing in {@link #problems} is an error. */
    public boolean usable() {
        return problems.stream().noneMatch(Diagnostic::isError);
    }
}

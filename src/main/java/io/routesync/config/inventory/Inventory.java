package io.routesync.config.inventory;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read inventory: hosts in inventory order (the order they first appear), groups in declaration
 * order (with the implicit 'all' and 'ungrouped'), and the warnings found while reading it.
 */
public record Inventory(String file, List<Host> hosts, Map<String, Group> groups, List<Diagnostic> warnings) {

    public Inventory {
        hosts = List.copyOf(hosts);
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        warnings = List.copyOf(warnings);
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /**
     * The problems of the {@code selected} hosts, folded across hosts ("hosts edge1, edge2: ..."):
     * thrown when one is an error, else returned (warnings). The other hosts' problems never count.
     */
    public List<Diagnostic> check(List<Host> selected) throws InvalidInputException {
        HostProblems problems = new HostProblems();
        for (Host h : selected) {
            for (Diagnostic d : h.problems()) {
                if (d.isError()) problems.error(h.name(), d.pos(), d.message(), d.fix());
                else problems.warning(h.name(), d.pos(), d.message(), d.fix());
            }
        }
        if (problems.hasErrors()) throw new InvalidInputException(problems.diagnostics());
        return problems.diagnostics();
    }

    /**
     * The hosts an Ansible-style pattern selects (as for --limit), in inventory order. A part of the
     * pattern that matches nothing, or a pattern that selects no host, is an error naming it.
     */
    public List<Host> select(String pattern) throws InvalidInputException {
        return HostSelector.select(this, pattern);
    }
}

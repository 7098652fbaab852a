package io.routesync.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the values of {@code {{ name }}} in state files come from: {@code --var} on the command line
 * today, a host's inventory variables in a fleet run. Values are final: they are substituted as they
 * are, never expanded again.
 */
public interface Variables {

    /** The value of {@code name}, or null when it is not defined. */
    String lookup(String name);

    /**
     * Why {@code name}, although defined, has no value routesync can use (Jinja it cannot evaluate, a
     * vaulted value), in words naming where it was set; null when there is no such reason.
     */
    default String whyUnusable(String name) {
        return null;
    }

    /** Every defined name, sorted, so an undefined one can be answered with "did you mean ...?". */
    Set<String> names();

    /**
     * Names {@link #lookup} may answer that {@link #names} does not list (an inventory host's Ansible magic
     * variables): with the names, every value a state file can use (all in {@link InputsDigest}).
     */
    default Set<String> unlisted() {
        return Set.of();
    }

    /**
     * Completes the sentence "variable 'x' is not defined ...", naming where variables come from:
     * "by any --var", "for host edge1 (inventory/hosts.yml)".
     */
    String origin();

    /** What the user can do to define {@code name}: "pass --var x=VALUE", "set x in host_vars/edge1.yml". */
    String howToDefine(String name);

    /** Variables given as {@code --var name=value} on the command line. */
    static Variables commandLine(Map<String, String> values) {
        Map<String, String> copy = new TreeMap<>(values);
        return new Variables() {
            @Override
            public String lookup(String name) {
                return copy.get(name);
            }

            @Override
            public Set<String> names() {
                return copy.keySet();
            }

            @Override
            public String origin() {
                return "by any --var";
            }

            @Override
            public String howToDefine(String name) {
                return "pass --var " + name + "=VALUE";
            }
        };
    }

    /** No variables at all (same wording as an empty command line). */
    static Variables none() {
        return commandLine(Map.of());
    }
}

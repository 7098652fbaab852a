package io.routesync.config.inventory;

import java.util.regex.Pattern;

/**
 * What group, variable and host names may look like. Narrower than Ansible on purpose: names end up in
 * --limit patterns (where ':', ',', '!', '&', '*', '[' are syntax) and host names in SSH command lines.
 */
final class InventoryNames {
    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    // Ansible's own rule for variable names; anything else cannot be referenced as {{ name }}.
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private InventoryNames() {
    }

    static boolean isGroup(String name) {
        return GROUP.matcher(name).matches();
    }

    static boolean isVariable(String name) {
        return VARIABLE.matcher(name).matches();
    }

    /** Null when {@code name} is a host name, IPv4 or IPv6 address, else what is wrong with it. */
    static String hostProblem(String name) {
        return ConnectionValues.hostProblem(name);
    }
}

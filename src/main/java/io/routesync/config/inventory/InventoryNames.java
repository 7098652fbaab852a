package io.routesync.config.inventory;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import java.util.regex.Pattern;

/**
 * What group, variable and host names may look like. Group and host names are narrower than Ansible on
 * purpose: names end up in --limit patterns (where ':', ',', '!', '&', '*', '[' are syntax) and host
 * names in SSH command lines.
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

    /**
     * Null when {@code name} can name a host: an address or DNS name ssh could use, or any other name
     * of letters and digits (any script: Ansible's own tests have 'příbor'), '_', '.' and '-', which
     * needs an ansible_host to be reached (checked when the host is selected); else what is wrong.
     */
    static String hostProblem(String name) {
        String problem = ConnectionValues.hostProblem(name);
        if (problem == null || NAME.matcher(name).matches()) return null;
        return problem;
    }

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.-]*");

    /** A warning for a variable name that no template can refer to (Ansible takes any key, and so does routesync). */
    static Diagnostic oddVariable(String name, SourcePos at) {
        return Diagnostic.warning(at, "'" + name + "' is not a name a template can refer to: nothing can use this variable",
                "a variable name is letters, digits and '_', and does not start with a digit");
    }
}

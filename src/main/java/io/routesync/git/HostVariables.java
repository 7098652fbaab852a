package io.routesync.git;

import io.routesync.config.Variables;
import io.routesync.config.inventory.Host;
import io.routesync.config.inventory.InventorySource;
import io.routesync.config.inventory.Variable;
import java.util.Set;
import java.util.TreeSet;

/**
 * One inventory host's variables as {@code {{ name }}} in its state files sees them: the text of each
 * single-valued variable (lists and mappings cannot be substituted into a value, so they count as
 * undefined there). Package-private until a shared adapter exists for fleet runs.
 */
final class HostVariables implements Variables {
    private final Host host;
    private final String inventory;

    HostVariables(Host host, String inventoryLabel) {
        this.host = host;
        this.inventory = inventoryLabel;
    }

    @Override
    public String lookup(String name) {
        return host.variable(name).flatMap(Variable::text).orElse(null);
    }

    @Override
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        host.variables().forEach((name, v) -> {
            if (v.text().isPresent()) names.add(name);
        });
        return names;
    }

    @Override
    public String origin() {
        return "for host " + host.name() + " (" + inventory + ")";
    }

    @Override
    public String howToDefine(String name) {
        String dir = InventorySource.parent(inventory.substring(inventory.indexOf(':') + 1));
        return "set " + name + " in " + InventorySource.join(dir, "host_vars/" + host.name() + ".yml") + " or a group_vars file of its groups";
    }
}

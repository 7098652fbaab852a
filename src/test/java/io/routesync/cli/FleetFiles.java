package io.routesync.cli;

import io.routesync.testing.SshFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkout for an {@link SshFleet}, as a user would have it: {@code inventory/hosts.yml} and the
 * same inventory as {@code inventory/hosts.ini}, and {@code states/uplink.yml}. Each host's table,
 * routes and rules take their addresses from its own variables. The hosts are split into groups
 * {@code site_a} (first half) and {@code site_b}. routesync's files on each host go to
 * {@code targets/HOST/} in the checkout (host variables routesync_*_dir), never to the machine's own
 * /etc/iproute2, /var/lib/routesync or /run/routesync, which every namespace shares.
 */
public final class FleetFiles {
    /** The table the state owns on every host. */
    public static final int TABLE = 100;

    static final String STATE = String.join("\n",
            "# every host: its own table with a route to its service network and a default route, both via its",
            "# gateway, and rules sending traffic from its address and to the service network there",
            "tables:",
            "  uplink: " + TABLE,
            "rules:",
            "  - { priority: 1000, from: \"{{ host_addr }}\", table: uplink }",
            "  - { priority: 1001, to: \"{{ service_net }}\", table: uplink }",
            "routes:",
            "  uplink:",
            "    - { to: \"{{ service_net }}\", via: \"{{ gateway }}\", dev: eth0 }",
            "    - { to: default, via: \"{{ gateway }}\", dev: eth0 }",
            "");

    private final SshFleet fleet;
    private final Path root;
    private final Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
    private int size;

    private FleetFiles(SshFleet fleet, Path root) {
        this.fleet = fleet;
        this.root = root;
        this.size = fleet.size();
    }

    /** Files for {@code fleet} under {@code root}; call {@link #write()} after any {@link #set}. */
    public static FleetFiles of(SshFleet fleet, Path root) {
        return new FleetFiles(fleet, root);
    }

    /** Lists only the fleet's first {@code n} hosts (benchmarks use one big fleet for several sizes). */
    public FleetFiles firstHosts(int n) {
        if (n < 1 || n > fleet.size()) throw new IllegalArgumentException("the fleet has " + fleet.size() + " hosts, not " + n);
        size = n;
        return this;
    }

    /** Gives host {@code index} a different value for a variable (or adds one). */
    public FleetFiles set(int index, String name, String value) {
        overrides.computeIfAbsent(fleet.host(index).name(), k -> new LinkedHashMap<>()).put(name, value);
        return this;
    }

    public FleetFiles write() {
        try {
            Files.createDirectories(root.resolve("inventory"));
            Files.createDirectories(root.resolve("states"));
            Files.writeString(root.resolve("states/uplink.yml"), STATE);
            Files.writeString(yaml(), yamlText());
            Files.writeString(ini(), iniText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Path yaml() {
        return root.resolve("inventory/hosts.yml");
    }

    public Path ini() {
        return root.resolve("inventory/hosts.ini");
    }

    /** Where routesync keeps its files for host {@code index}. */
    public Path targetDir(int index) {
        return root.resolve("targets").resolve(fleet.host(index).name());
    }

    public Path targets() {
        return root.resolve("targets");
    }

    /** The variables of host {@code index}, in the order they are written. */
    public Map<String, String> hostVars(int index) {
        SshFleet.Host h = fleet.host(index);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("ansible_host", h.address());
        vars.put("host_addr", h.address());
        vars.put("gateway", h.controllerAddress());
        vars.put("service_net", serviceNet(index));
        vars.putAll(overrides.getOrDefault(h.name(), Map.of()));
        return vars;
    }

    /** Host {@code index}'s service network: a /29 of its own in 198.18.0.0/15 (the benchmarking range). */
    public static String serviceNet(int index) {
        return "198.18." + (index / 32) + "." + (index % 32) * 8 + "/29";
    }

    private Map<String, String> groupVars() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("routesync_etc_dir", targets() + "/{{ inventory_hostname }}/iproute2");
        vars.put("routesync_state_dir", targets() + "/{{ inventory_hostname }}/lib/routesync");
        vars.put("routesync_lock_dir", targets() + "/{{ inventory_hostname }}/run/routesync");
        return vars;
    }

    private List<List<SshFleet.Host>> sites() {
        List<SshFleet.Host> hosts = fleet.hosts().subList(0, size);
        int half = (hosts.size() + 1) / 2;
        return List.of(hosts.subList(0, half), hosts.subList(half, hosts.size()));
    }

    private String yamlText() {
        StringBuilder y = new StringBuilder("# test fleet inventory (the same as hosts.ini)\nall:\n  vars:\n");
        y.append("    routesync_states: [uplink]\n");
        groupVars().forEach((k, v) -> y.append("    ").append(k).append(": \"").append(v).append("\"\n"));
        y.append("  children:\n");
        List<String> siteNames = List.of("site_a", "site_b");
        for (int s = 0; s < 2; s++) {
            if (sites().get(s).isEmpty()) continue;
            y.append("    ").append(siteNames.get(s)).append(":\n      hosts:\n");
            for (SshFleet.Host h : sites().get(s)) {
                y.append("        ").append(h.name()).append(":\n");
                hostVars(h.index()).forEach((k, v) -> y.append("          ").append(k).append(": \"").append(v).append("\"\n"));
            }
        }
        return y.toString();
    }

    private String iniText() {
        StringBuilder i = new StringBuilder("# test fleet inventory (the same as hosts.yml)\n[all:vars]\nroutesync_states=['uplink']\n");
        groupVars().forEach((k, v) -> i.append(k).append("=\"").append(v).append("\"\n"));
        List<String> siteNames = List.of("site_a", "site_b");
        for (int s = 0; s < 2; s++) {
            if (sites().get(s).isEmpty()) continue;
            i.append("\n[").append(siteNames.get(s)).append("]\n");
            for (SshFleet.Host h : sites().get(s)) {
                List<String> words = new ArrayList<>(List.of(h.name()));
                hostVars(h.index()).forEach((k, v) -> words.add(k + "=" + v));
                i.append(String.join(" ", words)).append('\n');
            }
        }
        return i.toString();
    }
}

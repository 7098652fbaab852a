package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.testing.Shell;
import io.routesync.testing.SshFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An inventory for an {@link SshFleet} whose hosts route their replies to the controller through a
 * table routesync owns (mgmt, 100), with three states to give them: {@code managed} (just that route
 * and the rule to it), {@code harmless} (the same plus 10.98.0.0/16, which the management path does
 * not use) and {@code cut} (the table without the route back: applying it cuts the host off). Files
 * routesync keeps on the hosts go to {@code targets/HOST/} beside the inventory.
 */
final class ManagedFleetFiles {
    static final String MANAGED = "managed";
    static final String HARMLESS = "harmless";
    static final String CUT = "cut";
    /** The route the harmless state adds. */
    static final String HARMLESS_ROUTE = "10.98.0.0/16 dev eth0";

    private static final String HEAD = String.join("\n",
            "# the host's only route back to the controller lives in a table routesync owns",
            "tables: { mgmt: 100 }",
            "rules:",
            "  - { priority: 1000, to: \"{{ route_back }}\", table: mgmt }",
            "routes:",
            "  mgmt:",
            "");
    private static final String ROUTE_BACK = "    - \"{{ route_back }} dev eth0 scope link src {{ host_addr }}\"\n";

    private final SshFleet fleet;
    private final Path root;
    private final Map<String, String> extraStates = new java.util.LinkedHashMap<>();

    ManagedFleetFiles(SshFleet fleet, Path root) {
        this.fleet = fleet;
        this.root = root;
    }

    /** Host {@code index}'s /30 towards the controller: where its management traffic returns to. */
    static String routeBack(SshFleet.Host h) {
        String c = h.controllerAddress();
        int network = Integer.parseInt(c.substring(c.lastIndexOf('.') + 1)) - 1;
        return c.substring(0, c.lastIndexOf('.') + 1) + network + "/30";
    }

    /** Another state the inventory's hosts can be given, as {@code name}; it may use {@code controller}, the host's controller address. */
    ManagedFleetFiles state(String name, String yaml) {
        extraStates.put(name, yaml);
        return this;
    }

    /**
     * Puts every host in the managed state: table 100 holds its route back, main none (a host a test cut
     * off is reached again through main first). Also removes any confirm timer a failed test left armed:
     * it finds nothing to undo.
     */
    void manageEveryHost() {
        for (SshFleet.Host h : fleet.hosts()) {
            String back = routeBack(h);
            Shell.run("ip", "-n", h.netns(), "route", "replace", back, "dev", "eth0", "scope", "link", "src", h.address());
            Shell.run("ip", "-n", h.netns(), "rule", "del", "pref", "1000");
            Shell.run("ip", "-n", h.netns(), "route", "flush", "table", "100");
        }
        deleteTree(targets());
        CliRunner.Result r = CliRunner.run("apply", "-i", inventory(MANAGED, Map.of()).toString(), "--auto-approve",
                "--ssh-program", String.join(" ", fleet.sshProgram()));
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        for (SshFleet.Host h : fleet.hosts()) fleet.ip(h.index(), "route", "del", routeBack(h), "dev", "eth0", "table", "main");
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path targets() {
        return root.resolve("targets");
    }

    /** Writes the states and an inventory giving each host its state ({@code states} by host name; the rest get {@code others}). */
    Path inventory(String others, Map<String, String> states) {
        try {
            Files.createDirectories(root.resolve("states"));
            Files.createDirectories(root.resolve("inventory"));
            Files.writeString(root.resolve("states/" + MANAGED + ".yml"), HEAD + ROUTE_BACK);
            Files.writeString(root.resolve("states/" + HARMLESS + ".yml"), HEAD + ROUTE_BACK + "    - \"" + HARMLESS_ROUTE + "\"\n");
            Files.writeString(root.resolve("states/" + CUT + ".yml"), HEAD + "    - \"10.99.0.0/16 dev eth0\"\n");
            for (Map.Entry<String, String> e : extraStates.entrySet()) Files.writeString(root.resolve("states/" + e.getKey() + ".yml"), e.getValue());
            StringBuilder y = new StringBuilder("all:\n  vars:\n");
            // directories from the inventory end in iproute2 / routesync (docs/target-files.md)
            String[][] dirs = {{"etc", "iproute2"}, {"state", "lib/routesync"}, {"lock", "run/routesync"}};
            for (String[] kind : dirs) {
                y.append("    routesync_").append(kind[0]).append("_dir: \"").append(targets()).append("/{{ inventory_hostname }}/")
                        .append(kind[1]).append("\"\n");
            }
            y.append("  hosts:\n");
            for (SshFleet.Host h : fleet.hosts()) {
                y.append("    ").append(h.name()).append(":\n")
                        .append("      ansible_host: \"").append(h.address()).append("\"\n")
                        .append("      host_addr: \"").append(h.address()).append("\"\n")
                        .append("      route_back: \"").append(routeBack(h)).append("\"\n")
                        .append("      controller: \"").append(h.controllerAddress()).append("\"\n")
                        .append("      routesync_states: [").append(states.getOrDefault(h.name(), others)).append("]\n");
            }
            return Files.writeString(root.resolve("inventory/hosts.yml"), y.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

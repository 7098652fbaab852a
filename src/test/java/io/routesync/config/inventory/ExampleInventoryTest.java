package io.routesync.config.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.config.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example inventory at the repository root reads cleanly and gives what its comments promise. */
class ExampleInventoryTest {

    private static Inventory example() {
        DirectorySource repository = new DirectorySource(Path.of(System.getProperty("user.dir")));
        try {
            return Fixtures.readAll(repository, "inventory/hosts.yml");
        } catch (InvalidInputException e) {
            throw new AssertionError(String.join("\n", Fixtures.formatted(e.diagnostics())), e);
        }
    }

    @Test
    void everyEdgeHostGetsItsUplinkVariablesAndTheDualUplinkState() throws Exception {
        Inventory inv = example();
        assertEquals(List.of(), Fixtures.formatted(inv.warnings()));
        assertEquals(List.of("edge1", "edge2", "edge3"), inv.select("edge").stream().map(Host::name).toList());
        Map<String, List<String>> expected = Map.of(
                "edge1", List.of("192.168.2.10", "192.168.2.0/24", "192.168.2.1"),
                "edge2", List.of("192.168.2.11", "192.168.2.0/24", "192.168.2.1"),
                "edge3", List.of("192.168.3.10", "192.168.3.0/24", "192.168.3.254"));
        for (Host h : inv.hosts()) {
            List<String> uplink = List.of("uplink2_addr", "uplink2_net", "uplink2_gw").stream()
                    .map(v -> h.variable(v).orElseThrow().text().orElseThrow()).toList();
            assertEquals(expected.get(h.name()), uplink, h.name());
            assertEquals(List.of("states/dual-uplink.yml"), h.states().stream().map(StateRef::path).toList(), h.name());
            assertEquals(List.of("-o", "ServerAliveInterval=15"), h.connection().sshCommonArgs());
        }
        assertEquals("inventory/host_vars/edge3.yml:3:1", inv.host("edge3").orElseThrow().variable("uplink2_gw").orElseThrow().definedAt().toString());
        assertEquals(2222, inv.host("edge3").orElseThrow().connection().port().getAsInt());
        assertEquals(List.of("edge1", "edge2"), inv.select("edge:!edge3").stream().map(Host::name).toList());
    }
}

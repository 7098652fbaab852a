package io.routesync.config.inventory;

import static io.routesync.config.inventory.Fixtures.plain;
import static io.routesync.config.inventory.Fixtures.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The fixture fleet in src/test/resources/inventory/fleet, written once as YAML and once as INI. */
class FleetInventoryTest {
    private static final DirectorySource FLEET = new DirectorySource(Fixtures.resource("fleet"));

    private static Inventory read(String file) {
        try {
            return Fixtures.readAll(FLEET, file);
        } catch (InvalidInputException e) {
            throw new AssertionError(String.join("\n", Fixtures.formatted(e.diagnostics())), e);
        }
    }

    @Test
    void yamlAndIniGiveTheSameHostsGroupsVariablesAndConnections() throws Exception {
        Inventory yaml = read("hosts.yml");
        Inventory ini = read("hosts.ini");
        assertEquals(List.of("bastion", "edge1", "edge2", "edge3", "edge4"), yaml.hosts().stream().map(Host::name).toList());
        assertEquals(yaml.hosts().stream().map(Host::name).toList(), ini.hosts().stream().map(Host::name).toList());
        for (int i = 0; i < yaml.hosts().size(); i++) {
            Host y = yaml.hosts().get(i);
            Host n = ini.hosts().get(i);
            assertEquals(vars(y), vars(n), y.name());
            assertEquals(y.connection(), n.connection(), y.name());
            assertEquals(y.groups(), n.groups(), y.name());
            assertEquals(y.states().stream().map(StateRef::path).toList(), n.states().stream().map(StateRef::path).toList(), y.name());
        }
        for (String g : List.of("all", "ungrouped", "edge", "edge_dc1", "edge_dc2", "monitored")) {
            assertEquals(yaml.groups().get(g).hosts(), ini.groups().get(g).hosts(), g);
            assertEquals(yaml.groups().get(g).depth(), ini.groups().get(g).depth(), g);
        }
        assertEquals(yaml.groups().keySet(), ini.groups().keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hosts.yml", "hosts.ini"})
    void edge1SeesEveryLayer(String file) throws Exception {
        Host edge1 = read(file).host("edge1").orElseThrow();
        assertEquals(Map.ofEntries(
                Map.entry("ansible_host", "10.0.1.11"),
                Map.entry("ansible_user", "routesync"),
                Map.entry("ntp_server", "ntp.example.net"),
                Map.entry("routesync_states", List.of("dual-uplink")),
                Map.entry("site_name", "dc1"),
                Map.entry("tier", "edge"),
                Map.entry("uplink2_addr", "192.168.2.10"),
                Map.entry("uplink2_gw", "192.168.2.1"),
                Map.entry("uplink2_len", "24"),
                Map.entry("uplink2_net", "192.168.2.0/24"),
                Map.entry("uplink2_prefix", "192.168.2")), vars(edge1));
        assertEquals(List.of("edge", "edge_dc1"), edge1.groups());
        assertEquals(new Connection(Connection.Type.SSH, "10.0.1.11", OptionalInt.empty(), Optional.of("routesync"), Optional.empty(), List.of(), List.of()),
                edge1.connection());
        assertEquals(List.of(new StateRef("dual-uplink", "states/dual-uplink.yml", edge1.states().get(0).listedAt())), edge1.states());
    }

    @Test
    void groupVarsDirectoryFilesMergeInNameOrderAndBeatShallowerGroups() throws Exception {
        Host edge3 = read("hosts.yml").host("edge3").orElseThrow();
        assertEquals("192.168.3.254", edge3.variable("uplink2_gw").orElseThrow().text().orElseThrow());
        assertEquals("group_vars/edge_dc2/10-gateway.yml:2:1", edge3.variable("uplink2_gw").orElseThrow().definedAt().toString());
        assertEquals("edge-dc2", edge3.variable("tier").orElseThrow().text().orElseThrow());
        assertEquals("192.168.3.0/24", edge3.variable("uplink2_net").orElseThrow().text().orElseThrow());
    }

    @Test
    void hostVarsComeFromFileWithoutExtensionDirectoryOrYaml() throws Exception {
        Inventory inv = read("hosts.yml");
        assertEquals("host_vars/edge2:1:1", inv.host("edge2").orElseThrow().variable("uplink2_addr").orElseThrow().definedAt().toString());
        // host_vars/edge3/ is a directory: main.yml counts, .hidden.yml and notes.txt do not
        assertEquals("host_vars/edge3/main.yml:1:1", inv.host("edge3").orElseThrow().variable("uplink2_addr").orElseThrow().definedAt().toString());
        assertEquals("192.168.3.10", inv.host("edge3").orElseThrow().variable("uplink2_addr").orElseThrow().text().orElseThrow());
        Host edge4 = inv.host("edge4").orElseThrow();
        assertEquals(List.of("base", "dual-uplink"), plain(edge4.variable("routesync_states").orElseThrow().value()));
        assertEquals(List.of("states/base.yml", "states/dual-uplink.yml"), edge4.states().stream().map(StateRef::path).toList());
        assertEquals("host_vars/edge4.yaml:3:5", edge4.states().get(0).listedAt().toString());
    }

    @Test
    void connectionsFollowTheConnectionVariables() throws Exception {
        Inventory inv = read("hosts.ini");
        Connection bastion = inv.host("bastion").orElseThrow().connection();
        assertEquals(Connection.Type.LOCAL, bastion.type());
        assertEquals("192.0.2.1", bastion.address());
        assertEquals(OptionalInt.of(2222), inv.host("edge2").orElseThrow().connection().port());
        assertEquals("edge3", inv.host("edge3").orElseThrow().connection().address());
        assertTrue(inv.host("bastion").orElseThrow().states().isEmpty());
        assertEquals(List.of("ungrouped"), inv.host("bastion").orElseThrow().groups());
    }

    @Test
    void iniPositionsPointIntoTheIniFile() throws Exception {
        Host edge2 = read("hosts.ini").host("edge2").orElseThrow();
        assertEquals("hosts.ini:19:30", edge2.variable("ansible_port").orElseThrow().definedAt().toString());
        assertEquals("hosts.ini:22:1", edge2.variable("site_name").orElseThrow().definedAt().toString());
        assertEquals("hosts.ini:13:18", edge2.variable("routesync_states").orElseThrow().value().pos().toString());
    }

    @Test
    void unreadFilesAreWarnedAboutNotSilentlyIgnored() throws Exception {
        assertEquals(List.of(), Fixtures.formatted(read("hosts.yml").warnings()));
    }
}

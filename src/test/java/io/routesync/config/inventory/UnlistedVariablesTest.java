package io.routesync.config.inventory;

import static io.routesync.config.inventory.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.InputsDigest;
import io.routesync.config.Variables;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a state file can use besides the variables a host lists (Ansible's magic variables): the kept copy's
 * key covers their values ({@link InputsDigest#unlisted}), so two hosts that differ only there never share one.
 */
class UnlistedVariablesTest {
    @Test
    void everyMagicVariableIsNamed() {
        assertEquals(MagicVariables.NAMES, new MagicVariables("inventory/hosts.yml", Map.of()).of("edge1", List.of()).keySet());
    }

    @Test
    void theMagicVariablesValuesAreInTheUnlistedLines() throws Exception {
        String inventory = "all:\n  vars:\n    gw: 192.0.2.1\n  hosts:\n    edge1.dc1:\n    edge2.dc1:\n";
        Inventory inv = Fixtures.read(files("inventory/hosts.yml", inventory), "inventory/hosts.yml");
        Variables one = new HostVariables(inv.host("edge1.dc1").orElseThrow(), Map.of(), s -> s);
        Variables two = new HostVariables(inv.host("edge2.dc1").orElseThrow(), Map.of(), s -> s);
        assertFalse(one.names().contains("inventory_hostname"), "not listed: the inputs digest does not cover it");
        assertEquals(one.names(), two.names());
        String lines = InputsDigest.unlisted(one);
        assertTrue(lines.contains("inventory_hostname=edge1.dc1\0") && lines.contains("inventory_hostname_short=edge1\0"), lines);
        assertTrue(lines.contains("group_names\0"), "a list has no value a state can use: its name alone");
        assertNotEquals(lines, InputsDigest.unlisted(two));
        assertEquals("", InputsDigest.unlisted(Variables.commandLine(Map.of("gw", "192.0.2.1"))), "--var lists every name");
    }
}

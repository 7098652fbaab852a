package io.routesync.config.inventory;

import static io.routesync.config.inventory.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.InputsDigest;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a state file can use besides the variables a host lists (Ansible's magic variables): the inputs digest
 * covers their values, so two hosts that differ only there never share one (nor a kept copy's key, made from it).
 */
class UnlistedVariablesTest {
    @Test
    void everyMagicVariableIsNamed() {
        assertEquals(MagicVariables.NAMES, new MagicVariables("inventory/hosts.yml", Map.of()).of("edge1", List.of()).keySet());
    }

    @Test
    void theInputsDigestCoversTheMagicVariablesValues() throws Exception {
        String inventory = "all:\n  vars:\n    gw: 192.0.2.1\n  hosts:\n    edge1.dc1:\n    edge2.dc1:\n";
        Inventory inv = Fixtures.read(files("inventory/hosts.yml", inventory), "inventory/hosts.yml");
        Variables one = new HostVariables(inv.host("edge1.dc1").orElseThrow(), Map.of(), s -> s);
        Variables two = new HostVariables(inv.host("edge2.dc1").orElseThrow(), Map.of(), s -> s);
        assertFalse(one.names().contains("inventory_hostname"), "not listed (no \"did you mean\" for it)");
        assertEquals(one.names(), two.names());
        assertEquals(one.lookup("gw"), two.lookup("gw"));
        List<SourceFile> state = List.of(new SourceFile("s.yml", "routes: {}\n"));
        assertNotEquals(InputsDigest.of(state, one), InputsDigest.of(state, two), "the hosts differ only in inventory_hostname");
        assertEquals(InputsDigest.of(state, one), InputsDigest.of(state, new HostVariables(inv.host("edge1.dc1").orElseThrow(), Map.of(), s -> s)));
    }

    @Test
    void variablesThatListEveryNameKeepTheirDigest() {
        // the digest of --var inputs is what it was before unlisted variables were added to it (pinned)
        Variables vars = Variables.commandLine(Map.of("gw", "192.0.2.1"));
        assertTrue(vars.unlisted().isEmpty());
        assertEquals(InputsDigest.of(List.of(new SourceFile("s.yml", "x\n")), vars),
                sha256("s.yml\0x\n\0gw=192.0.2.1\0"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

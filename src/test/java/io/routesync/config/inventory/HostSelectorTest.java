package io.routesync.config.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.routesync.config.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --limit patterns, Ansible's forms and evaluation order, results in inventory order. */
class HostSelectorTest {
    private static Inventory inventory;

    @BeforeAll
    static void read() throws Exception {
        // hosts are declared in this order: core1 edge1 edge2 edge3 edge4 lab-edge9 10.9.0.1
        String hosts = String.join("\n",
                "core1",
                "",
                "[edge_dc1]",
                "edge1",
                "edge2",
                "",
                "[edge_dc2]",
                "edge3",
                "edge4",
                "",
                "[edge:children]",
                "edge_dc1",
                "edge_dc2",
                "",
                "[staging]",
                "edge2",
                "edge4",
                "lab-edge9",
                "",
                "[lab]",
                "lab-edge9",
                "10.9.0.1",
                "");
        inventory = InventoryReader.read(Fixtures.files("inventory/hosts", hosts), "inventory/hosts");
    }

    private static String select(String pattern) throws InvalidInputException {
        return String.join(" ", inventory.select(pattern).stream().map(Host::name).toList());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "edge1                       ; edge1",
        "edge                        ; edge1 edge2 edge3 edge4",
        "edge_dc2                    ; edge3 edge4",
        "all                         ; core1 edge1 edge2 edge3 edge4 lab-edge9 10.9.0.1",
        "*                           ; core1 edge1 edge2 edge3 edge4 lab-edge9 10.9.0.1",
        "ungrouped                   ; core1",
        "edge*                       ; edge1 edge2 edge3 edge4",
        "*edge?                      ; edge1 edge2 edge3 edge4 lab-edge9",
        "edge[13]*                   ; edge1 edge3",
        "edge[!13]                   ; edge2 edge4",
        "10.9.*                      ; 10.9.0.1",
        "~lab|^core                  ; core1 lab-edge9 10.9.0.1",
        "edge4:edge1                 ; edge1 edge4",
        "edge4,edge1                 ; edge1 edge4",
        "edge_dc1:lab                ; edge1 edge2 lab-edge9 10.9.0.1",
        "edge:&staging               ; edge2 edge4",
        "edge:!staging               ; edge1 edge3",
        "edge:!edge3:!edge_dc1       ; edge4",
        "!staging                    ; core1 edge1 edge3 10.9.0.1",
        "&staging                    ; edge2 edge4 lab-edge9",
        "edge_dc1:edge_dc2:&staging:!edge4 ; edge2",
        "!edge4:&staging:edge_dc1:edge_dc2 ; edge2",
        "edge:!staging:&edge_dc2     ; edge3",
        "edge[0]                     ; edge1",
        "edge[-1]                    ; edge4",
        "edge[1:2]                   ; edge2 edge3",
        "edge[2:]                    ; edge3 edge4",
        " edge1 , lab                ; edge1 lab-edge9 10.9.0.1",
    })
    void selects(String pattern, String expected) throws Exception {
        assertEquals(expected.strip(), select(pattern.strip()));
    }

    @Test
    void aPartMatchingNothingIsAnErrorEvenInAnExclusion() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> inventory.select("edge:!edge5:&stagng"));
        assertEquals(List.of(
                "--limit: error: '!edge5' matches no host or group (did you mean 'edge'?)\n"
                        + "  fix: name a host or group of inventory/hosts, a glob like 'edge*', or 'all'",
                "--limit: error: '&stagng' matches no host or group (did you mean 'staging'?)\n"
                        + "  fix: name a host or group of inventory/hosts, a glob like 'edge*', or 'all'"),
                Fixtures.formatted(e.diagnostics()));
    }

    @Test
    void subscriptsCountAGroupsOwnHostsFirstThenItsChildrensInDeclarationOrder() throws Exception {
        // kolla-ansible's multinode in small: Ansible says baremetal[-1] is monitoring01, inventory order would say storage01;
        // the children of [baremetal:children] are linked when their sections come (storage before control here)
        String hosts = String.join("\n",
                "[baremetal:children]",
                "control",
                "storage",
                "[storage]",
                "storage01",
                "[control]",
                "control01",
                "control02",
                "[baremetal]",
                "monitoring01",
                "");
        Inventory inv = InventoryReader.read(Fixtures.files("hosts", hosts), "hosts");
        assertEquals(List.of("monitoring01", "storage01", "control01", "control02"), inv.groups().get("baremetal").hosts());
        assertEquals(List.of("control02"), inv.select("baremetal[-1]").stream().map(Host::name).toList());
        assertEquals(List.of("monitoring01"), inv.select("baremetal[0]").stream().map(Host::name).toList());
        // the result itself stays in inventory order
        assertEquals(List.of("storage01", "control01"), inv.select("baremetal[1:2]").stream().map(Host::name).toList());
    }

    @Test
    void globsAndRegexesMatchTheBuiltInGroupsAsInAnsible() throws Exception {
        // ansible-core matches 'al*' against every group name, 'all' included
        assertEquals(select("all"), select("a*"));
        assertEquals(select("ungrouped"), select("~ungr"));
    }

    @Test
    void aPatternSelectingNoHostIsAnError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> inventory.select("edge_dc1:&lab"));
        assertEquals(List.of("--limit: error: 'edge_dc1:&lab' selects no hosts\n"
                + "  fix: check the intersections (&) and exclusions (!) of the pattern"), Fixtures.formatted(e.diagnostics()));
    }

    @Test
    void subscriptsOutOfRangeAndBadRegexesAreErrors() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> inventory.select("edge[4]:~lab("));
        assertEquals(List.of(
                "--limit: error: 'edge[4]' is out of range: it matches 4 host(s), numbered 0 to 3\n"
                        + "  fix: use an index from 0 to 3 (or -1 for the last)",
                "--limit: error: '~lab(' is not a valid regular expression: Unclosed group\n  fix: fix the expression after '~'"),
                Fixtures.formatted(e.diagnostics()));
    }

    @Test
    void anEmptyPatternIsAnError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> inventory.select(" , "));
        assertEquals(List.of("--limit: error: the host pattern is empty\n  fix: give a host, a group, a glob like 'edge*', or 'all'"),
                Fixtures.formatted(e.diagnostics()));
    }

    @Test
    void aBareIpv6AddressIsOneHostNotAListOfNames() throws Exception {
        Inventory v6 = InventoryReader.read(Fixtures.files("hosts", "[edge]\n2001:db8::1\n2001:db8::2\n"), "hosts");
        assertEquals(List.of("2001:db8::1"), v6.select("2001:db8::1").stream().map(Host::name).toList());
        assertEquals(List.of("2001:db8::1", "2001:db8::2"), v6.select("2001:db8::2,2001:db8::1").stream().map(Host::name).toList());
    }
}

package io.routesync.config.inventory;

import static io.routesync.config.inventory.Fixtures.failures;
import static io.routesync.config.inventory.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Inventories that must not be read, and exactly what the user is told, every problem at once. */
class BadInventoryTest {

    @Test
    void structureProblemsInAYamlInventoryAreAllReported() {
        String inventory = String.join("\n",
                "all:",
                "  hots:",                                // 2: typo of hosts
                "    edge1:",
                "  children:",
                "    edge:",
                "      hosts:",
                "        - edge2",                        // 7: a list, not a mapping
                "    core:",
                "      hosts:",
                "        core1: [a, b]",                  // 10: host vars of the wrong shape
                "        core2:",
                "          2fast: x",                     // 12: not a variable name
                "    site:",
                "      vars: [x]",                        // 14: vars must be a mapping
                "    \"bad group\":",                     // 15: not a group name
                "      hosts: { h: }",
                "    loop:",
                "      children:",
                "        loop:",                          // 19: a group inside itself
                "    top:",
                "      children: { all: }",               // 21: 'all' as a child
                "");
        assertEquals(List.of(
                "hosts.yml:2:3: error: unknown key 'hots' in group 'all' (did you mean 'hosts'?)\n"
                        + "  fix: a group has only hosts:, children: and vars:; a host goes under hosts:, a child group under children:",
                "hosts.yml:7:9: error: hosts of group 'edge' must be a mapping, found a list\n"
                        + "  fix: write each host as 'name:' on its own line (with its variables indented below), not as a list item",
                "hosts.yml:10:16: error: host 'core1' must map to its variables or to nothing, found a list\n"
                        + "  fix: write 'name:' alone, or 'name:' followed by indented 'variable: value' lines",
                "hosts.yml:12:11: warning: '2fast' is not a name a template can refer to: nothing can use this variable\n"
                        + "  fix: a variable name is letters, digits and '_', and does not start with a digit",
                "hosts.yml:14:13: error: vars of group 'site' must be a mapping of name: value, found a list\n"
                        + "  fix: write one 'name: value' per line",
                "hosts.yml:15:5: error: group name 'bad group' is not valid\n"
                        + "  fix: a group name is letters, digits, '_', '-' and '.', and starts with a letter, digit or '_'",
                "hosts.yml:19:9: error: group 'loop' cannot be a child of 'loop': that makes a loop\n"
                        + "  fix: a group must not contain itself, directly or through other groups",
                "hosts.yml:21:19: error: 'all' cannot be a child group\n"
                        + "  fix: every group is already inside 'all'; remove this entry"),
                failures(files("hosts.yml", inventory), "hosts.yml"));
    }

    @Test
    void aLoopThroughSeveralGroupsIsFound() {
        String inventory = "a:\n  children:\n    b:\n      children:\n        c:\nc:\n  children:\n    a:\n";
        assertEquals(List.of("hosts.yml:8:5: error: group 'a' cannot be a child of 'c': that makes a loop\n"
                        + "  fix: a group must not contain itself, directly or through other groups"),
                failures(files("hosts.yml", inventory), "hosts.yml"));
    }

    @Test
    void groupPriorityIsWrittenInAsciiDigits() {
        String inventory = "all:\n  children:\n    dc1:\n      vars: { ansible_group_priority: \"\u0661\u0660\" }\n      hosts: { h1: }\n";
        assertEquals(List.of("hosts.yml:4:15: error: ansible_group_priority of group 'dc1' must be a whole number, found '\u0661\u0660'\n"
                        + "  fix: write a number like 10 (higher wins over other groups at the same depth; default 1)"),
                failures(files("hosts.yml", inventory), "hosts.yml"));
    }

    @Test
    void variablesThatDoubleAtEachLevelAreRefusedNotExpanded() {
        // 1.3 KB that used to expand to 16 GiB of text: refused at the first variable past the budget
        StringBuilder text = new StringBuilder("all:\n  hosts:\n    h1:\n  vars:\n    routesync_v0: \"0123456789abcdef\"\n");
        // routesync_* names: only variables routesync reads are templated
        for (int i = 1; i <= 40; i++) text.append("    routesync_v").append(i).append(": \"{{ routesync_v").append(i - 1).append(" }}{{ routesync_v").append(i - 1).append(" }}\"\n");
        assertEquals(List.of("hosts.yml:24:20: error: host h1: variable 'routesync_v19' expands to more than 16777216 characters with the variables it uses"
                        + " (a variable that repeats another which repeats another grows exponentially)\n"
                        + "  fix: write the value out instead of repeating variables"),
                failures(files("hosts.yml", text.toString()), "hosts.yml"));
    }

    @Test
    void listsThatDoubleAtEachLevelAreRefusedToo() {
        // shared, a list of lists is small in memory, but everything that walks it would walk 2^60 items
        StringBuilder text = new StringBuilder("all:\n  hosts:\n    h1:\n  vars:\n    routesync_l0: [a, b]\n");
        for (int i = 1; i <= 60; i++) text.append("    routesync_l").append(i).append(": [\"{{ routesync_l").append(i - 1).append(" }}\", \"{{ routesync_l").append(i - 1).append(" }}\"]\n");
        List<String> failures = failures(files("hosts.yml", text.toString()), "hosts.yml");
        // one error per reference that crosses the budget (both of l21's): bounded, not doubling per level
        assertEquals(2, failures.size(), failures::toString);
        String expands = "error: host h1: variable 'routesync_l21' expands to more than 16777216 characters";
        assertEquals("hosts.yml:26:21: " + expands, failures.get(0).substring(0, 17 + expands.length()));
        assertEquals("hosts.yml:26:44: " + expands, failures.get(1).substring(0, 17 + expands.length()));
    }

    @Test
    void emptyOrNonMappingYamlAndPluginConfigsAreRefused() {
        assertEquals(List.of("hosts.yml: error: the inventory is empty\n  fix: start with 'all:' and list hosts under 'hosts:'"),
                failures(files("hosts.yml", "# nothing yet\n"), "hosts.yml"));
        assertEquals(List.of("hosts.yml:1:1: error: an inventory is a mapping of groups, found a list\n"
                        + "  fix: start with 'all:' and list hosts under 'hosts:'"),
                failures(files("hosts.yml", "- edge1\n- edge2\n"), "hosts.yml"));
        assertEquals(List.of("aws.yml:1:1: error: inventory plugin configurations are not supported\n"
                        + "  fix: use a static YAML or INI inventory (all: hosts: children: vars:)"),
                failures(files("aws.yml", "plugin: amazon.aws.aws_ec2\n"), "aws.yml"));
        assertEquals(List.of("nope.yml: error: no such inventory file\n  fix: give the path of a YAML or INI inventory file"),
                failures(files("hosts.yml", "all:\n"), "nope.yml"));
    }

    @Test
    void yamlSyntaxErrorsComeFromTheYamlReaderWithTheirPosition() {
        List<String> problems = failures(files("hosts.yml", "all:\n  hosts:\n    edge1:\n   edge2:\n"), "hosts.yml");
        assertEquals(1, problems.size());
        assertEquals(true, problems.get(0).startsWith("hosts.yml:4:"), problems.get(0));
    }

    @Test
    void badHostRangesAndPortsAreErrors() {
        String inventory = String.join("\n",
                "all:",
                "  hosts:",
                "    edge[4:1]:",
                "    www[01:100]:",
                "    db[a:3]:",
                "    node[1:3:0]:",
                "    edge9:ssh:",
                "");
        String fix = "\n  fix: write a name, name:port, or a range like edge[1:4] or www[01:50]";
        assertEquals(List.of(
                "hosts.yml:3:5: error: host entry 'edge[4:1]' is not valid: the range begins after it ends" + fix,
                "hosts.yml:4:5: error: host entry 'www[01:100]' is not valid: a zero-padded range needs begin and end of the same width" + fix,
                "hosts.yml:5:5: error: host entry 'db[a:3]' is not valid: the range begin 'a' is not a number (or a single letter)" + fix,
                "hosts.yml:6:5: error: host entry 'node[1:3:0]' is not valid: the range step must be at least 1" + fix,
                "hosts.yml:7:5: error: host entry 'edge9:ssh' is not valid: 'ssh' after ':' is not a port number" + fix),
                failures(files("hosts.yml", inventory), "hosts.yml"));
    }

    @Test
    void rangesExpandLikeAnsible() throws Exception {
        String inventory = "all:\n  hosts:\n    www[08:10]:\n    db-[a:c]:\n    node[0:4:2]-[x:y]:\n    edge1:2222:\n"
                + "    \"[2001:db8::1]:2223\":\n    2001:db8::2:\n";
        Inventory inv = Fixtures.read(files("hosts.yml", inventory), "hosts.yml");
        assertEquals(List.of("www08", "www09", "www10", "db-a", "db-b", "db-c", "node0-x", "node0-y", "node2-x", "node2-y", "node4-x", "node4-y", "edge1",
                        "2001:db8::1", "2001:db8::2"),
                inv.hosts().stream().map(Host::name).toList());
        assertEquals("hosts.yml:6:11", inv.host("edge1").orElseThrow().variable("ansible_port").orElseThrow().definedAt().toString());
        assertEquals(2222, inv.host("edge1").orElseThrow().connection().port().getAsInt());
        assertEquals(2223, inv.host("2001:db8::1").orElseThrow().connection().port().getAsInt());
        assertEquals("2001:db8::2", inv.host("2001:db8::2").orElseThrow().connection().address());
    }

    @Test
    void badVariablesFilesAreErrors() {
        assertEquals(List.of(
                "group_vars/all.yml:1:1: error: a variables file must be a mapping of name: value, found a list\n  fix: write one 'name: value' per line",
                "host_vars/edge1.yml:2:1: warning: 'uplink-2' is not a name a template can refer to: nothing can use this variable\n"
                        + "  fix: a variable name is letters, digits and '_', and does not start with a digit"),
                failures(files(
                        "hosts.yml", "all:\n  hosts:\n    edge1:\n",
                        "group_vars/all.yml", "- a\n- b\n",
                        "host_vars/edge1.yml", "ok: 1\nuplink-2: x\n"), "hosts.yml"));
    }

    @Test
    void vaultFilesAreSkippedWithAWarning() throws Exception {
        Inventory inv = Fixtures.read(files(
                "hosts.yml", "all:\n  hosts:\n    edge1:\n",
                "group_vars/all/vault.yml", "$ANSIBLE_VAULT;1.1;AES256\n6638643965626438\n",
                "group_vars/all/main.yml", "x: 1\n"), "hosts.yml");
        assertEquals(List.of("group_vars/all/vault.yml: warning: skipped: this file is encrypted with ansible-vault\n"
                        + "  fix: routesync cannot decrypt vault files; keep the variables routesync needs in a plain file"),
                Fixtures.formatted(inv.warnings()));
        assertEquals("1", inv.host("edge1").orElseThrow().variable("x").orElseThrow().text().orElseThrow());
    }

    @Test
    void statesMustExistAndBePlainNames() {
        String inventory = String.join("\n",
                "all:",
                "  hosts:",
                "    edge1: { routesync_states: [dual-uplnk] }",
                "    edge2: { routesync_states: \"../../etc/passwd\" }",
                "    edge3: { routesync_states: [dual-uplink.yml] }",
                "    edge4: { routesync_states: { a: b } }",
                "    edge5: { routesync_states: [dual-uplink, dual-uplink] }",
                "");
        assertEquals(List.of(
                "inventory/hosts.yml:3:33: error: host edge1: state 'dual-uplnk' not found: there is no states/dual-uplnk.yml (did you mean 'dual-uplink'?)\n"
                        + "  fix: create states/dual-uplnk.yml or fix the name in routesync_states",
                "inventory/hosts.yml:4:32: error: host edge2: state name '../../etc/passwd' is not valid\n"
                        + "  fix: name a file in states/ without its extension, like dual-uplink for states/dual-uplink.yml",
                "inventory/hosts.yml:5:33: error: host edge3: state 'dual-uplink.yml' not found: there is no states/dual-uplink.yml.yml"
                        + " (write the name without its extension)\n"
                        + "  fix: create states/dual-uplink.yml.yml or fix the name in routesync_states",
                "inventory/hosts.yml:6:14: error: host edge4: routesync_states must be a list of state names, found a mapping\n"
                        + "  fix: write routesync_states: [base, dual-uplink]",
                "inventory/hosts.yml:7:46: error: host edge5: state 'dual-uplink' is listed twice\n  fix: list each state once"),
                failures(files("inventory/hosts.yml", inventory, "states/dual-uplink.yml", "tables: {}\n"), "inventory/hosts.yml"));
    }
}

package io.routesync.config.inventory;

import static io.routesync.config.inventory.Fixtures.failures;
import static io.routesync.config.inventory.Fixtures.files;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {{ name }} references inside inventory variables, resolved per host. */
class TemplateResolverTest {

    private static Host host(String inventory, String name) throws Exception {
        return Fixtures.read(files("hosts.yml", inventory), "hosts.yml").host(name).orElseThrow();
    }

    private static String text(Host host, String variable) {
        return host.variable(variable).orElseThrow().text().orElseThrow();
    }

    @Test
    void referencesResolveAgainstTheHostsFinalVariables() throws Exception {
        String inventory = String.join("\n",
                "all:",
                "  vars:",
                "    uplink2_addr: \"{{ uplink2_net_prefix }}.10\"",
                "    uplink2_gw: \"{{uplink2_net_prefix}}.1\"",
                "    uplink2_net_prefix: 192.168.2",
                "  hosts:",
                "    edge1:",
                "    edge2: { uplink2_net_prefix: 192.168.3 }",
                "");
        assertEquals("192.168.2.10", text(host(inventory, "edge1"), "uplink2_addr"));
        assertEquals("192.168.2.1", text(host(inventory, "edge1"), "uplink2_gw"));
        // a host's own value changes what a group variable that refers to it becomes
        Host edge2 = host(inventory, "edge2");
        assertEquals("192.168.3.10", text(edge2, "uplink2_addr"));
        // the position stays that of the definition (the group's), the value is the host's
        assertEquals("hosts.yml:3:5", edge2.variable("uplink2_addr").orElseThrow().definedAt().toString());
    }

    @Test
    void aWholeValueReferenceKeepsListsAsLists() throws Exception {
        String inventory = String.join("\n",
                "all:",
                "  vars:",
                "    edge_states: [base, dual-uplink]",
                "    other: \"{{ edge_states }}\"",
                "  hosts: { h1: }",
                "");
        assertEquals(List.of("base", "dual-uplink"), Fixtures.plain(host(inventory, "h1").variable("other").orElseThrow().value()));
    }

    @Test
    void chainsResolveAndListItemsAndMappingValuesToo() throws Exception {
        String inventory = String.join("\n",
                "all:",
                "  vars:",
                "    a: \"{{ b }}-a\"",
                "    b: \"{{ c }}-b\"",
                "    c: c",
                "    items: [\"{{ a }}\", x]",
                "    map: { k: \"{{ c }}\" }",
                "  hosts: { h1: }",
                "");
        Host h1 = host(inventory, "h1");
        assertEquals("c-b-a", text(h1, "a"));
        assertEquals(List.of("c-b-a", "x"), Fixtures.plain(h1.variable("items").orElseThrow().value()));
        assertEquals(java.util.Map.of("k", "c"), Fixtures.plain(h1.variable("map").orElseThrow().value()));
    }

    @Test
    void inventoryHostnameIsAvailable() throws Exception {
        String inventory = "all:\n  vars:\n    ansible_host: \"{{ inventory_hostname_short }}.mgmt.example.net\"\n  hosts: { edge1.dc1: }\n";
        Host h = host(inventory, "edge1.dc1");
        assertEquals("edge1.mgmt.example.net", h.connection().address());
    }

    @Test
    void anUndefinedNameIsAnErrorNamingTheHostsTheVariableAndThePlace() throws Exception {
        String inventory = String.join("\n",
                "all:",
                "  vars:",
                "    uplink2_addr: \"{{ uplink2_prefx }}.10\"",
                "  hosts:",
                "    edge1: { uplink2_prefix: 192.168.2 }",
                "    edge2: { uplink2_prefix: 192.168.3 }",
                "");
        assertEquals(List.of("hosts.yml:3:19: error: hosts edge1, edge2: variable 'uplink2_addr' refers to undefined variable 'uplink2_prefx'"
                        + " (did you mean 'uplink2_prefix'?)\n"
                        + "  fix: define 'uplink2_prefx' for this host: in host_vars/, group_vars/ or the inventory"),
                resolveFailures(files("hosts.yml", inventory), "hosts.yml", "uplink2_addr"));
    }

    @Test
    void aCycleIsAnErrorShowingTheCycle() throws Exception {
        String inventory = String.join("\n",
                "all:",
                "  vars:",
                "    a: \"{{ b }}\"",
                "    b: \"x{{ c }}\"",
                "    c: \"{{ a }}\"",
                "  hosts: { h1: }",
                "");
        assertEquals(List.of("hosts.yml:3:5: error: host h1: variables refer to each other in a cycle: a -> b -> c -> a\n"
                        + "  fix: give one of them a value that does not refer back"),
                resolveFailures(files("hosts.yml", inventory), "hosts.yml", "a"));
    }

    @Test
    void jinjaBeyondPlainNamesIsRefusedNotPassedOn() throws Exception {
        String inventory = "all:\n  vars:\n    gw: \"{{ prefix | default('10.0.0') }}.1\"\n  hosts: { h1: }\n";
        assertEquals(List.of("hosts.yml:3:9: error: host h1: variable 'gw' uses '{{ prefix | default('10.0.0') }}', which routesync cannot evaluate\n"
                        + "  fix: routesync resolves only {{ name }}; write the value itself, or put it in a variable and refer to that"),
                resolveFailures(files("hosts.yml", inventory), "hosts.yml", "gw"));
    }

    @Test
    void aListCannotBePartOfText() throws Exception {
        String inventory = "all:\n  vars:\n    l: [a, b]\n    t: \"x-{{ l }}\"\n  hosts: { h1: }\n";
        assertEquals(List.of("hosts.yml:4:8: error: host h1: variable 't' puts 'l' into text, but 'l' is a list\n"
                        + "  fix: only a single value can be part of text; write \"{{ l }}\" alone to use the whole list"),
                resolveFailures(files("hosts.yml", inventory), "hosts.yml", "t"));
    }

    /** What templating {@code variable} for every host reports: nothing is templated until asked for. */
    private static List<String> resolveFailures(MemorySource source, String path, String variable) throws Exception {
        Inventory inv = InventoryReader.read(source, path);
        HostProblems problems = new HostProblems();
        for (Host h : inv.hosts()) {
            for (io.routesync.config.Diagnostic d : h.resolved(variable).problems()) problems.error(h.name(), d.pos(), d.message(), d.fix());
        }
        return Fixtures.formatted(problems.diagnostics());
    }

    @Test
    void variablesRoutesyncDoesNotUseAreNotTemplatedSoTheirJinjaIsNoError() throws Exception {
        // the cause of most refused real inventories: facts, filters and Ansible-only magic in unrelated variables
        String inventory = String.join("\n",
                "all:",
                "  vars:",
                "    ansible_python_interpreter: \"{{ ansible_playbook_python }}\"",
                "    docker_opts: \"{{ docker_extra | default([]) | join(' ') }}\"",
                "    secret: !vault |",
                "      $ANSIBLE_VAULT;1.1;AES256",
                "      6162",
                "  hosts:",
                "    edge1: { ansible_host: \"{{ inventory_hostname }}.mgmt\", where: \"{{ inventory_dir }}\", g: \"{{ group_names }}\" }",
                "");
        Inventory inv = Fixtures.read(files("inventory/hosts.yml", inventory), "inventory/hosts.yml");
        Host edge1 = inv.host("edge1").orElseThrow();
        assertEquals("edge1.mgmt", edge1.connection().address());
        assertEquals("inventory", edge1.variable("where").orElseThrow().text().orElseThrow());
        assertEquals(List.of("ungrouped"), Fixtures.plain(edge1.variable("g").orElseThrow().value()));
        // asked for, each one is an error naming the variable and the place
        assertEquals(List.of("inventory/hosts.yml:3:33: error: host edge1: variable 'ansible_python_interpreter' refers to undefined variable"
                        + " 'ansible_playbook_python'\n  fix: 'ansible_playbook_python' exists only while Ansible runs a play; routesync has no value"
                        + " for it: write the value itself"),
                resolveFailures(files("inventory/hosts.yml", inventory), "inventory/hosts.yml", "ansible_python_interpreter"));
        assertEquals(List.of("inventory/hosts.yml:5:13: error: host edge1: variable 'secret' is encrypted with ansible-vault (!vault), which routesync"
                        + " cannot decrypt\n  fix: keep the variables routesync needs in plain text; a vaulted value is never used as its ciphertext"),
                resolveFailures(files("inventory/hosts.yml", inventory), "inventory/hosts.yml", "secret"));
    }

    @Test
    void aFailureUsedTwiceAtEveryLevelIsReportedOnceNotDoubledPerLevel() {
        // each level uses the one below twice: the problem list must not double with it (2^60 entries)
        StringBuilder text = new StringBuilder("all:\n  hosts:\n    h1:\n  vars:\n    routesync_v0: \"{{ x | upper }}\"\n");
        for (int i = 1; i <= 60; i++) {
            text.append("    routesync_v").append(i).append(": \"{{ routesync_v").append(i - 1).append(" }}{{ routesync_v").append(i - 1).append(" }}\"\n");
        }
        assertEquals(List.of("hosts.yml:5:19: error: host h1: variable 'routesync_v0' uses '{{ x | upper }}', which routesync cannot evaluate\n"
                        + "  fix: routesync resolves only {{ name }}; write the value itself, or put it in a variable and refer to that"),
                failures(files("hosts.yml", text.toString()), "hosts.yml"));
    }

    @Test
    void anUnsafeValueIsNeverTemplated() throws Exception {
        String inventory = "all:\n  hosts:\n    h1: { routesync_note: !unsafe \"{{ not_a_variable }}\" }\n";
        Host h1 = Fixtures.read(files("hosts.yml", inventory), "hosts.yml").host("h1").orElseThrow();
        assertEquals("{{ not_a_variable }}", h1.variable("routesync_note").orElseThrow().text().orElseThrow());
    }

    @Test
    void aVaultedValueRoutesyncNeedsRefusesTheHostNotUsedAsCiphertext() {
        String inventory = "all:\n  hosts:\n    h1: { ansible_user: !vault \"$ANSIBLE_VAULT;1.1;AES256 6162\" }\n";
        assertEquals(List.of("hosts.yml:3:25: error: host h1: variable 'ansible_user' is encrypted with ansible-vault (!vault), which routesync"
                        + " cannot decrypt\n  fix: keep the variables routesync needs in plain text; a vaulted value is never used as its ciphertext"),
                failures(files("hosts.yml", inventory), "hosts.yml"));
    }
}

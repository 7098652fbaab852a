package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is wrong with a host counts only when the host is selected (issue 16, items 8 and 9), and
 * {@code routesync inventory} shows what routesync read, shaped like ansible-inventory (item 12).
 */
class InventoryCliTest {
    @TempDir
    Path dir;

    private String inventory;

    @BeforeEach
    void checkout() throws IOException {
        Files.createDirectories(dir.resolve("inventory"));
        Files.createDirectories(dir.resolve("states"));
        Files.writeString(dir.resolve("states/uplink.yml"), String.join("\n",
                "tables:",
                "  uplink: 100",
                "routes:",
                "  uplink:",
                "    - { to: 198.18.0.0/29, via: \"{{ gateway }}\", dev: eth0 }",
                ""));
        Files.writeString(dir.resolve("inventory/hosts.yml"), String.join("\n",
                "all:",
                "  vars:",
                "    ansible_python_interpreter: \"{{ ansible_playbook_python }}\"",
                "    docker_opts: \"{{ docker_extra | default([]) | join(' ') }}\"",
                "  children:",
                "    linux:",
                "      vars: { routesync_states: [uplink], gateway: 10.0.0.254 }",
                "      hosts:",
                "        web1: { ansible_host: \"{{ inventory_hostname }}.example.net\" }",
                "        web2: { gateway: \"{{ prefix | default('10.0.0') }}.1\" }",
                "    windows:",
                "      hosts:",
                "        win1: { ansible_connection: winrm }",
                "    network:",
                "      hosts:",
                "        switch1: { ansible_connection: network_cli, ansible_host: \"{{ lookup('env', 'SWITCH') }}\" }",
                ""));
        inventory = dir.resolve("inventory/hosts.yml").toString();
    }

    @Test
    void hostsOutsideTheLimitAndVariablesNoStateUsesAreNeverAProblem() {
        CliRunner.Result r = CliRunner.run("validate", "-i", inventory, "--limit", "web1");
        assertEquals(ExitCodes.OK, r.exitCode(), r.toString());
        assertEquals("  web1  0 rules, 1 routes, 1 owned tables\nValid: 1 host.\n", r.out());
    }

    @Test
    void aSelectedHostsProblemsAreReportedNamingHostVariableAndPlace() {
        CliRunner.Result r = CliRunner.run("validate", "-i", inventory);
        assertEquals(ExitCodes.DATA, r.exitCode(), r.toString());
        String err = r.err();
        assertTrue(err.contains(inventory + ":13:17: error: host win1: ansible_connection 'winrm' is not supported"), err);
        assertTrue(err.contains(inventory + ":16:67: error: host switch1: variable 'ansible_host' uses '{{ lookup('env', 'SWITCH') }}',"
                + " which routesync cannot evaluate"), err);
        // a state's variable that routesync cannot template: the host, the variable and where it was set
        assertTrue(err.contains("error: host web2: variable 'gateway' cannot be used: variable 'gateway' uses '{{ prefix | default('10.0.0') }}',"
                + " which routesync cannot evaluate (" + inventory + ":10:26)"), err);
        assertTrue(!err.contains("ansible_python_interpreter") && !err.contains("docker_opts") && !err.contains("web1"), err);
    }

    @Test
    void inventoryListHostAndGraphShowWhatRoutesyncReadLikeAnsibleInventory() throws Exception {
        CliRunner.Result list = CliRunner.run("inventory", "-i", inventory, "--list");
        assertEquals(ExitCodes.OK, list.exitCode(), list.toString());
        JsonNode json = new ObjectMapper().readTree(list.out());
        assertEquals("[\"linux\",\"windows\",\"network\",\"ungrouped\"]", json.get("all").get("children").toString());
        assertEquals("[\"web1\",\"web2\"]", json.get("linux").get("hosts").toString());
        // untemplated, as ansible-inventory --list shows them
        assertEquals("{{ inventory_hostname }}.example.net", json.get("_meta").get("hostvars").get("web1").get("ansible_host").asText());
        assertEquals("10.0.0.254", json.get("_meta").get("hostvars").get("web1").get("gateway").asText());

        CliRunner.Result host = CliRunner.run("inventory", "-i", inventory, "--host", "win1");
        assertEquals(ExitCodes.OK, host.exitCode(), host.toString());
        assertEquals("winrm", new ObjectMapper().readTree(host.out()).get("ansible_connection").asText());
        // and what a run selecting it would say
        assertTrue(host.err().contains("host win1: ansible_connection 'winrm' is not supported"), host.err());

        CliRunner.Result graph = CliRunner.run("inventory", "-i", inventory, "--graph");
        assertEquals(ExitCodes.OK, graph.exitCode(), graph.toString());
        assertEquals(String.join("\n",
                "@all:",
                "  |--@linux:",
                "  |  |--web1",
                "  |  |--web2",
                "  |--@network:",
                "  |  |--switch1",
                "  |--@ungrouped:",
                "  |--@windows:",
                "  |  |--win1",
                ""), graph.out());
    }
}

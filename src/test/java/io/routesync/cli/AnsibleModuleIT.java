package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.testing.Netns;
import io.routesync.testing.SshFleet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Ansible collection in ansible/ (failsafe: runs after package, with the built jar), driven by the
 * Debian ansible package's ansible-playbook against a two-host sshd fleet in namespaces: converge,
 * idempotence (changed=0 the second time), check mode with --diff (the plan, nothing changed), and
 * failing states (invalid input, an apply the kernel refuses) failing the task with routesync's error.
 * Under CI=true a missing ansible-playbook or ansible.posix fails the test.
 */
class AnsibleModuleIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PLAYBOOKS = Path.of("src/test/resources/ansible").toAbsolutePath();
    private static SshFleet fleet;
    private static Path inventory;

    @BeforeAll
    static void fleet() throws IOException {
        requireAnsible();
        SshFleet.require();
        assertTrue(Files.isRegularFile(Path.of("target/routesync.jar")), "target/routesync.jar (mvn package) must exist");
        fleet = SshFleet.start(2);
        StringBuilder ini = new StringBuilder();
        for (SshFleet.Host h : fleet.hosts()) {
            Path dir = fleet.dir().resolve("rs-" + h.name());
            ini.append(node(h)).append(" ansible_host=").append(h.address()).append(" ansible_user=root")
                    .append(" source=192.0.2.").append(10 + h.index()).append(" gw=").append(h.controllerAddress())
                    .append(" rs_dir=").append(dir).append('\n');
        }
        inventory = fleet.dir().resolve("hosts.ini");
        Files.writeString(inventory, ini);
        Files.createDirectories(fleet.dir().resolve("ansible-home"));
        Files.writeString(fleet.dir().resolve("ansible.cfg"), "");
    }

    @AfterAll
    static void stop() {
        if (fleet != null) fleet.close();
    }

    @Test
    void convergesIsIdempotentAndCheckModeShowsThePlanWithoutChangingAnything() throws Exception {
        JsonNode first = playbook("converge.yml");
        for (SshFleet.Host h : fleet.hosts()) {
            JsonNode r = result(first, h);
            assertTrue(r.path("changed").asBoolean(), r.toString());
            assertEquals(4, r.path("changes").asInt(), r.toString());
            assertEquals("applied", r.path("outcome").asText(), r.toString());
            assertTrue(fleet.ip(h.index(), "rule", "show").contains("1000:\tfrom 192.0.2." + (10 + h.index()) + " lookup 102"),
                    fleet.ip(h.index(), "rule", "show"));
            assertTrue(fleet.ip(h.index(), "route", "show", "table", "102").contains("198.51.100.0/24 via " + h.controllerAddress()));
        }
        assertEquals(1, stats(first, fleet.host(0), "changed"));

        JsonNode second = playbook("converge.yml");
        for (SshFleet.Host h : fleet.hosts()) {
            JsonNode r = result(second, h);
            assertFalse(r.path("changed").asBoolean(), r.toString());
            assertEquals(0, r.path("changes").asInt(), r.toString());
            assertEquals(0, stats(second, h, "changed"), second.path("stats").toString());
        }

        // drift on h0 only: check mode reports it as a change with the plan as the diff, and leaves it
        fleet.ip(0, "rule", "del", "pref", "1000");
        JsonNode check = playbook("converge.yml", "--check", "--diff");
        JsonNode drifted = result(check, fleet.host(0));
        assertTrue(drifted.path("changed").asBoolean(), drifted.toString());
        assertEquals(1, drifted.path("changes").asInt(), drifted.toString());
        assertEquals("  + ip rule add pref 1000 from 192.0.2.10 lookup uplink2 protocol routesync\n\n"
                + "Plan: 1 to add, 0 to change, 0 to delete.\n", drifted.path("diff").path("prepared").asText(), drifted.toString());
        assertFalse(result(check, fleet.host(1)).path("changed").asBoolean(), check.toString());
        assertFalse(fleet.ip(0, "rule", "show").contains("1000:"), "check mode changed nothing");

        JsonNode healed = playbook("converge.yml");
        assertEquals(1, stats(healed, fleet.host(0), "changed"));
        assertEquals(0, stats(healed, fleet.host(1), "changed"));
        assertTrue(fleet.ip(0, "rule", "show").contains("1000:\tfrom 192.0.2.10 lookup 102"));
    }

    @Test
    void invalidStateFailsWithRoutesyncsErrorNamingTheUsersFile() throws Exception {
        JsonNode run = playbook("converge.yml", "-e", "{\"states\": [\"unknown-key.yml\"]}");
        for (SshFleet.Host h : fleet.hosts()) {
            JsonNode r = result(run, h);
            assertTrue(r.path("failed").asBoolean(), r.toString());
            String msg = r.path("msg").asText();
            assertTrue(msg.contains(PLAYBOOKS.resolve("files/unknown-key.yml") + ":5:"), msg);
            assertTrue(msg.contains("tabel"), msg);
            assertFalse(msg.contains("routesync-ansible-"), "no temporary path in " + msg);
            assertEquals(1, stats(run, h, "failures"), run.path("stats").toString());
        }
        JsonNode missing = playbook("converge.yml", "--limit", "node0", "-e", "{\"states\": [\"nosuch.yml\"]}");
        JsonNode m = result(missing, fleet.host(0));
        assertTrue(m.path("failed").asBoolean(), m.toString());
        assertTrue(m.path("msg").asText().startsWith("state file nosuch.yml not found"), m.toString());
    }

    @Test
    void applyTheKernelRefusesFailsTheTaskAndIsRolledBack() throws Exception {
        String before = fleet.ip(1, "route", "show", "table", "all");
        JsonNode run = playbook("converge.yml", "--limit", "node1", "-e", "{\"states\": [\"no-such-device.yml\"], \"source\": \"192.0.2.99\"}");
        JsonNode r = result(run, fleet.host(1));
        assertTrue(r.path("failed").asBoolean(), r.toString());
        assertTrue(r.path("msg").asText().contains("nosuch0"), r.toString());
        assertEquals(before, fleet.ip(1, "route", "show", "table", "all"), "rolled back");
        assertFalse(fleet.ip(1, "rule", "show").contains("192.0.2.99"), "rolled back");
    }

    @Test
    void theHostsPortReachesRoutesyncAndAnUnreachableHostIsUnreachable() throws Exception {
        JsonNode run = playbook("converge.yml", "--limit", "node1", "-e", "ansible_port=2222");
        JsonNode r = result(run, fleet.host(1));
        assertTrue(r.path("unreachable").asBoolean(), r.toString());
        assertTrue(r.path("msg").asText().contains("port 2222"), r.toString());
        assertEquals(1, stats(run, fleet.host(1), "unreachable"), run.path("stats").toString());
    }

    @Test
    void connectionSettingsAndVariablesStayData() throws Exception {
        Path marker = fleet.dir().resolve("pwned");
        // an ssh option that would run a program on the controller: refused by routesync's allow-list
        JsonNode proxy = playbook("converge.yml", "--limit", "node0", "-e",
                "{\"ansible_ssh_common_args\": \"-o ProxyCommand=touch " + marker + "\"}");
        JsonNode r = result(proxy, fleet.host(0));
        assertTrue(r.path("failed").asBoolean(), r.toString());
        assertTrue(r.path("msg").asText().contains("ansible_ssh_common_args: -o ProxyCommand is not allowed"), r.toString());
        assertTrue(r.path("msg").asText().startsWith("the task's vars and the host's connection variables: error: host node0:"), r.toString());
        // a variable that looks like shell: an invalid address, never run
        JsonNode shell = playbook("converge.yml", "--limit", "node0", "-e", "{\"source\": \"$(touch " + marker + ")\"}");
        JsonNode s = result(shell, fleet.host(0));
        assertTrue(s.path("failed").asBoolean(), s.toString());
        assertTrue(s.path("msg").asText().contains("touch"), s.toString());
        assertFalse(Files.exists(marker), "nothing was run");
        // the names routesync uses for its own settings are not state variables
        JsonNode reserved = playbook("reserved-var.yml", "--limit", "node0");
        JsonNode v = result(reserved, fleet.host(0));
        assertTrue(v.path("failed").asBoolean(), v.toString());
        assertTrue(v.path("msg").asText().contains("'ansible_host' is not a state variable"), v.toString());
    }

    @Test
    void localConnectionConvergesTheControllersOwnNamespace() throws Exception {
        // ansible-playbook itself runs inside a namespace, so "local" is that namespace, never this machine
        try (Netns ns = Netns.create("ansible")) {
            ns.vethPair("eth0", "eth0p");
            ns.ip("addr", "add", "10.78.0.2/24", "dev", "eth0");
            Path dir = fleet.dir().resolve("rs-local");
            Path hosts = fleet.dir().resolve("local.ini");
            Files.writeString(hosts, "local0 ansible_connection=local source=192.0.2.50 gw=10.78.0.1 rs_dir=" + dir + "\n");
            JsonNode run = playbook(List.of("ip", "netns", "exec", ns.name()), hosts.toString(), "converge.yml", "--diff");
            JsonNode r = result(run, "local0");
            assertTrue(r.path("changed").asBoolean(), r.toString());
            assertTrue(r.path("diff").path("prepared").asText().contains("+ ip rule add pref 1000 from 192.0.2.50 lookup uplink2"), r.toString());
            assertTrue(ns.ip("rule", "show").contains("1000:\tfrom 192.0.2.50 lookup 102"), ns.ip("rule", "show"));
            JsonNode again = playbook(List.of("ip", "netns", "exec", ns.name()), hosts.toString(), "converge.yml");
            assertFalse(result(again, "local0").path("changed").asBoolean(), again.toString());
        }
    }

    // --- running ansible-playbook ---------------------------------------------------------------------

    private static JsonNode playbook(String book, String... extra) throws Exception {
        return playbook(List.of(), inventory.toString(), book, extra);
    }

    /** Runs ansible-playbook (after {@code wrapper}, e.g. ip netns exec NS) with the JSON callback; returns its document. */
    private static JsonNode playbook(List<String> wrapper, String hosts, String book, String... extra) throws Exception {
        List<String> argv = new ArrayList<>(wrapper);
        argv.addAll(List.of("ansible-playbook", "-i", hosts, PLAYBOOKS.resolve(book).toString()));
        argv.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.put("ANSIBLE_CONFIG", fleet.dir().resolve("ansible.cfg").toString());
        env.put("ANSIBLE_HOME", fleet.dir().resolve("ansible-home").toString());
        env.put("ANSIBLE_LOCAL_TEMP", fleet.dir().resolve("ansible-home").toString());
        env.put("ANSIBLE_COLLECTIONS_PATH", Path.of("ansible").toAbsolutePath().toString());
        env.put("ANSIBLE_STDOUT_CALLBACK", "ansible.posix.json");
        env.put("ANSIBLE_NOCOLOR", "1");
        // the plugin is loaded from the worktree: leave no __pycache__ there
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("ANSIBLE_RETRY_FILES_ENABLED", "0");
        env.put("ROUTESYNC_COMMAND", "java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar " + Path.of("target/routesync.jar").toAbsolutePath());
        env.put("ROUTESYNC_SSH_PROGRAM", String.join(" ", fleet.sshProgram()));
        Path out = fleet.dir().resolve("playbook.out");
        Path err = fleet.dir().resolve("playbook.err");
        long started = System.nanoTime();
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("ansible-playbook " + book + " did not finish in 180 s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        try {
            JsonNode doc = JSON.readTree(stdout);
            // for the report file: what ran, how long it took, what each host said
            System.out.printf("%s: %d ms%n", String.join(" ", argv), (System.nanoTime() - started) / 1_000_000);
            doc.path("plays").path(0).path("tasks").path(0).path("hosts").fields().forEachRemaining(e ->
                    System.out.printf("  %s changed=%s changes=%s msg=%s%n", e.getKey(), e.getValue().path("changed"),
                            e.getValue().path("changes"), e.getValue().path("msg")));
            return doc;
        } catch (IOException e) {
            throw new AssertionError("ansible-playbook exited " + p.exitValue() + " without a JSON document: " + stdout
                    + Files.readString(err, StandardCharsets.UTF_8), e);
        }
    }

    /** The routesync task's result for one host (the play's only task). */
    private static JsonNode result(JsonNode run, SshFleet.Host host) {
        return result(run, node(host));
    }

    private static JsonNode result(JsonNode run, String name) {
        JsonNode r = run.path("plays").path(0).path("tasks").path(0).path("hosts").path(name);
        assertFalse(r.isMissingNode(), "no result for " + name + " in " + run);
        return r;
    }

    private static int stats(JsonNode run, SshFleet.Host host, String counter) {
        return run.path("stats").path(node(host)).path(counter).asInt(-1);
    }

    /** The host's Ansible name: not an alias of the fleet's ssh_config, so only ansible_host reaches it. */
    private static String node(SshFleet.Host host) {
        return "node" + host.index();
    }

    private static void requireAnsible() {
        String why = null;
        try {
            Process p = new ProcessBuilder("ansible-doc", "-t", "callback", "ansible.posix.json").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) why = "ansible-doc cannot find the ansible.posix.json callback";
        } catch (IOException | InterruptedException e) {
            why = "ansible is not installed (apt-get install ansible): " + e.getMessage();
        }
        if (why == null) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("this test needs ansible-playbook and CI=true is set: " + why);
        abort("skipped: " + why);
    }
}

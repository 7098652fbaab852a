package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expect:} through the command line: validate and {@code routesync test} offline, plan refusing
 * a plan that breaks a flow (65, nothing applied), {@code routesync test --netns} asking the
 * namespace's kernel, before and after apply, and the flows in {@code plan --json} and {@code apply PLAN --json}.
 */
class ExpectCommandsNetnsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = String.join("\n",
            "tables: { uplink2: 102 }",
            "rules:",
            "  - { priority: 1000, from: 192.168.2.10, table: uplink2 }",
            "routes:",
            "  uplink2:",
            "    - { to: default, via: 192.168.2.1, dev: eth1 }",
            "expect:",
            "  - { from: 192.168.2.10, to: 203.0.113.5, via: 192.168.2.1, dev: eth1 }",
            "  - { to: 203.0.113.5, unchanged: true }",
            "");

    @TempDir
    Path dir;
    private Netns ns;

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    private Path state(String yaml) throws Exception {
        Path f = dir.resolve("s.yml");
        Files.writeString(f, yaml);
        return f;
    }

    private CliRunner.Result cli(String command, Path state, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "-f", state.toString(), "--no-color"));
        args.addAll(List.of(more));
        if (ns != null) {
            args.addAll(List.of("--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                    "--lock-dir", dir.toString()));
        }
        return CliRunner.run(args);
    }

    @Test
    void offlineValidateAndTest() throws Exception {
        Path ok = state(STATE);
        CliRunner.Result v = cli("validate", ok);
        assertEquals(0, v.exitCode(), v::toString);
        assertEquals("Valid: 1 rules, 1 routes, 1 owned tables.\nExpectations: 1 met, 1 to check on the host (routesync test).\n", v.out());
        CliRunner.Result t = cli("test", ok);
        assertEquals(0, t.exitCode(), t::toString);
        assertEquals(String.join("\n",
                "PASS  " + ok + ":8:5  from 192.168.2.10 to 203.0.113.5 -> via 192.168.2.1 dev eth1",
                "SKIP  " + ok + ":9:5  to 203.0.113.5 -> unchanged",
                "      the lookup reaches table main, which the desired state does not hold: check it on the host",
                "Expectations: 1 passed, 0 failed, 1 skipped.", ""), t.out());

        Path bad = state(STATE + "  - { from: 192.168.2.10, to: 203.0.113.5, type: blackhole }\n");
        CliRunner.Result vb = cli("validate", bad);
        assertEquals(65, vb.exitCode(), vb::toString);
        assertEquals(bad + ":10:5: error: expectation not met by the desired state: from 192.168.2.10 to 203.0.113.5: expected blackhole,"
                + " but the lookup gives via 192.168.2.1 dev eth1 (rule 1000: from 192.168.2.10 lookup uplink2, route default via 192.168.2.1"
                + " dev eth1 proto routesync in table uplink2)\n"
                + "  fix: change the rules or routes so the flow goes as expected, or the expectation if the new way is intended\n"
                + "1 error; nothing was changed.\n", vb.err());
        CliRunner.Result tb = cli("test", bad);
        assertEquals(1, tb.exitCode(), tb::toString);
        assertTrue(tb.out().contains("FAIL  " + bad + ":10:5  from 192.168.2.10 to 203.0.113.5 -> blackhole\n"), tb.out());
    }

    @Test
    void planRefusesABrokenFlowAndTestAsksTheKernel() throws Exception {
        KernelAccess.require();
        ns = Netns.create("expcli");
        ns.vethPair("eth0", "eth0p");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.1.10/24", "dev", "eth0");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
        ns.ip("route", "add", "default", "via", "192.168.1.1", "dev", "eth0");

        // the plan would send the host's own traffic through uplink 2: refused, nothing applied
        Path moving = state(STATE.replace("from: 192.168.2.10, table: uplink2", "to: 203.0.113.0/24, table: uplink2"));
        CliRunner.Result refused = cli("apply", moving, "--auto-approve");
        assertEquals(65, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains(moving + ":9:5: expectation not met after this plan: to 203.0.113.5: expected unchanged, but it would"
                + " change from via 192.168.1.1 dev eth0"), refused.err());
        assertFalse(ns.ip("rule", "show").contains("lookup 102"), "nothing applied");

        Path ok = state(STATE);
        CliRunner.Result before = cli("test", ok);
        assertEquals(1, before.exitCode(), before::toString);
        assertTrue(before.out().contains("FAIL  " + ok + ":8:5  from 192.168.2.10 to 203.0.113.5 -> via 192.168.2.1 dev eth1\n"
                + "      the kernel (ip route get) gives unicast 203.0.113.5 from 192.168.2.10 via 192.168.1.1 dev eth0 table 254"), before.out());
        assertTrue(before.out().contains("PASS  " + ok + ":9:5  to 203.0.113.5 -> unchanged\n"), before.out());

        CliRunner.Result apply = cli("apply", ok, "--auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Expectations this plan changes:\n  ~ from 192.168.2.10 to 203.0.113.5 (" + ok + ":8:5)\n"), apply.out());
        CliRunner.Result after = cli("test", ok);
        assertEquals(0, after.exitCode(), after::toString);
        assertEquals(String.join("\n",
                "PASS  " + ok + ":8:5  from 192.168.2.10 to 203.0.113.5 -> via 192.168.2.1 dev eth1",
                "PASS  " + ok + ":9:5  to 203.0.113.5 -> unchanged",
                "Expectations: 2 passed, 0 failed.", ""), after.out());
    }

    @Test
    void planJsonShowsTheFlowsAndApplyPlanJsonTheKernelsAnswers() throws Exception {
        KernelAccess.require();
        ns = Netns.create("expjson");
        ns.vethPair("eth0", "eth0p");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.1.10/24", "dev", "eth0");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
        ns.ip("route", "add", "default", "via", "192.168.1.1", "dev", "eth0");
        Path ok = state(STATE);
        Path planFile = dir.resolve("edge.plan");

        // a plan file is data: the directories it records end in iproute2 and routesync
        CliRunner.Result plan = CliRunner.run(List.of("plan", "-f", ok.toString(), "--no-color", "--netns", ns.name(), "--etc-dir",
                dir.resolve("iproute2").toString(), "--state-dir", dir.resolve("routesync").toString(), "--lock-dir",
                dir.resolve("lock/routesync").toString(), "--json", "--out", planFile.toString()));
        assertEquals(0, plan.exitCode(), plan::toString);
        assertFalse(plan.err().contains("warning"), "the plan file carries the flows: " + plan.err());
        JsonNode planned = JSON.readTree(plan.out()).get("hosts").get(0).get("expectations");
        assertEquals(2, planned.size(), planned::toString);
        assertEquals(JSON.readTree("{\"from\": \"192.168.2.10\", \"to\": \"203.0.113.5\"}"), planned.get(0).get("flow"));
        assertEquals(JSON.readTree("{\"via\": \"192.168.2.1\", \"dev\": \"eth1\"}"), planned.get(0).get("expected"));
        assertEquals("192.168.1.1", planned.get(0).get("live").get("via").asText());
        assertEquals("192.168.2.1", planned.get(0).get("desired").get("via").asText());
        assertEquals(102, planned.get(0).get("desired").get("table").asInt());
        assertTrue(planned.get(0).get("changed").asBoolean());
        assertEquals("pass", planned.get(0).get("status").asText());
        assertEquals(JSON.readTree("{\"unchanged\": true}"), planned.get(1).get("expected"));
        assertFalse(planned.get(1).get("changed").asBoolean());
        assertEquals("pass", planned.get(1).get("status").asText());

        CliRunner.Result apply = CliRunner.run(List.of("apply", planFile.toString(), "--json", "--no-color"));
        assertEquals(0, apply.exitCode(), apply::toString);
        JsonNode host = JSON.readTree(apply.out()).get("hosts").get(0);
        assertEquals("applied", host.get("outcome").asText(), host::toString);
        JsonNode kernel = host.get("expectations");
        assertEquals(2, kernel.size(), kernel::toString);
        assertEquals("pass", kernel.get(0).get("status").asText());
        assertEquals("192.168.2.1", kernel.get(0).get("kernel").get("via").asText());
        assertEquals("eth1", kernel.get(0).get("kernel").get("dev").asText());
        // the unchanged flow, checked against the answer the live host gave when planned
        assertEquals(JSON.readTree("{\"type\": \"unicast\", \"via\": \"192.168.1.1\", \"dev\": \"eth0\", \"table\": 254}"),
                kernel.get(1).get("expected"));
        assertEquals("pass", kernel.get(1).get("status").asText());
        assertEquals(254, kernel.get(1).get("kernel").get("table").asInt());
    }
}

package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.ConfirmTimers;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.RoutingSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health probes on a single namespace with {@code apply --confirm}. They run inside the namespace (a
 * TCP connect to the namespace's own address is refused there, where nothing listens; outside it the
 * address does not exist); a passing ping confirms, a failing probe leaves the timer to undo the
 * change; a route probe ({@code ip route get} inside the namespace) must answer as it says; a TCP
 * connect goes from a source address ({@code nc -s}); plan files and {@code apply --last} keep them.
 */
class ProbesNetnsCliTest {
    private static final String PING = "  - { ping: 192.0.2.1, from: 192.0.2.1, timeout: 2 }\n";

    private static final String STATE = String.join("\n",
            "tables: { t100: 100 }",
            "rules:",
            "  - { priority: 1000, from: 192.0.2.1, table: t100 }",
            "routes:",
            "  t100:",
            "    - \"default via 192.0.2.254 dev d0\"",
            "probes:",
            "");

    @TempDir
    Path dir;
    Netns ns;
    String before;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("rprobe");
        ns.vethPair("d0", "d0p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
        ns.ip("address", "add", "192.0.2.2/24", "dev", "d0");
        before = RoutingSnapshot.of(ns);
    }

    @AfterEach
    void tearDown() {
        try {
            ConfirmTimers.stop(dir.resolve("state"));
        } finally {
            if (ns != null) ns.close();
        }
    }

    @Test
    void aPassingPingConfirmsTheChange() throws Exception {
        CliRunner.Result r = apply(STATE + PING);
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Confirmed over a new connection: netns " + ns.name() + " is reachable and verified"), r::toString);
        assertTrue(ns.ip("rule", "show").contains("1000:\tfrom 192.0.2.1 lookup 100"));
    }

    /** Waits for the 3 s confirmation deadline. */
    @Test
    void aFailingProbeLeavesTheTimerToUndoTheChange() throws Exception {
        CliRunner.Result r = apply(STATE + PING + "  - { tcp: 192.0.2.1, port: 9, timeout: 2 }\n");
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        String all = r.out() + r.err();
        assertTrue(all.contains("NOT CONFIRMED: health probe failed: tcp 192.0.2.1 port 9: failed (exit 1): "), r::toString);
        assertTrue(all.contains("Connection refused"), "the connect ran inside the namespace: " + r);
        assertTrue(all.contains("rolled the change back by itself"), r::toString);
        assertEquals(before, RoutingSnapshot.of(ns), "the host's timer undid the change");
    }

    @Test
    void withoutConfirmTheProbesDoNotRunAndAWarningSaysSo() throws Exception {
        CliRunner.Result r = apply(STATE + PING + "  - { tcp: 192.0.2.1, port: 9, timeout: 2 }\n", "--auto-approve");
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("warning: the desired state declares health probes (probes:), which run only with --confirm"
                + " SECONDS; applying without them\n"), r::toString);
    }

    @Test
    void aRouteProbeTheKernelAnswersConfirms() throws Exception {
        CliRunner.Result r = apply(STATE + "  - { route: { from: 192.0.2.1, to: 198.51.100.7 }, via: 192.0.2.254, dev: d0, table: t100 }\n");
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Confirmed over a new connection: netns " + ns.name() + " is reachable and verified"), r::toString);
    }

    /** Waits for the 3 s confirmation deadline. */
    @Test
    void aRouteProbeTheKernelAnswersOtherwiseLeavesTheTimerToUndoTheChange() throws Exception {
        CliRunner.Result r = apply(STATE + "  - { route: { from: 192.0.2.1, to: 198.51.100.7 }, via: 192.0.2.253 }\n");
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        String all = r.out() + r.err();
        assertTrue(all.contains("NOT CONFIRMED: health probe failed: route from 192.0.2.1 to 198.51.100.7: expected via 192.0.2.253, but"
                + " the kernel (ip route get) gives unicast 198.51.100.7 from 192.0.2.1 via 192.0.2.254 dev d0 table 100"), r::toString);
        assertTrue(all.contains("rolled the change back by itself"), r::toString);
        assertEquals(before, RoutingSnapshot.of(ns), "the host's timer undid the change");
    }

    /** A plan file keeps the route probes; apply PLAN --confirm asks the kernel before it keeps the change. Waits 3 s. */
    @Test
    void aSavedPlanRunsTheRouteProbesItWasMadeWith() throws Exception {
        Path file = Files.writeString(dir.resolve("s.yml"), STATE
                + "  - { route: { from: 192.0.2.1, to: 198.51.100.7 }, via: 192.0.2.253 }\n");
        Path saved = dir.resolve("edge.plan");
        // a plan file names only directories called iproute2 and routesync
        Path state = dir.resolve("lib/routesync");
        CliRunner.Result plan = CliRunner.run(List.of("plan", "-f", file.toString(), "--out", saved.toString(), "--netns", ns.name(),
                "--etc-dir", dir.resolve("iproute2").toString(), "--state-dir", state.toString(), "--lock-dir", dir.resolve("run/routesync").toString()));
        assertEquals(ExitCodes.OK, plan.exitCode(), plan::toString);
        assertTrue(Files.readString(saved).contains("\"route_probes\""), "the plan file keeps the route probe");

        CliRunner.Result r;
        try {
            r = CliRunner.run(List.of("apply", saved.toString(), "--confirm", "3"));
        } finally {
            ConfirmTimers.stop(state);
        }
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        String all = r.out() + r.err();
        assertTrue(all.contains("NOT CONFIRMED: health probe failed: route from 192.0.2.1 to 198.51.100.7: expected via 192.0.2.253"),
                r::toString);
        assertEquals(before, RoutingSnapshot.of(ns), "the host's timer undid the change");
    }

    @Test
    void aTcpProbeConnectsFromItsSourceAddress() throws Exception {
        KernelAccess.requireCommand("nc", "netcat-openbsd");
        // nc binds the source inside the namespace: 192.0.2.99 is no address there
        Process listener = new ProcessBuilder("ip", "netns", "exec", ns.name(), "nc", "-l", "-k", "192.0.2.1", "8080")
                .redirectErrorStream(true).start();
        try {
            Thread.sleep(300);
            CliRunner.Result ok = apply(STATE + "  - { tcp: 192.0.2.1, port: 8080, from: 192.0.2.2, timeout: 2 }\n");
            assertEquals(ExitCodes.OK, ok.exitCode(), ok::toString);
            assertTrue(ok.out().contains("Confirmed over a new connection"), ok::toString);

            ns.ip("rule", "del", "pref", "1000");
            CliRunner.Result bad = apply(STATE + "  - { tcp: 192.0.2.1, port: 8080, from: 192.0.2.99, timeout: 2 }\n");
            assertEquals(ExitCodes.FAILED, bad.exitCode(), bad::toString);
            String all = bad.out() + bad.err();
            assertTrue(all.contains("health probe failed: tcp 192.0.2.1 port 8080 from 192.0.2.99: failed (exit 1): "), bad::toString);
            assertTrue(all.contains("Cannot assign requested address"), "the source was bound: " + bad);
        } finally {
            listener.destroy();
            listener.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Waits for the 3 s confirmation deadline. */
    @Test
    void applyLastRunsTheProbesAndChecksTheFlowsTheStateWasKeptWith() throws Exception {
        String kept = STATE + "  - { tcp: 192.0.2.1, port: 9, timeout: 2 }\n"
                + "  - { route: { from: 192.0.2.1, to: 198.51.100.7 }, via: 192.0.2.254 }\n"
                + "expect:\n  - { from: 192.0.2.1, to: 198.51.100.7, via: 192.0.2.254, table: t100 }\n";
        CliRunner.Result first = apply(kept, "--auto-approve");
        assertEquals(ExitCodes.OK, first.exitCode(), first::toString);
        String desired = Files.readString(dir.resolve("state/desired.yaml"));
        assertTrue(desired.contains("probes:\n  - { tcp: \"192.0.2.1\", port: 9, timeout: 2 }\n"), desired);
        assertTrue(desired.contains("expect:\n"), desired);

        // the kept probes run: the connect is refused, so the change is not kept
        ns.ip("rule", "del", "pref", "1000");
        CliRunner.Result last = cli("apply", "--last", "--auto-approve", "--confirm", "3");
        assertEquals(ExitCodes.FAILED, last.exitCode(), last::toString);
        String all = last.out() + last.err();
        assertTrue(all.contains("NOT CONFIRMED: health probe failed: tcp 192.0.2.1 port 9: failed (exit 1): "), last::toString);
        assertFalse(ns.ip("rule", "show").contains("lookup 100"), "the host's timer undid the change");

        // the kept flow is checked: a rule the state does not own sends it elsewhere first
        ns.ip("rule", "add", "pref", "900", "from", "192.0.2.1", "lookup", "main");
        ns.ip("route", "add", "198.51.100.0/24", "via", "192.0.2.253", "dev", "d0");
        CliRunner.Result checked = cli("apply", "--last", "--auto-approve");
        assertEquals(65, checked.exitCode(), checked::toString);
        assertTrue(checked.err().contains("desired.yaml") && checked.err().contains("expectation not met")
                && checked.err().contains("from 192.0.2.1 to 198.51.100.7"), checked::toString);
    }

    private CliRunner.Result apply(String state) throws Exception {
        return apply(state, "--auto-approve", "--confirm", "3");
    }

    private CliRunner.Result apply(String state, String... options) throws Exception {
        Path file = Files.writeString(dir.resolve("s.yml"), state);
        List<String> a = new ArrayList<>(List.of("apply", "-f", file.toString()));
        a.addAll(List.of(options));
        return cli(a.toArray(String[]::new));
    }

    private CliRunner.Result cli(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.toString()));
        return CliRunner.run(a);
    }
}

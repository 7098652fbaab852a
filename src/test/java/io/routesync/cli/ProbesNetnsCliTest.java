package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.ConfirmTimers;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.RoutingSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Health probes on a single host (apply --netns --confirm): they run inside the namespace (a TCP
 * connect to the namespace's own address is refused there, where nothing listens; outside it the
 * address does not exist), a passing ping confirms, a failing probe leaves the timer to undo the change.
 */
class ProbesNetnsCliTest {
    private static final String STATE = String.join("\n",
            "tables: { t100: 100 }",
            "rules:",
            "  - { priority: 1000, from: 192.0.2.1, table: t100 }",
            "routes:",
            "  t100:",
            "    - \"default via 192.0.2.254 dev d0\"",
            "probes:",
            "  - { ping: 192.0.2.1, from: 192.0.2.1, timeout: 2 }",
            "");

    @TempDir
    Path dir;
    Netns ns;
    String before;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("probe");
        ns.vethPair("d0", "d0p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
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
        CliRunner.Result r = apply(STATE);
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        assertTrue(r.out().contains("Confirmed over a new connection: netns " + ns.name() + " is reachable and verified"), r::toString);
        assertTrue(ns.ip("rule", "show").contains("1000:\tfrom 192.0.2.1 lookup 100"));
    }

    /** Waits for the 3 s confirmation deadline. */
    @Test
    void aFailingProbeLeavesTheTimerToUndoTheChange() throws Exception {
        CliRunner.Result r = apply(STATE + "  - { tcp: 192.0.2.1, port: 9, timeout: 2 }\n");
        assertEquals(ExitCodes.FAILED, r.exitCode(), r::toString);
        String all = r.out() + r.err();
        assertTrue(all.contains("NOT CONFIRMED: health probe failed: tcp 192.0.2.1 port 9: failed (exit 1): "), r::toString);
        assertTrue(all.contains("Connection refused"), "the connect ran inside the namespace: " + r);
        assertTrue(all.contains("rolled the change back by itself"), r::toString);
        assertEquals(before, RoutingSnapshot.of(ns), "the host's timer undid the change");
    }

    @Test
    void withoutConfirmTheProbesDoNotRunAndAWarningSaysSo() throws Exception {
        CliRunner.Result r = apply(STATE + "  - { tcp: 192.0.2.1, port: 9, timeout: 2 }\n", "--auto-approve");
        assertEquals(ExitCodes.OK, r.exitCode(), r::toString);
        assertTrue(r.err().startsWith("warning: the desired state declares health probes (probes:), which run only with --confirm"
                + " SECONDS; applying without them\n"), r::toString);
    }

    private CliRunner.Result apply(String state) throws Exception {
        return apply(state, "--auto-approve", "--confirm", "3");
    }

    private CliRunner.Result apply(String state, String... options) throws Exception {
        Path file = Files.writeString(dir.resolve("s.yml"), state);
        List<String> a = new ArrayList<>(List.of("apply", "-f", file.toString(), "--netns", ns.name(),
                "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.toString()));
        a.addAll(List.of(options));
        return CliRunner.run(a);
    }
}

package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.RoutingSnapshot;
import io.routesync.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expectations the kernel answers where its {@code ip route get} alone would mislead: a route of
 * several paths (the kernel picks one by flow hash; via/dev naming any of them pass, so apply keeps
 * the change), and a forwarded flow on a namespace whose input interface does not forward (IPv4: the
 * kernel says "No route to host"; IPv6: it answers as if it forwarded), which fails with what to do.
 */
class KernelAnswersNetnsTest {
    private static final String ECMP = String.join("\n",
            "tables: { ecmp: 110 }",
            "rules:",
            "  - { priority: 1100, to: 198.51.100.0/24, table: ecmp }",
            "routes:",
            "  ecmp:",
            "    - \"default nexthop via 10.1.0.1 dev a0 nexthop via 10.2.0.1 dev b0\"",
            "expect:",
            "  - { to: 198.51.100.7, via: 10.1.0.1 }",
            "  - { to: 198.51.100.7, via: 10.2.0.1, dev: b0, table: ecmp }",
            "");

    private static final String FORWARDED = String.join("\n",
            "tables: { fwd: 120 }",
            "rules:",
            "  - { priority: 1200, iif: c0, table: fwd }",
            "  - { family: inet6, priority: 1200, iif: c0, table: fwd }",
            "routes:",
            "  fwd:",
            "    - \"default via 10.1.0.1 dev a0\"",
            "    - \"default via 2001:db8:1::1 dev a0\"",
            "expect:",
            "  - { from: 10.3.0.9, to: 198.51.100.7, iif: c0, via: 10.1.0.1 }",
            "  - { from: \"2001:db8:3::9\", to: \"2001:db8:9::7\", iif: c0, via: \"2001:db8:1::1\" }",
            "");

    @TempDir
    Path dir;
    Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("kans");
        ns.vethPair("a0", "a1");
        ns.vethPair("b0", "b1");
        ns.vethPair("c0", "c1");
        ns.ip("address", "add", "10.1.0.2/24", "dev", "a0");
        ns.ip("address", "add", "10.2.0.2/24", "dev", "b0");
        ns.ip("address", "add", "10.3.0.2/24", "dev", "c0");
        ns.ip("-6", "address", "add", "2001:db8:1::2/64", "dev", "a0", "nodad");
        ns.ip("-6", "address", "add", "2001:db8:3::2/64", "dev", "c0", "nodad");
        forwarding("0");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    @Test
    void viaOrDevNamingAnyPathOfAMultipathRoutePassesOnTheKernel() throws Exception {
        // the kernel's hash picks one path for 198.51.100.7; each expectation names a different one, and both pass
        CliRunner.Result apply = cli("apply", state(ECMP), "--auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(ns.ip("rule", "show").contains("lookup 110"), "kept: the kernel check passed");

        Path more = state(ECMP + "  - { to: 198.51.100.7, via: 10.3.0.1 }\n");
        CliRunner.Result t = cli("test", more);
        assertEquals(1, t.exitCode(), t::toString);
        assertTrue(t.out().contains("PASS  " + more + ":8:5  to 198.51.100.7 -> via 10.1.0.1\n"), t.out());
        assertTrue(t.out().contains("PASS  " + more + ":9:5  to 198.51.100.7 -> via 10.2.0.1 dev b0 table ecmp\n"), t.out());
        assertTrue(t.out().contains("(the route's 2 paths: via 10.1.0.1 dev a0, via 10.2.0.1 dev b0)"), t.out());
        assertTrue(t.out().contains("FAIL  " + more + ":10:5  to 198.51.100.7 -> via 10.3.0.1\n"), t.out());
        assertTrue(t.out().contains(": none of its paths is via 10.3.0.1\n"), t.out());
    }

    @Test
    void aForwardedFlowFailsWhileItsInterfaceDoesNotForwardAndPassesOnceItDoes() throws Exception {
        String before = RoutingSnapshot.of(ns);
        Path s = state(FORWARDED);
        CliRunner.Result off = cli("apply", s, "--auto-approve");
        assertEquals(1, off.exitCode(), off::toString);
        String all = off.out() + off.err();
        assertTrue(all.contains("from 10.3.0.9 to 198.51.100.7 iif c0: expected via 10.1.0.1, but forwarding is off on netns " + ns.name()
                + " for IPv4 (iif c0): the kernel will not forward this flow"), all);
        // IPv6: ip route get answers as if the host forwarded; only the interface's setting tells
        assertTrue(all.contains("expected via 2001:db8:1::1, but forwarding is off on netns " + ns.name()
                + " for IPv6 (iif c0): the kernel will not forward this flow"), all);
        assertEquals(before, RoutingSnapshot.of(ns), "rolled back");

        forwarding("1");
        CliRunner.Result on = cli("apply", s, "--auto-approve");
        assertEquals(0, on.exitCode(), on::toString);
        CliRunner.Result t = cli("test", s);
        assertEquals(0, t.exitCode(), t::toString);
        assertTrue(t.out().endsWith("Expectations: 2 passed, 0 failed.\n"), t.out());
    }

    private void forwarding(String value) {
        Shell.Result r = ns.exec("sysctl", "-qw", "net.ipv4.conf.all.forwarding=" + value, "net.ipv4.conf.c0.forwarding=" + value,
                "net.ipv6.conf.all.forwarding=" + value);
        assertEquals(0, r.exitCode(), r::toString);
    }

    private Path state(String yaml) throws Exception {
        return Files.writeString(dir.resolve("s.yml"), yaml);
    }

    private CliRunner.Result cli(String command, Path state, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "-f", state.toString(), "--no-color", "--netns", ns.name(),
                "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args);
    }
}

package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code routesync explain} on a namespace with the seed article's second uplink: its live column says
 * what {@code ip route get} says, before and after apply, and its desired column shows the apply's
 * effect before it happens.
 */
class ExplainNetnsTest {
    private static final String STATE = String.join("\n",
            "tables: { uplink2: 102 }",
            "rules:",
            "  - { priority: 1000, from: 198.51.100.10, table: uplink2 }",
            "  - { priority: 1001, fwmark: 0x2, table: uplink2 }",
            "routes:",
            "  uplink2:",
            "    - \"198.51.100.0/24 dev d1 scope link src 198.51.100.10\"",
            "    - \"default via 198.51.100.1 dev d1\"",
            "");
    private static final Pattern RESULT = Pattern.compile("^  result +(.*?)(?: {3,}(.*))?$", Pattern.MULTILINE);

    @TempDir
    Path dir;
    Netns ns;
    Path state;

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        ns = Netns.create("explain");
        ns.vethPair("d0", "d0p");
        ns.vethPair("d1", "d1p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
        ns.ip("address", "add", "198.51.100.10/24", "dev", "d1");
        ns.ip("route", "add", "default", "via", "192.0.2.254", "dev", "d0");
        ns.exec("sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward");
        state = dir.resolve("s.yml");
        Files.writeString(state, STATE);
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    private CliRunner.Result run(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(),
                "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.toString()));
        a.addAll(List.of(more));
        return CliRunner.run(a);
    }

    /** "via GW dev DEV" as ip route get prints it, for comparison with explain's result column. */
    private String routeGet(String... query) {
        List<String> argv = new ArrayList<>(List.of("route", "get"));
        argv.addAll(List.of(query));
        String out = ns.ip(argv.toArray(new String[0]));
        Matcher m = Pattern.compile("via (\\S+) dev (\\S+)").matcher(out);
        assertTrue(m.find(), out);
        return "via " + m.group(1) + " dev " + m.group(2);
    }

    private static String[] results(CliRunner.Result r) {
        Matcher m = RESULT.matcher(r.out());
        assertTrue(m.find(), r::toString);
        return new String[] {m.group(1).strip(), m.group(2) == null ? null : m.group(2).strip()};
    }

    @Test
    void liveColumnIsWhatIpRouteGetSaysAndDesiredShowsTheApplysEffect() {
        CliRunner.Result before = run("explain", "-f", state.toString(), "--from", "198.51.100.10", "--to", "8.8.8.8");
        assertEquals(0, before.exitCode(), before::toString);
        String[] cols = results(before);
        assertEquals(routeGet("8.8.8.8", "from", "198.51.100.10"), cols[0]);
        assertEquals("via 198.51.100.1 dev d1", cols[1], before::toString);
        assertTrue(before.out().contains("1000: from 198.51.100.10 lookup uplink2  ->  route default via 198.51.100.1 dev d1"), before::toString);
        assertTrue(before.out().contains("The desired state changes where this packet goes."), before::toString);

        assertEquals(0, run("apply", "-f", state.toString(), "--auto-approve").exitCode());
        for (String[] q : List.of(new String[] {"--from", "198.51.100.10", "--to", "8.8.8.8"},
                new String[] {"--from", "192.0.2.1", "--to", "8.8.8.8"},
                new String[] {"--from", "192.0.2.1", "--to", "8.8.8.8", "--fwmark", "0x2"},
                new String[] {"--from", "172.16.0.5", "--to", "8.8.8.8", "--iif", "d1"})) {
            List<String> args = new ArrayList<>(List.of("-f", state.toString()));
            args.addAll(List.of(q));
            CliRunner.Result after = run("explain", args.toArray(new String[0]));
            assertEquals(0, after.exitCode(), after::toString);
            List<String> get = new ArrayList<>(List.of(q[3], "from", q[1]));
            if (q.length > 4) get.addAll(List.of(q[4].equals("--fwmark") ? "mark" : "iif", q[5]));
            String[] now = results(after);
            assertEquals(routeGet(get.toArray(new String[0])), now[0], after::toString);
            assertEquals(now[0], now[1], "applied: desired and live agree\n" + after);
            assertTrue(after.out().contains("The desired state sends this packet the same way."), after::toString);
        }
    }

    @Test
    void withoutAStateOnlyTheLiveSideIsShownAndBadInputIsAUsageError() {
        CliRunner.Result live = run("explain", "--from", "192.0.2.1", "--to", "8.8.8.8");
        assertEquals(0, live.exitCode(), live::toString);
        assertEquals(routeGet("8.8.8.8", "from", "192.0.2.1"), results(live)[0]);
        assertTrue(!live.out().contains("desired"), live::toString);
        assertEquals(64, run("explain", "--to", "not-an-address").exitCode());
        assertEquals(64, run("explain", "--to", "8.8.8.8", "--dport", "443").exitCode(), "ports need --ipproto");
        assertEquals(64, run("explain", "--to", "8.8.8.8", "--iif", "d0", "--uid", "5").exitCode());
    }
}

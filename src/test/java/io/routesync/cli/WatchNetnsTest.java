package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.Shell;
import io.routesync.testing.WatchProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * routesync watch on a namespace, as a process of its own: it heals a link flap and a hand change within
 * a second, leaves foreign entries alone, backs off a writer that keeps reverting, follows SIGHUP to a
 * new state and stops on SIGTERM with exit 0 and no ip monitor left behind.
 */
class WatchNetnsTest {
    private static final long HEAL_MS = 1000;

    @TempDir
    Path dir;
    Netns ns;
    WatchProcess watch;

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        ns = Netns.create("watch");
        ns.vethPair("eth1", "eth1p");
        ns.ip("address", "add", "192.168.2.10/24", "dev", "eth1");
        Files.writeString(dir.resolve("edge.yml"), state("192.168.2.1"));
    }

    @AfterEach
    void tearDown() {
        try {
            if (watch != null) watch.close();
        } finally {
            if (ns != null) {
                // a watch killed outright leaves its monitor and maybe a script (sessions of their own): never leave one
                for (long pid : WatchProcess.processesWith(ns.name())) Shell.run("kill", "-9", Long.toString(pid));
                ns.close();
            }
        }
    }

    static String state(String gateway) {
        return "tables:\n  uplink2: 102\n"
                + "rules:\n  - { priority: 1000, from: 192.168.2.10, table: uplink2 }\n"
                + "routes:\n  uplink2:\n    - { to: 192.168.2.0/24, dev: eth1, src: 192.168.2.10, scope: link }\n"
                + "    - { to: default, via: " + gateway + ", dev: eth1 }\n";
    }

    private List<String> target() {
        return List.of("--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.toString());
    }

    private WatchProcess start(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("watch", "-f", dir.resolve("edge.yml").toString()));
        args.addAll(target());
        args.addAll(List.of(extra));
        return startWith(args);
    }

    private WatchProcess startWith(List<String> args) throws Exception {
        watch = WatchProcess.start(dir, args);
        watch.await(0, l -> l.contains("healed") && (l.contains(": start;") || l.contains("\"why\":\"start\"")), 30_000);
        // settle: the start's own apply made kernel events, and the watch reads the target once more for them
        Thread.sleep(1000);
        return watch;
    }

    private String table() {
        return ns.ip("route", "show", "table", "102");
    }

    /** Waits until table 102 reads {@code expected}; returns how long that took, or fails after {@code millis}. */
    private long until(String expected, long millis) throws InterruptedException {
        long t0 = System.nanoTime();
        while (!table().equals(expected)) {
            if (System.nanoTime() - t0 > millis * 1_000_000) {
                throw new AssertionError("table 102 is still\n" + table() + "\nnot\n" + expected + "\nlog: " + watch.lines());
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Test
    void aLinkFlapHealsWithinASecondWithTheRoutesExactlyAsDesired() throws Exception {
        start();
        String desired = table();
        assertTrue(desired.contains("default via 192.168.2.1 dev eth1"), desired);
        // again and again: the kernel takes the routes with the link each time, and each time they come back (no back-off)
        for (int flap = 1; flap <= 4; flap++) {
            int seen = watch.lines().size();
            ns.ip("link", "set", "eth1", "down");
            ns.ip("link", "set", "eth1", "up");
            long took = until(desired, HEAL_MS);
            String healed = watch.await(seen, l -> l.startsWith("healed ") && l.contains("after the first event"), 5000);
            System.out.println("link flap " + flap + " healed in " + took + " ms after 'link up'; log: " + healed);
            Thread.sleep(300);
        }
        assertTrue(watch.lines().stream().noneMatch(l -> l.startsWith("backing-off")), watch.lines()::toString);
    }

    @Test
    void aHandChangeToAnOwnedRouteHealsAndForeignEntriesAreLeftAlone() throws Exception {
        start();
        String desired = table();
        int seen = watch.lines().size();
        // foreign: a route in a table the state does not own, a rule of another protocol
        ns.ip("route", "add", "10.77.0.0/16", "via", "192.168.2.1", "table", "200");
        ns.ip("rule", "add", "pref", "500", "fwmark", "0x5", "lookup", "main");
        ns.ip("route", "replace", "default", "via", "192.168.2.254", "dev", "eth1", "table", "102");
        long took = until(desired, HEAL_MS);
        watch.await(seen, l -> l.startsWith("healed ") && l.contains("ip route replace default via 192.168.2.1"), 5000);
        Thread.sleep(500);
        assertTrue(ns.ip("route", "show", "table", "200").contains("10.77.0.0/16"));
        assertTrue(ns.ip("rule", "show").contains("500:\tfrom all fwmark 0x5 lookup main"), ns.ip("rule", "show"));
        assertEquals(1, watch.lines().subList(seen, watch.lines().size()).stream().filter(l -> l.startsWith("healed")).count(),
                watch.lines()::toString);
        System.out.println("hand change healed in " + took + " ms");
    }

    @Test
    void aMonitorThatDiesIsStartedAgainAndTheWatchStillHeals() throws Exception {
        start();
        String desired = table();
        List<Long> monitors = WatchProcess.processesWith("monitor", ns.name());
        assertEquals(1, monitors.size(), monitors::toString);
        int seen = watch.lines().size();
        Shell.check("kill", "-9", Long.toString(monitors.get(0)));
        watch.await(seen, l -> l.startsWith("monitor-restarted "), 5000);
        Thread.sleep(1500);
        List<Long> now = WatchProcess.processesWith("monitor", ns.name());
        assertEquals(1, now.size(), now::toString);
        assertFalse(now.equals(monitors));
        ns.ip("route", "del", "default", "table", "102");
        until(desired, HEAL_MS);
    }

    @Test
    void aWriterThatKeepsRevertingIsBackedOff() throws Exception {
        start();
        String desired = table();
        int seen = watch.lines().size();
        // another writer insists on its gateway every 50 ms for 5 s
        long end = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < end) {
            ns.tryIp("route", "replace", "default", "via", "192.168.2.254", "dev", "eth1", "table", "102");
            Thread.sleep(50);
        }
        List<String> during = watch.lines().subList(seen, watch.lines().size());
        // an apply the writer undoes before it is verified fails (rolled back): a round of the fight as well
        long applies = during.stream().filter(l -> l.startsWith("healed") || l.startsWith("failed")).count();
        // without back-off: an apply per revert (~100); with it: 2 free, then after 1, 2, 4 s
        assertTrue(applies >= 2 && applies <= 6, applies + " applies: " + during);
        assertTrue(during.stream().anyMatch(l -> l.startsWith("backing-off") && l.contains("another writer")), during::toString);
        // the writer gave up: the deferred heal still comes
        until(desired, 10_000);
    }

    @Test
    void withoutStateFilesItUsesTheKeptStateAndFollowsALaterApplyInsteadOfUndoingIt() throws Exception {
        List<String> apply = new ArrayList<>(List.of("apply", "-f", dir.resolve("edge.yml").toString(), "--auto-approve"));
        apply.addAll(target());
        assertEquals(0, CliRunner.run(apply).exitCode());
        String desired = table();
        ns.ip("route", "flush", "table", "102"); // a reboot, as far as table 102 goes
        List<String> watchArgs = new ArrayList<>(List.of("watch"));
        watchArgs.addAll(target());
        startWith(watchArgs);
        assertEquals(desired, table());
        assertTrue(watch.lines().get(0).contains("desired state from the kept state " + dir.resolve("state/desired.yaml")), watch.lines()::toString);

        // an apply from elsewhere (or a pull) with a new gateway: the watch takes the new state, never undoes it
        int seen = watch.lines().size();
        Files.writeString(dir.resolve("edge2.yml"), state("192.168.2.2"));
        apply.set(2, dir.resolve("edge2.yml").toString());
        CliRunner.Result later = CliRunner.run(apply);
        assertEquals(0, later.exitCode(), later::toString);
        watch.await(seen, l -> l.startsWith("reloaded ") && l.contains("a later apply"), 5000);
        Thread.sleep(1000);
        assertTrue(table().contains("default via 192.168.2.2 dev eth1"), table() + watch.lines());
        assertTrue(watch.lines().subList(seen, watch.lines().size()).stream().noneMatch(l -> l.startsWith("healed")), watch.lines()::toString);
    }

    @Test
    void sighupConvergesToANewStateAndSigtermStopsCleanly() throws Exception {
        start("--json");
        ObjectMapper json = new ObjectMapper();
        for (String l : watch.lines()) assertTrue(json.readTree(l).has("event"), l);
        Files.writeString(dir.resolve("edge.yml"), state("192.168.2.2"));
        int seen = watch.lines().size();
        watch.signal("HUP");
        watch.await(seen, l -> l.contains("\"event\":\"reloaded\""), 10_000);
        until(ns.ip("route", "show", "table", "102").replace("via 192.168.2.1 ", "via 192.168.2.2 "), 5000);
        assertTrue(table().contains("default via 192.168.2.2 dev eth1"), table());

        assertFalse(WatchProcess.processesWith("monitor", ns.name()).isEmpty(), "the monitor runs while watching");
        watch.signal("TERM");
        assertEquals(0, watch.exit(10_000), watch.stderr());
        JsonNode last = json.readTree(watch.lines().get(watch.lines().size() - 1));
        assertEquals("stopped", last.get("event").asText());
        assertEquals(List.of(), WatchProcess.processesWith("monitor", ns.name()));
        assertEquals(List.of(), WatchProcess.processesWith(ns.name(), "routesync"));
        assertEquals("", watch.stderr());
    }
}

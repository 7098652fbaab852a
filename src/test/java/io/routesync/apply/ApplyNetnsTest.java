package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.cli.CliRunner;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.iproute2.HostReading;
import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.TargetPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Apply against the real kernel, in a throwaway namespace (issue "Apply", its namespace tests). */
class ApplyNetnsTest {
    static final String STATE = String.join("\n",
            "tables: { t100: 100 }",
            "rules:",
            "  - { priority: 1000, from: 192.0.2.1, table: t100 }",
            "  - { priority: 1001, to: 198.51.100.0/24, table: t100 }",
            "routes:",
            "  t100:",
            "    - \"default via 192.0.2.254 dev d0\"",
            "    - \"10.10.0.0/16 via 192.0.2.253 dev d0 metric 10\"",
            "    - \"198.51.100.0/24 dev d0 scope link src 192.0.2.1\"",
            "");

    @TempDir
    Path dir;
    Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = Netns.create("apply");
        ns.vethPair("d0", "d0p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
        ns.ip("-6", "address", "add", "2001:db8::1/64", "dev", "d0", "nodad");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    Path state(String name, String yaml) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p;
    }

    List<String> args(String command, Path state, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "-f", state.toString(), "--netns", ns.name(),
                "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.toString()));
        a.addAll(List.of(more));
        return a;
    }

    CliRunner.Result cli(List<String> args) {
        return CliRunner.run(args);
    }

    /**
     * Every rule and what the tests' states touch (table 100, IPv4 main). Not the whole IPv6 "table all":
     * the kernel adds link-local and multicast routes to a new veth on its own, at its own time.
     */
    String snapshot() {
        return ns.ip("rule", "show") + ns.ip("-6", "rule", "show") + listing("route", "show", "table", "100")
                + listing("-6", "route", "show", "table", "100") + ns.ip("route", "show", "table", "main");
    }

    /** A listing, or what ip says when the table does not exist (yet): also a state to compare. */
    private String listing(String... args) {
        var r = ns.tryIp(args);
        return r.exitCode() == 0 ? r.stdout() : r.stderr();
    }

    @Test
    void convergesFromEmptyAndASecondApplyRunsNothing() throws Exception {
        Path s = state("s.yml", STATE);
        CliRunner.Result first = cli(args("apply", s, "--auto-approve"));
        assertEquals(0, first.exitCode(), first::toString);
        assertTrue(first.out().contains("Apply complete: 6 added, 0 changed, 0 deleted."), first::toString);
        assertTrue(ns.ip("rule", "show").contains("1000:\tfrom 192.0.2.1 lookup 100 proto 245"));
        assertTrue(ns.ip("route", "show", "table", "100").contains("10.10.0.0/16 via 192.0.2.253 dev d0 proto 245 metric 10"));

        // the second run: read, plan nothing, and never run the apply script
        CountingTarget target = new CountingTarget(LocalTarget.netns(ns.name()));
        Reconciler r = reconciler(target);
        LoadedState loaded = load(s);
        Ownership own = new Ownership(loaded.state().ownedTables(), 245);
        HostReading reading = r.observe(loaded.state());
        HostPlan plan = r.plan(loaded.state(), reading, own);
        ApplyReport report = r.apply(loaded.state(), own, reading, plan, inputs(), true, p -> { });
        assertEquals(ApplyReport.Outcome.NO_CHANGES, report.outcome());
        assertEquals(0, target.applies.get(), "no apply script, so no ip command that changes anything");

        CliRunner.Result again = cli(args("apply", s, "--auto-approve"));
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().startsWith("No changes."), again::toString);
    }

    @Test
    void driftIsHealedExactlyAndForeignRulesStay() throws Exception {
        Path s = state("s.yml", STATE);
        assertEquals(0, cli(args("apply", s, "--auto-approve")).exitCode());
        ns.ip("rule", "del", "pref", "1000");
        ns.ip("route", "replace", "default", "via", "192.0.2.99", "dev", "d0", "table", "100", "proto", "245");
        ns.ip("route", "add", "10.99.0.0/16", "dev", "d0", "table", "100");
        ns.ip("rule", "add", "pref", "500", "lookup", "main");

        CliRunner.Result plan = cli(args("plan", s, "--json"));
        assertEquals(0, plan.exitCode(), plan::toString);
        assertTrue(plan.out().contains("\"summary\" : {\n      \"add\" : 1,\n      \"change\" : 1,\n      \"delete\" : 1\n"), plan::toString);

        CliRunner.Result apply = cli(args("apply", s, "--auto-approve"));
        assertTrue(apply.out().contains("Apply complete: 1 added, 1 changed, 1 deleted."), apply::toString);
        String rules = ns.ip("rule", "show");
        assertTrue(rules.contains("500:\tfrom all lookup main"), "the foreign rule stays: " + rules);
        assertTrue(rules.contains("1000:\tfrom 192.0.2.1 lookup 100"), rules);
        String routes = ns.ip("route", "show", "table", "100");
        assertTrue(routes.contains("default via 192.0.2.254 dev d0"), routes);
        assertFalse(routes.contains("10.99.0.0/16"), routes);
        assertEquals(0, cli(args("plan", s, "--detailed-exitcode")).exitCode());
    }

    @Test
    void metricChangeAddsBeforeItDeletes() throws Exception {
        Path s = state("s.yml", STATE);
        assertEquals(0, cli(args("apply", s, "--auto-approve")).exitCode());
        Path changed = state("changed.yml", STATE.replace("metric 10", "metric 20"));
        LoadedState loaded = load(changed);
        Reconciler r = reconciler(LocalTarget.netns(ns.name()));
        Ownership own = new Ownership(loaded.state().ownedTables(), 245);
        HostReading reading = r.observe(loaded.state());
        HostPlan plan = r.plan(loaded.state(), reading, own);
        assertEquals(2, plan.changes().size(), plan.changes()::toString);
        Change first = plan.changes().get(0);
        Change second = plan.changes().get(1);
        assertEquals(Action.ADD, first.action());
        assertEquals(20, ((Route) first.entry()).metric());
        assertEquals(Action.DELETE, second.action());
        assertEquals(10, ((Route) second.entry()).metric());
        // the same order reaches ip -batch: the new route is in place before the old one goes
        ApplyInput input = ApplyInput.build(plan, reading, own, null, null, null, false);
        String batch = input.parts().content("batch4-0001");
        assertTrue(batch.indexOf("route add 10.10.0.0/16") < batch.indexOf("route del 10.10.0.0/16"), batch);

        CliRunner.Result apply = cli(args("apply", changed, "--auto-approve"));
        assertTrue(apply.out().contains("Apply complete: 1 added, 0 changed, 1 deleted."), apply::toString);
        String routes = ns.ip("route", "show", "table", "100");
        assertTrue(routes.contains("10.10.0.0/16 via 192.0.2.253 dev d0 proto 245 metric 20"), routes);
        assertFalse(routes.contains("metric 10"), routes);
    }

    @Test
    void aFailingLineRollsTheHostBackExactly() throws Exception {
        Path s = state("s.yml", STATE);
        assertEquals(0, cli(args("apply", s, "--auto-approve")).exitCode());
        ns.ip("rule", "add", "pref", "700", "fwmark", "0x7", "lookup", "main");
        String before = snapshot();
        // several good changes (a replace, adds, a delete), then a route on a device that does not exist
        Path bad = state("bad.yml", STATE
                .replace("default via 192.0.2.254", "default via 192.0.2.250")
                .replace("  - { priority: 1001, to: 198.51.100.0/24, table: t100 }\n", "")
                + "    - \"10.20.0.0/16 via 192.0.2.253 dev d0\"\n"
                + "    - \"10.21.0.0/16 via 192.0.2.253 dev d0\"\n"
                + "    - \"10.30.0.0/16 dev nosuch0\"\n"
                + "    - \"10.40.0.0/16 via 192.0.2.253 dev d0\"\n");
        CliRunner.Result apply = cli(args("apply", bad, "--auto-approve"));
        assertEquals(1, apply.exitCode(), apply::toString);
        assertTrue(apply.err().contains("route add 10.30.0.0/16 dev nosuch0"), apply::toString);
        assertTrue(apply.err().contains("Cannot find device \"nosuch0\""), apply::toString);
        assertTrue(apply.err().contains("The host was rolled back"), apply::toString);
        assertEquals(before, snapshot(), "rules and routes exactly as before the failed apply");
        assertEquals(0, cli(args("plan", s, "--detailed-exitcode")).exitCode(), "still converged to the old state");
    }

    @Test
    void defaultRulesSurviveAStateThatOwnsManyTables() throws Exception {
        StringBuilder yaml = new StringBuilder("tables:\n");
        for (int i = 1; i <= 252; i++) yaml.append("  t").append(i).append(": ").append(i).append('\n');
        Path s = state("owner.yml", yaml.toString());
        ns.ip("rule", "add", "pref", "100", "lookup", "7");
        CliRunner.Result apply = cli(args("apply", s, "--auto-approve"));
        assertEquals(0, apply.exitCode(), apply::toString);
        String rules = ns.ip("rule", "show");
        assertTrue(rules.contains("0:\tfrom all lookup local"), rules);
        assertTrue(rules.contains("32766:\tfrom all lookup main"), rules);
        assertTrue(rules.contains("32767:\tfrom all lookup default"), rules);
        assertFalse(rules.contains("100:\tfrom all lookup 7"), "a rule into an owned table that is not desired goes: " + rules);
        String rules6 = ns.ip("-6", "rule", "show");
        assertTrue(rules6.contains("0:\tfrom all lookup local") && rules6.contains("32766:\tfrom all lookup main"), rules6);
    }

    @Test
    void twoAppliesAtOnceGiveOneCorrectResult() throws Exception {
        Path s = state("s.yml", STATE);
        CliRunner.Result[] results = new CliRunner.Result[2];
        Thread[] threads = new Thread[2];
        for (int i = 0; i < 2; i++) {
            int k = i;
            threads[i] = new Thread(() -> results[k] = cli(args("apply", s, "--auto-approve")));
            threads[i].start();
        }
        for (Thread t : threads) t.join(60_000);
        for (CliRunner.Result r : results) {
            assertTrue(r.exitCode() == 0 || r.exitCode() == 75, r::toString);
        }
        assertTrue(results[0].exitCode() == 0 || results[1].exitCode() == 0);
        assertEquals(1, ns.ip("rule", "show").lines().filter(l -> l.startsWith("1000:")).count(), "added once");
        assertEquals(0, cli(args("plan", s, "--detailed-exitcode")).exitCode());
    }

    @Test
    void aHeldLockMakesApplyWaitThenExit75WithoutTouchingAnything() throws Exception {
        Path s = state("s.yml", STATE);
        String before = snapshot();
        Path lock = dir.resolve("routesync-netns-" + ns.name() + ".lock");
        Process holder = new ProcessBuilder("flock", "-x", lock.toString(), "sleep", "60").start();
        try {
            for (int i = 0; i < 100 && !Files.exists(lock); i++) Thread.sleep(20);
            Thread.sleep(200);
            CliRunner.Result apply = cli(args("apply", s, "--auto-approve", "--lock-timeout", "1"));
            assertEquals(75, apply.exitCode(), apply::toString);
            assertTrue(apply.err().contains("another routesync run holds the lock"), apply::toString);
        } finally {
            holder.descendants().forEach(ProcessHandle::destroyForcibly);
            holder.destroyForcibly();
            holder.waitFor();
        }
        assertEquals(before, snapshot(), "nothing was applied");
        assertEquals(0, cli(args("apply", s, "--auto-approve")).exitCode(), "once the lock is free the apply goes through");
    }

    @Test
    void eachApplyLeavesARecordOnTheTarget() throws Exception {
        Path s = state("s.yml", STATE);
        CliRunner.Result apply = cli(args("apply", s, "--auto-approve"));
        assertEquals(0, apply.exitCode(), apply::toString);
        Path last = dir.resolve("state/records/last.json");
        String record = Files.readString(last);
        assertTrue(apply.out().contains("Record: " + dir.resolve("state/records/")), apply::toString);
        assertTrue(record.contains("\"kind\":\"apply\""), record);
        assertTrue(record.contains("\"host\":\"netns " + ns.name() + "\""), record);
        assertTrue(record.contains("\"counts\":{\"add\":6,\"change\":0,\"delete\":0}"), record);
        assertTrue(record.matches("(?s).*\"inputs_digest\":\"[0-9a-f]{64}\".*"), record);
        assertTrue(record.contains("ip rule add pref 1000 from 192.0.2.1 lookup 100 protocol 245"), record);
        assertEquals("100\n", Files.readString(dir.resolve("state/tables")), "the footprint: tables routesync put routes in");
        try (var files = Files.list(dir.resolve("state/records"))) {
            assertEquals(2, files.count(), "the record and last.json");
        }
    }

    @Test
    void ipv6RulesAndRoutesConverge() throws Exception {
        Path s = state("v6.yml", String.join("\n",
                "tables: { v6: 600 }",
                "rules:",
                "  - { priority: 2000, from: \"2001:db8::/64\", table: v6 }",
                "  - { priority: 2001, family: inet6, fwmark: \"0x6\", table: v6 }",
                "routes:",
                "  v6:",
                "    - \"default via 2001:db8::fe dev d0\"",
                "    - \"2001:db8:7::/48 from 2001:db8::/64 via 2001:db8::fd dev d0 metric 5\"",
                "    - \"unreachable 2001:db8:dead::/48\"",
                ""));
        CliRunner.Result apply = cli(args("apply", s, "--auto-approve"));
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Apply complete: 6 added"), apply::toString);
        assertTrue(ns.ip("-6", "rule", "show").contains("2001:\tfrom all fwmark 0x6 lookup 600 proto 245"));
        assertTrue(ns.ip("-6", "route", "show", "table", "600").contains("unreachable 2001:db8:dead::/48 dev lo proto 245 metric 1024"));
        assertEquals(0, cli(args("plan", s, "--detailed-exitcode")).exitCode());
    }

    private Reconciler reconciler(io.routesync.transport.Target target) throws Exception {
        TargetPaths paths = TargetPaths.of(ns.name(), dir.resolve("etc").toString(), dir.resolve("state").toString(), dir.toString());
        return new Reconciler(target, paths, new Reconciler.Settings(Duration.ofSeconds(10), Duration.ofSeconds(60)), Clock.systemUTC());
    }

    private static LoadedState load(Path file) throws Exception {
        return StateLoader.load(List.of(new SourceFile(file.toString(), Files.readString(file))), Variables.none(), 245);
    }

    private static ApplyRecord.Inputs inputs() {
        return new ApplyRecord.Inputs("test", null, "test");
    }

    /**
     * Issue 16 item 1: gateways without dev (IPv4, IPv6, multipath hops) apply, verify and plan empty: the
     * device the kernel picks is not a difference. A changed gateway still is.
     */
    @Test
    void aGatewayWithoutDevAppliesAndPlansEmpty() throws Exception {
        ns.vethPair("d1", "d1p");
        ns.ip("address", "add", "192.0.3.1/24", "dev", "d1");
        Path s = state("s.yml", String.join("\n",
                "tables: { t100: 100 }",
                "routes:",
                "  t100:",
                "    - \"10.99.0.0/16 via 192.0.2.254\"",
                "    - { to: default, via: 192.0.3.254 }",
                "    - \"2001:db8:99::/48 via 2001:db8::fe\"",
                "    - \"10.98.0.0/16 nexthop via 192.0.2.254 nexthop via 192.0.3.254 weight 2\"",
                ""));
        CliRunner.Result apply = cli(args("apply", s, "--auto-approve"));
        assertEquals(0, apply.exitCode(), apply::toString);
        String routes = ns.ip("route", "show", "table", "100");
        assertTrue(routes.contains("10.99.0.0/16 via 192.0.2.254 dev d0 proto 245"), routes);
        assertTrue(routes.contains("default via 192.0.3.254 dev d1 proto 245"), routes);
        assertTrue(ns.ip("-6", "route", "show", "table", "100").contains("2001:db8:99::/48 via 2001:db8::fe dev d0 proto 245"));
        assertEquals(0, cli(args("plan", s, "--detailed-exitcode")).exitCode(), "no replace for ever");

        ns.ip("route", "replace", "10.99.0.0/16", "via", "192.0.2.253", "table", "100", "proto", "245");
        CliRunner.Result drift = cli(args("plan", s, "--detailed-exitcode"));
        assertEquals(2, drift.exitCode(), drift::toString);
        assertTrue(drift.out().contains("10.99.0.0/16 via 192.0.2.254"), drift::toString);
    }

    /**
     * Issue 16 item 2: routes through nexthop objects, a blackhole one (which the kernel reports as
     * "blackhole ... dev lo") and a group, IPv4 and IPv6: apply, plan empty, import plans empty.
     */
    @Test
    void routesThroughNexthopObjectsIncludingBlackholeOnesApplyPlanAndImport() throws Exception {
        ns.ip("nexthop", "add", "id", "23", "blackhole");
        ns.ip("-6", "nexthop", "add", "id", "24", "blackhole");
        ns.ip("nexthop", "add", "id", "1", "via", "192.0.2.254", "dev", "d0");
        ns.ip("nexthop", "add", "id", "2", "via", "192.0.2.253", "dev", "d0");
        ns.ip("nexthop", "add", "id", "3", "group", "1/2");
        Path s = state("s.yml", String.join("\n",
                "tables: { t100: 100 }",
                "rules:",
                "  - { priority: 1000, from: 192.0.2.1, table: t100 }",
                "routes:",
                "  t100:",
                "    - \"10.99.0.0/16 nhid 23\"",
                "    - \"-6 2001:db8:99::/48 nhid 24\"",
                "    - \"10.98.0.0/16 nhid 3\"",
                "    - \"10.97.0.0/16 nhid 1\"",
                ""));
        CliRunner.Result apply = cli(args("apply", s, "--auto-approve"));
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(ns.ip("route", "show", "table", "100").contains("blackhole 10.99.0.0/16 nhid 23 dev lo proto 245"));
        assertEquals(0, cli(args("plan", s, "--detailed-exitcode")).exitCode());

        List<String> importArgs = new ArrayList<>(List.of("import", "--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(),
                "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.toString()));
        CliRunner.Result imported = cli(importArgs);
        assertEquals(0, imported.exitCode(), imported::toString);
        assertTrue(imported.out().contains("10.99.0.0/16 nhid 23"), imported::toString);
        Path back = state("imported.yml", imported.out());
        CliRunner.Result replan = cli(args("plan", back, "--detailed-exitcode"));
        assertEquals(0, replan.exitCode(), replan::toString);

        Path typed = state("typed.yml", "routes:\n  100:\n    - \"blackhole 10.96.0.0/16 nhid 23\"\n");
        CliRunner.Result refused = cli(args("plan", typed));
        assertEquals(65, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("takes its path from the nexthop object"), refused::toString);
    }
}

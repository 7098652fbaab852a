package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.apply.ConfirmUndo;
import io.routesync.apply.Reconciler;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.iproute2.HostReading;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.transport.ConfirmTimer;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.TargetPaths;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * routesync confirm / rollback / confirm --status on a namespace where a change awaits confirmation
 * (staged the way apply --confirm stages it, with a long deadline so only the commands act).
 */
class ConfirmRollbackCliTest {
    private static final String STATE = String.join("\n",
            "tables: { t100: 100 }",
            "rules:",
            "  - { priority: 1000, from: 192.0.2.1, table: t100 }",
            "routes:",
            "  t100:",
            "    - \"default via 192.0.2.254 dev d0\"",
            "");

    @TempDir
    Path dir;
    Netns ns;
    String before;

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        ns = Netns.create("cfcli");
        ns.vethPair("d0", "d0p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
        // not the IPv6 routes the kernel adds to the new link by itself, a moment later
        before = io.routesync.testing.RoutingSnapshot.of(ns);
        // what apply --confirm 600 does up to the confirmation: stage the undo, arm, apply
        LoadedState loaded = StateLoader.load(List.of(new SourceFile("s.yml", STATE)), Variables.none(), 245);
        TargetPaths paths = TargetPaths.of(ns.name(), dir.resolve("etc").toString(), dir.resolve("state").toString(), dir.toString());
        Reconciler r = new Reconciler(LocalTarget.netns(ns.name()), paths, new Reconciler.Settings(Duration.ofSeconds(10),
                Duration.ofSeconds(60)), Clock.systemUTC());
        Ownership own = new Ownership(loaded.state().ownedTables(), 245);
        HostReading reading = r.observe(loaded.state());
        HostPlan plan = r.plan(loaded.state(), reading, own);
        new ConfirmTimer(r.target(), paths, Duration.ofSeconds(10), Duration.ofSeconds(30))
                .arm("c0ffee", Duration.ofSeconds(600), reading, loaded.state().tablesToRead(), ConfirmUndo.of(reading.observed(), plan, own));
        r.withConfirmToken("c0ffee").apply(loaded.state(), own, reading, plan, new io.routesync.apply.ApplyRecord.Inputs("t", null, "t"), false, p -> { });
    }

    @AfterEach
    void tearDown() {
        // a test that failed half-way leaves a timer sleeping 600 s: let it find nothing armed, then stop
        try {
            run("rollback");
        } finally {
            io.routesync.testing.ConfirmTimers.stop(dir.resolve("state"));
            if (ns != null) ns.close();
        }
    }

    private CliRunner.Result run(String command, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(),
                "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.toString()));
        a.addAll(List.of(more));
        return CliRunner.run(a);
    }

    @Test
    void confirmKeepsTheChange() {
        CliRunner.Result status = run("confirm", "--status");
        assertEquals(0, status.exitCode(), status::toString);
        assertTrue(status.out().contains(" awaits confirmation; the host rolls it back at"), status::toString);
        CliRunner.Result confirm = run("confirm");
        assertEquals(0, confirm.exitCode(), confirm::toString);
        assertTrue(confirm.out().startsWith("Confirmed: the change on netns " + ns.name() + " stays"), confirm::toString);
        assertTrue(ns.ip("rule", "show").contains("1000:\tfrom 192.0.2.1 lookup 100"));
        CliRunner.Result again = run("confirm");
        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("nothing on netns " + ns.name() + " awaits confirmation (last: confirmed at "), again::toString);
        assertEquals(1, run("rollback").exitCode(), "nothing to roll back once confirmed");
    }

    @Test
    void rollbackUndoesTheChangeExactly() {
        CliRunner.Result r = run("rollback");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("rolled back at ") && r.out().contains("by routesync rollback; it reads exactly as before the apply"),
                r::toString);
        assertEquals(before, io.routesync.testing.RoutingSnapshot.of(ns));
        CliRunner.Result status = run("confirm", "--status");
        assertTrue(status.out().contains("nothing awaits confirmation (last: rolled back at"), status::toString);
    }
}

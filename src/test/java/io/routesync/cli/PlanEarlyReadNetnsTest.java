package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourceFile;
import io.routesync.testing.HeldLock;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
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
 * {@code plan} on a namespace routesync has applied to (it has a footprint, so its read starts while the
 * state loads): output, errors and exit codes as a plan that reads after the load. And {@code apply
 * --auto-approve} there, whose session starts while the state loads: it heals, and a state that does not
 * load ends that session at once, so it holds the lock no longer.
 */
class PlanEarlyReadNetnsTest {
    private static final String STATE = String.join("\n",
            "tables: { t100: 100 }",
            "routes:",
            "  t100:",
            "    - 10.10.0.0/16 via 192.0.2.253 dev d0",
            "    - 10.11.0.0/16 via 192.0.2.253 dev d0",
            "");

    @TempDir
    Path dir;
    private Netns ns;

    @BeforeEach
    void setUp() throws Exception {
        KernelAccess.require();
        ns = Netns.create("early");
        ns.vethPair("d0", "d0p");
        ns.ip("address", "add", "192.0.2.1/24", "dev", "d0");
        Files.writeString(dir.resolve("s.yml"), STATE);
        CliRunner.Result apply = CliRunner.run(args("apply", "s.yml", "--auto-approve"));
        assertEquals(0, apply.exitCode(), apply::toString);
        assertEquals("100\n", Files.readString(dir.resolve("state/tables")), "a footprint: the next plan reads early");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    private List<String> args(String command, String state, String... more) {
        List<String> a = new ArrayList<>(List.of(command, "-f", dir.resolve(state).toString(), "--netns", ns.name(),
                "--etc-dir", dir.resolve("etc").toString(), "--state-dir", dir.resolve("state").toString(),
                "--lock-dir", dir.toString(), "--no-color"));
        a.addAll(List.of(more));
        return a;
    }

    /** The same plan without a footprint: its read comes after the load, as every plan's did before. */
    private CliRunner.Result withoutFootprint(List<String> args) throws Exception {
        Path footprint = dir.resolve("state/tables");
        String kept = Files.readString(footprint);
        Files.delete(footprint);
        try {
            return CliRunner.run(args);
        } finally {
            Files.writeString(footprint, kept);
        }
    }

    @Test
    void aPlanPrintsWhatAPlanThatReadsAfterTheLoadPrints() throws Exception {
        assertEquals(0, CliRunner.run(args("plan", "s.yml", "--detailed-exitcode")).exitCode());
        ns.ip("route", "del", "10.11.0.0/16", "table", "100");
        ns.ip("route", "add", "10.12.0.0/16", "via", "192.0.2.253", "dev", "d0", "table", "100", "proto", "245");
        for (List<String> a : List.of(args("plan", "s.yml"), args("plan", "s.yml", "--json"), args("plan", "s.yml", "--format", "dot"))) {
            CliRunner.Result early = CliRunner.run(a);
            assertEquals(0, early.exitCode(), early::toString);
            assertTrue(early.out().contains("10.11.0.0/16") && early.out().contains("10.12.0.0/16"), early::toString);
            assertEquals(withoutFootprint(a).toString(), early.toString());
        }
    }

    @Test
    void anInvalidStateIsReportedAtOnceAndStopsTheRead() throws Exception {
        Files.writeString(dir.resolve("bad.yml"), STATE.replace("10.11.0.0/16 via", "10.11.0.0/16 vai"));
        try (HeldLock held = HeldLock.hold(dir.resolve("routesync-netns-" + ns.name() + ".lock"))) {
            long start = System.nanoTime();
            CliRunner.Result plan = CliRunner.run(args("plan", "bad.yml", "--lock-timeout", "30"));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20), "not waiting for the lock");
            assertEquals(65, plan.exitCode(), plan::toString);
            assertTrue(plan.err().contains("bad.yml:5:"), plan::toString);
            assertEquals(List.of(), held.waitingOnceSettled(true), "the early read was stopped");
            assertEquals(withoutFootprint(args("plan", "bad.yml", "--lock-timeout", "30")).toString(), plan.toString());
        }
    }

    @Test
    void anApplyWhoseSessionStartedWhileTheStateLoadedHealsTheDrift() throws Exception {
        ns.ip("route", "del", "10.11.0.0/16", "table", "100");
        CliRunner.Result apply = CliRunner.run(args("apply", "s.yml", "--auto-approve"));
        assertEquals(0, apply.exitCode(), apply::toString);
        assertTrue(apply.out().contains("Apply complete: 1 added, 0 changed, 0 deleted."), apply::toString);
        assertTrue(ns.ip("route", "show", "table", "100").contains("10.11.0.0/16"));
    }

    @Test
    void anApplyWhoseStateDoesNotLoadEndsItsEarlySessionAndFreesTheLock() throws Exception {
        Files.writeString(dir.resolve("bad.yml"), STATE.replace("10.11.0.0/16 via", "10.11.0.0/16 vai"));
        CliRunner.Result apply = CliRunner.run(args("apply", "bad.yml", "--auto-approve"));
        assertEquals(65, apply.exitCode(), apply::toString);
        // the session started before the load waits for no answer any more: a run that waits for no lock gets it
        CliRunner.Result plan = null;
        for (int i = 0; i < 100 && (plan == null || plan.exitCode() == 75); i++) {
            if (plan != null) Thread.sleep(50);
            plan = CliRunner.run(args("plan", "s.yml", "--lock-timeout", "0", "--detailed-exitcode"));
        }
        assertEquals(0, plan.exitCode(), plan::toString);
    }

    @Test
    void aHeldLockEndsThePlanWithExit75AsBefore() throws Exception {
        try (HeldLock held = HeldLock.hold(dir.resolve("routesync-netns-" + ns.name() + ".lock"))) {
            CliRunner.Result plan = CliRunner.run(args("plan", "s.yml", "--lock-timeout", "1"));
            assertEquals(75, plan.exitCode(), plan::toString);
            assertEquals(withoutFootprint(args("plan", "s.yml", "--lock-timeout", "1")).toString(), plan.toString());
        }
    }

    @Test
    void aStateWithExpectationsIsReadInOneRunWithTheirTables() throws Exception {
        Files.writeString(dir.resolve("x.yml"), STATE + String.join("\n",
                "expect:",
                "  - { to: 10.10.1.1, unchanged: true }",
                ""));
        assertTrue(SingleHost.mayExpect(List.of(new SourceFile("x.yml", Files.readString(dir.resolve("x.yml"))))));
        assertFalse(SingleHost.mayExpect(List.of(new SourceFile("s.yml", STATE))));
        assertFalse(SingleHost.mayExpect(List.of(new SourceFile("s.yml", "routes:\n  expect: []\n"))), "only a top-level key");
        CliRunner.Result plan = CliRunner.run(args("plan", "x.yml"));
        assertEquals(0, plan.exitCode(), plan::toString);
        assertEquals(withoutFootprint(args("plan", "x.yml")).toString(), plan.toString());
    }

    @Test
    void aMissingNamespaceIsUnreachableAsBefore() {
        List<String> a = args("plan", "s.yml");
        a.set(a.indexOf(ns.name()), ns.name() + "-gone");
        CliRunner.Result plan = CliRunner.run(a);
        assertEquals(69, plan.exitCode(), plan::toString);
    }
}

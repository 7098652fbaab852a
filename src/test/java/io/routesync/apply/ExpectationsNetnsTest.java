package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.plan.PlanConflictException;
import io.routesync.run.HostJob;
import io.routesync.run.HostRun;
import io.routesync.run.HostSpec;
import io.routesync.run.PlanFiles;
import io.routesync.run.RunResult;
import io.routesync.run.SavedHostJob;
import io.routesync.saved.PlanFileReader;
import io.routesync.saved.PlanFileWriter;
import io.routesync.saved.SavedHost;
import io.routesync.saved.SavedPlan;
import io.routesync.testing.InterceptedTarget;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.Script;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code expect:} on a real kernel, through a host's whole job (plan, then apply with verify): a plan
 * that would break an expectation is refused with nothing applied; after the batch the kernel's own
 * {@code ip route get} answers every flow, and a host where it disagrees with the simulation (a route
 * added under routesync between plan and verify, in a table routesync does not read) is rolled back
 * like a failed verify. A saved plan carries the flows, and {@code apply PLAN} is checked and rolled
 * back the same way (with --confirm too).
 */
class ExpectationsNetnsTest {
    /** The shared namespace test state (table 102 through d1 for 198.51.100.10), with its expectations. */
    private static final String STATE = SafetyNetns.STATE + String.join("\n",
            "expect:",
            "  - { from: 198.51.100.10, to: 203.0.113.5, via: 198.51.100.1, dev: d1, table: uplink2 }",
            "  - { from: 192.0.2.1, to: 203.0.113.5, unchanged: true }",
            "");

    @TempDir
    Path dir;
    private Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = SafetyNetns.host("expect");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    private HostJob job(String yaml, Target target) throws Exception {
        LoadedState loaded = StateLoader.load(List.of(new SourceFile("state.yml", yaml)), Variables.none(), 245);
        TargetPaths paths = SafetyNetns.paths(ns, dir);
        HostSpec spec = HostSpec.of(target.name(), null, paths, loaded, 245, List.of(new SourceFile("state.yml", yaml)), Variables.none(),
                null, "test");
        return new HostJob(spec, target, new Reconciler.Settings(Duration.ofSeconds(10), Duration.ofSeconds(60)), Clock.systemUTC());
    }

    private static final ApplySafety SAFETY = new ApplySafety(null, false, List.of("ssh"));

    @Test
    void aPlanWithExpectationsReadsTheHostInOneRoundTrip() throws Exception {
        CountingTarget counting = new CountingTarget(LocalTarget.netns(ns.name()));
        HostRun planned = job(STATE, counting).plan();
        assertNull(planned.failure());
        assertEquals(2, planned.expectations().size());
        // the tables the flows reach (main, local, those the rules look up) come with the plan's reading
        assertEquals(1, counting.reads.get(), "script runs for a plan with expectations");
        // and the plan's own reading is what a read without expectations gives: its digest is what apply compares
        HostRun plain = job(SafetyNetns.STATE, LocalTarget.netns(ns.name())).plan();
        assertEquals(plain.reading().digest(), planned.reading().digest());
        assertEquals(plain.reading().observed().tablesRead(), planned.reading().observed().tablesRead());
    }

    @Test
    void expectationsMetByThePlanAndTheKernelApply() throws Exception {
        HostJob job = job(STATE, LocalTarget.netns(ns.name()));
        HostRun planned = job.plan();
        assertNull(planned.failure());
        assertEquals(2, planned.expectations().size());
        assertTrue(planned.expectations().get(0).changed(), "the plan moves replies from the second address");
        assertFalse(planned.expectations().get(1).changed(), "the first uplink's flow stays");
        HostRun applied = job.apply(planned, false, SAFETY);
        assertNull(applied.failure());
        assertEquals(ApplyReport.Outcome.APPLIED, applied.report().outcome());
        assertTrue(ns.ip("rule", "show").contains("198.51.100.10 lookup 102"));
    }

    @Test
    void theKernelAnswersTheFlowsInTheApplySessionNoScriptRunAfterIt() throws Exception {
        // issue 12: a heal's expectations cost no round trip of their own
        CountingTarget counting = new CountingTarget(LocalTarget.netns(ns.name()));
        HostJob job = job(STATE, counting);
        HostRun planned = job.plan();
        int readsBefore = counting.reads.get();
        HostRun applied = job.apply(planned, false, SAFETY);
        assertNull(applied.failure());
        assertEquals(ApplyReport.Outcome.APPLIED, applied.report().outcome());
        assertEquals(1, counting.applies.get(), "apply.sh runs once");
        assertEquals(0, counting.routeGets.get(), "no routeget.sh run: the flows were asked by apply.sh");
        assertEquals(readsBefore, counting.reads.get(), "no other script after the plan's read");
        List<ExpectationCheck.Result> answered = applied.report().expectations();
        assertEquals(2, answered.size());
        assertEquals(ExpectationCheck.Status.PASS, answered.get(0).status(), answered.get(0).detail());
    }

    @Test
    void aPlanThatBreaksAnExpectationIsRefusedAndNothingIsApplied() throws Exception {
        String breaking = STATE + "  - { from: 198.51.100.10, to: 203.0.113.5, dev: d0 }\n";
        HostJob job = job(breaking, LocalTarget.netns(ns.name()));
        HostRun planned = job.plan();
        assertNotNull(planned.failure());
        PlanConflictException refused = assertInstanceOf(PlanConflictException.class, planned.failure().cause());
        assertEquals(List.of("state.yml:11:5: expectation not met after this plan: from 198.51.100.10 to 203.0.113.5: expected dev d0,"
                + " but the lookup gives via 198.51.100.1 dev d1 (rule 1000: from 198.51.100.10 lookup uplink2, route default via"
                + " 198.51.100.1 dev d1 proto routesync in table uplink2)"), refused.conflicts());
        assertFalse(ns.ip("rule", "show").contains("lookup 102"), "nothing applied");
    }

    @Test
    void aKernelThatDisagreesWithTheSimulationIsCaughtAfterTheBatchAndRolledBack() throws Exception {
        AtomicBoolean injected = new AtomicBoolean();
        // between plan and batch, someone routes 203.0.113.0/24 in main (not read by routesync's apply) via the second uplink:
        // the entries routesync owns still verify, but the first uplink's flow no longer goes the way it went when planned
        Target target = new InterceptedTarget(LocalTarget.netns(ns.name()), (inner, script, args, stdin, timeout) -> {
            if (Script.of(script) == Script.APPLY && !injected.getAndSet(true)) {
                ns.ip("route", "add", "203.0.113.0/24", "via", "198.51.100.1", "dev", "d1");
            }
            return inner.run(script, args, stdin, timeout);
        });
        HostJob job = job(STATE, target);
        HostRun planned = job.plan();
        assertNull(planned.failure());
        HostRun applied = job.apply(planned, false, SAFETY);
        assertTrue(injected.get());
        assertEquals(ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK, applied.report().outcome());
        String why = applied.report().failure().message();
        assertTrue(why.contains("state.yml:10:5: from 192.0.2.1 to 203.0.113.5: expected unicast via 192.0.2.254 dev d0 table 254,"
                + " but the kernel (ip route get) gives"), why);
        assertTrue(why.contains("via 198.51.100.1 dev d1"), why);
        assertEquals(HostRun.Status.FAILED, applied.status());
        assertTrue(applied.reason().contains("expectation was not met"), applied.reason());
        assertFalse(ns.ip("rule", "show").contains("lookup 102"), "rolled back");
        assertEquals("", ns.ip("route", "show", "table", "102").strip(), "rolled back");
    }

    @Test
    void withConfirmTheKernelCheckRollsBackTooAndNoTimerStaysArmed() throws Exception {
        AtomicBoolean injected = new AtomicBoolean();
        Target target = new InterceptedTarget(LocalTarget.netns(ns.name()), (inner, script, args, stdin, timeout) -> {
            if (Script.of(script) == Script.APPLY && !injected.getAndSet(true)) {
                ns.ip("route", "add", "203.0.113.0/24", "via", "198.51.100.1", "dev", "d1");
            }
            return inner.run(script, args, stdin, timeout);
        });
        HostJob job = job(STATE, target);
        HostRun applied = job.apply(job.plan(), false, new ApplySafety(Duration.ofSeconds(30), false, List.of("ssh")));
        assertTrue(injected.get());
        assertEquals(HostRun.Status.FAILED, applied.status(), String.valueOf(applied.reason()));
        assertEquals(ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK, applied.report().outcome());
        assertFalse(ns.ip("rule", "show").contains("lookup 102"), "rolled back");
        assertTrue(applied.reason().contains("expectation was not met"), applied.reason());
        assertEquals(ConfirmReport.Outcome.DISARMED, applied.confirm().outcome(), "rolled back by routesync, the host's timer disarmed");
    }

    /** plan --out through the host's job, written and read back as apply PLAN reads it. */
    private SavedHost savedPlan(HostJob job) throws Exception {
        HostRun planned = job.plan();
        assertNull(planned.failure());
        SavedPlan plan = PlanFiles.of(List.of(job), new RunResult(List.of(planned)), false, "test", Instant.EPOCH).plan();
        return PlanFileReader.read(PlanFileWriter.write(plan), "test").hosts().get(0);
    }

    /** apply PLAN for the saved host, reached through {@code wrap} (the namespace, maybe intercepted). */
    private static SavedHostJob applyJob(SavedHost saved, java.util.function.UnaryOperator<Target> wrap) {
        return new SavedHostJob(saved, SafetyNetns.inputs(), h -> wrap.apply(SavedTargets.open(h.name(), h.target(), null)),
                new Reconciler.Settings(Duration.ofSeconds(10), Duration.ofSeconds(60)), Clock.systemUTC());
    }

    /**
     * Between plan and batch, 203.0.113.0/24 is routed in main via the second uplink (as above), once: before
     * apply.sh runs, or (in one session) as routesync answers the session with its batch.
     */
    private Target injecting(Target inner, AtomicBoolean injected) {
        Runnable inject = () -> {
            if (!injected.getAndSet(true)) ns.ip("route", "add", "203.0.113.0/24", "via", "198.51.100.1", "dev", "d1");
        };
        return new InterceptedTarget(inner, (t, script, args, stdin, timeout) -> {
            if (Script.of(script) == Script.APPLY) inject.run();
            return t.run(script, args, stdin, timeout);
        }, script -> inject.run());
    }

    @Test
    void aSavedPlanCarriesItsFlowsAndApplyPlanHasTheKernelAnswerThem() throws Exception {
        SavedHost saved = savedPlan(job(STATE, LocalTarget.netns(ns.name())));
        assertEquals(2, saved.expectations().size(), "the declared flow, and the unchanged one pinned to the live answer");
        assertEquals("unicast via 192.0.2.254 dev d0 table main", saved.expectations().get(1).wanted());
        HostRun applied = applyJob(saved, t -> t).apply(SAFETY);
        assertNull(applied.failure());
        assertEquals(ApplyReport.Outcome.APPLIED, applied.report().outcome());
        assertEquals(List.of(ExpectationCheck.Status.PASS, ExpectationCheck.Status.PASS),
                applied.report().expectations().stream().map(ExpectationCheck.Result::status).toList(), "the kernel was asked");
        assertTrue(ns.ip("rule", "show").contains("198.51.100.10 lookup 102"));
    }

    @Test
    void applyPlanRollsBackWhenTheKernelAnswersASavedFlowOtherwise() throws Exception {
        SavedHost saved = savedPlan(job(STATE, LocalTarget.netns(ns.name())));
        AtomicBoolean injected = new AtomicBoolean();
        HostRun applied = applyJob(saved, t -> injecting(t, injected)).apply(SAFETY);
        assertTrue(injected.get());
        assertEquals(ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK, applied.report().outcome());
        String why = applied.report().failure().message();
        assertTrue(why.contains("state.yml:10:5: from 192.0.2.1 to 203.0.113.5: expected unicast via 192.0.2.254 dev d0 table main,"
                + " but the kernel (ip route get) gives unicast 203.0.113.5 from 192.0.2.1 via 198.51.100.1 dev d1"), why);
        assertEquals(ExpectationCheck.Status.FAIL, applied.report().expectations().get(1).status());
        assertEquals(HostRun.Status.FAILED, applied.status());
        assertTrue(applied.reason().contains("expectation was not met"), applied.reason());
        assertFalse(ns.ip("rule", "show").contains("lookup 102"), "rolled back");
        assertEquals("", ns.ip("route", "show", "table", "102").strip(), "rolled back");
    }

    @Test
    void applyPlanWithConfirmRollsBackTooAndNoTimerStaysArmed() throws Exception {
        SavedHost saved = savedPlan(job(STATE, LocalTarget.netns(ns.name())));
        AtomicBoolean injected = new AtomicBoolean();
        HostRun applied = applyJob(saved, t -> injecting(t, injected)).apply(new ApplySafety(Duration.ofSeconds(30), false, List.of("ssh")));
        assertTrue(injected.get());
        assertEquals(HostRun.Status.FAILED, applied.status(), String.valueOf(applied.reason()));
        assertEquals(ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK, applied.report().outcome());
        assertTrue(applied.reason().contains("expectation was not met"), applied.reason());
        assertFalse(ns.ip("rule", "show").contains("lookup 102"), "rolled back");
        assertEquals(ConfirmReport.Outcome.DISARMED, applied.confirm().outcome(), "rolled back by routesync, the host's timer disarmed");
    }
}

package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.config.state.StateLoader;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.plan.PlanConflictException;
import io.routesync.plan.Planner;
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
import io.routesync.transport.Target;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.transport.HostReader;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.Script;
import io.routesync.transport.TargetPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An apply in one session on a real kernel ({@link HostJob#converge}: what apply --auto-approve, watch and
 * pull run): the reading, the plan, the batch, the re-read and the kernel's answers to the expectations
 * are one script run; nothing to change is one run that changes nothing; the lock is held from the
 * reading to the verify, so no other run reads or changes the host while routesync plans; a gate that
 * says no and a plan that breaks an expectation apply nothing; a batch line that fails is rolled back.
 * {@code apply PLAN} is one session too, its fingerprint compared under the same lock as its batch.
 */
class SessionNetnsTest {
    private static final String STATE = SafetyNetns.STATE + String.join("\n",
            "expect:",
            "  - { from: 198.51.100.10, to: 203.0.113.5, via: 198.51.100.1, dev: d1, table: uplink2 }",
            "  - { from: 192.0.2.1, to: 203.0.113.5, unchanged: true }",
            "");
    private static final ApplySafety SAFETY = new ApplySafety(null, false, List.of("ssh"));

    @TempDir
    Path dir;
    private Netns ns;
    /** The scripts run on the namespace, in order (by the latest job). */
    private List<Script> runs = List.of();

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = SafetyNetns.host("session");
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    @Test
    void anApplyIsOneScriptRunWithTheFlowsAskedInIt() throws Exception {
        HostJob.Converged c = job(STATE).converge(SAFETY, HostJob.OPEN);
        assertNull(c.stopped());
        assertNull(c.applied().failure(), () -> c.applied().failure().reason());
        assertEquals(4, c.planned().plan().changes().size(), "the plan: the table name, two routes, a rule");
        assertEquals(ApplyReport.Outcome.APPLIED, c.applied().report().outcome());
        assertEquals(List.of(Script.SESSION), runs, "read, plan, batch, re-read and the flows in one run");
        assertTrue(ns.ip("rule", "show").contains("from 198.51.100.10 lookup 102"), ns.ip("rule", "show"));
        List<ExpectationCheck.Result> answered = c.applied().report().expectations();
        assertEquals(2, answered.size());
        for (ExpectationCheck.Result r : answered) assertEquals(ExpectationCheck.Status.PASS, r.status(), r.detail());
        assertNotNull(c.applied().report().record(), "the record of the apply is written");
        // the record's fingerprint, worked out on another thread while the plan was made, is the reading's own
        String record = Files.readString(Path.of(c.applied().report().record()));
        String fingerprint = Planner.fingerprint(c.planned().spec().loaded().state(), c.planned().reading().observed(),
                c.planned().spec().ownership());
        assertTrue(record.contains("\"fingerprint\":\"" + fingerprint + "\""), record);
        assertEquals(fingerprint, c.planned().plan().fingerprint());
        // the desired state kept for the next boot was proven on the way (a digest sent with it)
        assertTrue(Files.readString(dir.resolve("state/desired.yaml")).contains("198.51.100.10"));
        assertTrue(Files.exists(dir.resolve("state/desired.digest")));
    }

    @Test
    void nothingToChangeIsOneRunThatChangesNothing() throws Exception {
        assertEquals(ApplyReport.Outcome.APPLIED, job(STATE).converge(SAFETY, HostJob.OPEN).applied().report().outcome());
        String before = SafetyNetns.snapshot(ns);
        long records = records();
        HostJob.Converged again = job(STATE).converge(SAFETY, HostJob.OPEN);
        assertTrue(again.planned().plan().isEmpty());
        assertSame(again.planned(), again.applied(), "a host with nothing to change ends as planned");
        assertEquals(HostRun.Status.OK, again.applied().status());
        assertEquals(List.of(Script.SESSION), runs);
        assertEquals(before, SafetyNetns.snapshot(ns));
        assertEquals(records, records(), "no record: nothing was applied");
    }

    @Test
    void theLockIsHeldFromTheReadingToTheVerify() throws Exception {
        AtomicReference<Exception> meanwhile = new AtomicReference<>();
        HostJob.Converged c = job(STATE).converge(SAFETY, planned -> {
            // while routesync plans, another run's read (waiting at most 0 s) finds the lock taken
            try {
                HostReader.read(LocalTarget.netns(ns.name()), SafetyNetns.paths(ns, dir), List.of(), Duration.ZERO, Duration.ofSeconds(30));
            } catch (Exception e) {
                meanwhile.set(e);
            }
        });
        assertInstanceOf(LockHeldException.class, meanwhile.get(), String.valueOf(meanwhile.get()));
        assertEquals(ApplyReport.Outcome.APPLIED, c.applied().report().outcome());
        // and once the session ended, the same read goes through at once
        HostReader.read(LocalTarget.netns(ns.name()), SafetyNetns.paths(ns, dir), List.of(), Duration.ZERO, Duration.ofSeconds(30));
    }

    @Test
    void aGateThatSaysNoAppliesNothing() throws Exception {
        String before = SafetyNetns.snapshot(ns);
        IllegalStateException no = new IllegalStateException("not now");
        HostJob.Converged c = job(STATE).converge(SAFETY, planned -> {
            throw no;
        });
        assertSame(no, c.stopped());
        assertEquals(4, c.planned().plan().changes().size());
        assertEquals(before, SafetyNetns.snapshot(ns));
        assertEquals(List.of(Script.SESSION), runs);
        assertEquals(0, records());
    }

    @Test
    void aPlanThatBreaksAnExpectationAppliesNothing() throws Exception {
        String before = SafetyNetns.snapshot(ns);
        HostJob.Converged c = job(STATE + "  - { from: 198.51.100.10, to: 203.0.113.5, dev: d0 }\n").converge(SAFETY, HostJob.OPEN);
        assertInstanceOf(PlanConflictException.class, c.planned().failure().cause(), c.planned().failure().reason());
        assertSame(c.planned(), c.applied());
        assertEquals(before, SafetyNetns.snapshot(ns));
        assertEquals(List.of(Script.SESSION), runs);
    }

    @Test
    void aBatchLineThatFailsIsRolledBack() throws Exception {
        String before = SafetyNetns.snapshot(ns);
        // the kernel refuses a gateway on no link of the host: the batch stops at that line, after the rule
        String failing = SafetyNetns.STATE + "    - \"10.20.0.0/16 via 203.0.113.1 dev d1\"\n";
        HostJob.Converged c = job(failing).converge(SAFETY, HostJob.OPEN);
        assertEquals(ApplyReport.Outcome.FAILED_ROLLED_BACK, c.applied().report().outcome(), c.applied().reason());
        assertEquals(before, SafetyNetns.snapshot(ns));
        // the session's readings carry no digest: the way back reads the host for apply.sh's check, then runs it
        assertEquals(List.of(Script.SESSION, Script.READ, Script.APPLY), runs);
    }

    @Test
    void aForeignChangeAfterTheReadingIsCaughtByTheVerifyAndRolledBack() throws Exception {
        // no expectations: the re-read is told from the lines that changed since the reading (RereadDelta).
        // While routesync plans, another program puts a route routesync owns (its protocol) in the table:
        // the plan, made from the reading, does not know it; the verify must
        String before = SafetyNetns.snapshot(ns);
        HostJob.Converged c = job(SafetyNetns.STATE).converge(SAFETY, planned -> ns.ip("route", "add", "10.99.0.0/16", "via",
                "192.0.2.254", "dev", "d0", "table", "102", "proto", "245"));
        assertEquals(ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK, c.applied().report().outcome(), c.applied().reason());
        assertTrue(c.applied().reason().contains("did not match the desired state after the apply"), c.applied().reason());
        // what the plan touched is as it was; the foreign route is not routesync's to take back
        ns.ip("route", "del", "10.99.0.0/16", "table", "102");
        assertEquals(before, SafetyNetns.snapshot(ns));
        // the same apply with nothing foreign verifies
        assertEquals(ApplyReport.Outcome.APPLIED, job(SafetyNetns.STATE).converge(SAFETY, HostJob.OPEN).applied().report().outcome());
    }

    @Test
    void aHealAsksTheKernelAboutTheDeclaredFlowsWithoutSimulatingThem() throws Exception {
        HostJob.Converged c = job(STATE).converge(SAFETY, HostJob.OPEN, false);
        assertEquals(ApplyReport.Outcome.APPLIED, c.applied().report().outcome(), c.applied().reason());
        assertEquals(List.of(Script.SESSION), runs);
        assertEquals(List.of(), c.planned().expectations(), "not simulated before the batch");
        List<ExpectationCheck.Result> answered = c.applied().report().expectations();
        assertEquals(List.of(ExpectationCheck.Status.PASS, ExpectationCheck.Status.UNKNOWN),
                answered.stream().map(ExpectationCheck.Result::status).toList(), "the declared flow asked; 'unchanged' has no before");
    }

    @Test
    void aHealWhoseDeclaredFlowTheKernelRoutesOtherwiseIsRolledBack() throws Exception {
        String before = SafetyNetns.snapshot(ns);
        // simulated, this plan is refused before the batch (see aPlanThatBreaksAnExpectationAppliesNothing); a
        // heal finds it in the kernel's answer after the batch, and takes the batch back
        HostJob.Converged c = job(STATE + "  - { from: 198.51.100.10, to: 203.0.113.5, dev: d0 }\n").converge(SAFETY, HostJob.OPEN, false);
        assertEquals(ApplyReport.Outcome.VERIFY_FAILED_ROLLED_BACK, c.applied().report().outcome(), c.applied().reason());
        assertTrue(c.applied().reason().contains("expectation was not met"), c.applied().reason());
        assertEquals(before, SafetyNetns.snapshot(ns));
    }

    @Test
    void aSavedPlanIsAppliedInOneSessionAndRefusedThereWhenStale() throws Exception {
        SavedHost saved = savedPlan(job(STATE));
        CountingTarget counting = new CountingTarget(LocalTarget.netns(ns.name()));
        HostRun applied = savedJob(saved, counting).apply(SAFETY);
        assertNull(applied.failure(), () -> applied.failure().reason());
        assertEquals(ApplyReport.Outcome.APPLIED, applied.report().outcome());
        assertEquals(List.of(Script.SESSION), counting.runs, "the fingerprint's check, the batch and its verify in one run");

        // planned again on the host as it is now, then changed under it: stale, in the session, nothing applied
        ns.ip("rule", "del", "priority", "1000");
        SavedHost again = savedPlan(job(STATE));
        ns.ip("route", "del", "default", "table", "102");
        String before = SafetyNetns.snapshot(ns);
        CountingTarget second = new CountingTarget(LocalTarget.netns(ns.name()));
        HostRun stale = savedJob(again, second).apply(SAFETY);
        assertNotNull(stale.failure());
        assertTrue(stale.failure().reason().contains("plan is stale"), stale.failure().reason());
        assertEquals(before, SafetyNetns.snapshot(ns));
        assertEquals(List.of(Script.SESSION), second.runs);
    }

    /** plan --out through the host's job, written and read back as apply PLAN reads it. */
    private static SavedHost savedPlan(HostJob job) throws Exception {
        HostRun planned = job.plan();
        assertNull(planned.failure());
        SavedPlan plan = PlanFiles.of(List.of(job), new RunResult(List.of(planned)), false, "test", Instant.EPOCH).plan();
        return PlanFileReader.read(PlanFileWriter.write(plan), "test").hosts().get(0);
    }

    private static SavedHostJob savedJob(SavedHost saved, Target target) {
        return new SavedHostJob(saved, SafetyNetns.inputs(), h -> target, new Reconciler.Settings(Duration.ofSeconds(10),
                Duration.ofSeconds(60)), Clock.systemUTC());
    }

    private long records() throws Exception {
        Path records = dir.resolve("state/records");
        if (!Files.isDirectory(records)) return 0;
        try (Stream<Path> files = Files.list(records)) {
            return files.count();
        }
    }

    private HostJob job(String yaml) throws Exception {
        LoadedState loaded = StateLoader.load(List.of(new SourceFile("state.yml", yaml)), Variables.none(), 245);
        TargetPaths paths = SafetyNetns.paths(ns, dir);
        CountingTarget target = new CountingTarget(LocalTarget.netns(ns.name()));
        runs = target.runs;
        HostSpec spec = HostSpec.of(target.name(), null, paths, loaded, 245, List.of(new SourceFile("state.yml", yaml)), Variables.none(),
                null, "test");
        return new HostJob(spec, target, new Reconciler.Settings(Duration.ofSeconds(10), Duration.ofSeconds(60)), Clock.systemUTC());
    }
}

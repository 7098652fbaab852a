package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.HostReading;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.transport.ConfirmTimer;
import io.routesync.transport.PendingConfirmException;
import io.routesync.transport.TransportException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apply --confirm on a namespace: the timer runs inside the namespace's context (ip -n), detached from
 * the run that armed it. A confirmed change stays past the deadline; an unconfirmed one (the "new
 * connection" fails) is taken back by the host itself, exactly.
 */
class ConfirmNetnsTest {
    private static final Duration WINDOW = Duration.ofSeconds(3);

    @TempDir
    Path dir;
    Netns ns;

    @BeforeEach
    void setUp() {
        KernelAccess.require();
        ns = SafetyNetns.host("confirm");
    }

    @AfterEach
    void tearDown() throws Exception {
        // a test that failed half-way may leave a timer waiting
        io.routesync.testing.ConfirmTimers.stop(dir.resolve("state"));
        if (ns != null) ns.close();
    }

    private record Prepared(Reconciler reconciler, LoadedState loaded, Ownership ownership, HostReading reading, HostPlan plan) {
    }

    private Prepared prepare(String yaml) throws Exception {
        LoadedState loaded = SafetyNetns.load(yaml);
        Reconciler r = SafetyNetns.reconciler(ns, dir);
        Ownership own = new Ownership(loaded.state().ownedTables(), 245);
        HostReading reading = r.observe(loaded.state());
        return new Prepared(r, loaded, own, reading, r.plan(loaded.state(), reading, own));
    }

    private ConfirmReport apply(Prepared p, Reconnector reconnector) throws Exception {
        return new ConfirmedApply(p.reconciler(), reconnector, WINDOW)
                .apply(p.loaded().state(), p.ownership(), p.reading(), p.plan(), SafetyNetns.inputs(), false, x -> { });
    }

    private ConfirmTimer timer() throws Exception {
        Reconciler r = SafetyNetns.reconciler(ns, dir);
        return new ConfirmTimer(r.target(), r.paths(), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** Whether any process still belongs to process group {@code pgid} (field 5 of /proc/PID/stat). */
    private static boolean processGroupAlive(long pgid) {
        return ProcessHandle.allProcesses().anyMatch(ph -> {
            try {
                String stat = Files.readString(java.nio.file.Path.of("/proc", Long.toString(ph.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[2]) == pgid;
            } catch (java.io.IOException | RuntimeException gone) {
                return false;
            }
        });
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    @Test
    void aConfirmedChangeStaysPastTheDeadline() throws Exception {
        Prepared p = prepare(SafetyNetns.STATE);
        ConfirmReport report = apply(p, Reconnector.local(p.reconciler().target()));
        assertEquals(ConfirmReport.Outcome.CONFIRMED, report.outcome(), () -> report.detail() + " " + report.apply());
        assertTrue(report.succeeded());
        String applied = SafetyNetns.snapshot(ns);
        assertTrue(applied.contains("1000:\tfrom 198.51.100.10 lookup 102"), applied);
        sleep(WINDOW.plusSeconds(2));
        assertEquals(applied, SafetyNetns.snapshot(ns), "the disarmed timer did nothing");
        ConfirmTimer.Status status = timer().status();
        assertEquals(ConfirmTimer.State.IDLE, status.state());
        assertTrue(status.last().startsWith("confirmed "), status.last());
        assertFalse(Files.exists(dir.resolve("state/confirm/timer-pid")), "the timer process was stopped");
    }

    @Test
    void withoutConfirmationTheHostTakesTheChangeBackByItself() throws Exception {
        String before = SafetyNetns.snapshot(ns);
        Prepared p = prepare(SafetyNetns.STATE);
        // the "new connection" fails once (as if the change had cut the management path), then works
        AtomicInteger opened = new AtomicInteger();
        Reconnector cutOnce = () -> {
            if (opened.incrementAndGet() == 1) throw new TransportException("ssh: connect to host: Connection timed out", true);
            return Reconnector.local(p.reconciler().target()).open();
        };
        long start = System.nanoTime();
        ConfirmReport report = apply(p, cutOnce);
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        assertEquals(ConfirmReport.Outcome.ROLLED_BACK_BY_HOST, report.outcome(), () -> report.detail() + " " + report.apply());
        assertTrue(report.detail().contains("a new connection to netns " + ns.name() + " failed"), report.detail());
        assertTrue(report.detail().contains("rolled-back") && report.detail().contains("fire exact"),
                "the host's own timer ran the undo and the host reads exactly as before: " + report.detail());
        assertTrue(seconds >= WINDOW.toSeconds() && seconds < WINDOW.toSeconds() + 15, seconds + " s");
        assertEquals(before, SafetyNetns.snapshot(ns), "rules and routes are exactly as before the apply");
        assertTrue(p.plan().changes().stream().anyMatch(c -> c.entry() instanceof io.routesync.model.TableName), "the plan names a table");
        assertFalse(Files.exists(dir.resolve("etc/rt_tables.d/routesync-netns-" + ns.name() + ".conf")),
                "the table name file did not exist before");
        assertFalse(report.succeeded());
    }

    @Test
    void aSecondApplyIsRefusedWhileAnotherAwaitsConfirmationAndManualRollbackUndoesIt() throws Exception {
        String before = SafetyNetns.snapshot(ns);
        Prepared p = prepare(SafetyNetns.STATE);
        ConfirmUndo undo = ConfirmUndo.of(p.reading().observed(), p.plan(), p.ownership());
        ConfirmTimer.Armed armed = timer().arm("a1b2c3", Duration.ofSeconds(600), p.reading(), p.loaded().state().tablesToRead(), undo);
        assertNotNull(armed);
        assertEquals(p.plan().changes().size(), undo.plan().changes().size(), "one undo per change");
        p.reconciler().withConfirmToken("a1b2c3").apply(p.loaded().state(), p.ownership(), p.reading(), p.plan(), SafetyNetns.inputs(),
                false, x -> { });
        String applied = SafetyNetns.snapshot(ns);

        Prepared next = prepare(SafetyNetns.STATE.replace("198.51.100.1 dev d1", "198.51.100.2 dev d1"));
        PendingConfirmException busy = assertThrows(PendingConfirmException.class,
                () -> apply(next, Reconnector.local(next.reconciler().target())));
        assertTrue(busy.getMessage().contains("awaits confirmation") && busy.getMessage().contains("'routesync confirm'"), busy.getMessage());
        assertEquals(applied, SafetyNetns.snapshot(ns), "the refused apply changed nothing");

        long timerGroup = Long.parseLong(Files.readString(dir.resolve("state/confirm/timer-pid")).strip());
        assertTrue(processGroupAlive(timerGroup), "the armed timer waits in its own process group");
        ConfirmTimer.Result r = timer().rollbackNow();

        assertTrue(r.done(), r::toString);
        for (int i = 0; i < 50 && processGroupAlive(timerGroup); i++) sleep(Duration.ofMillis(100));
        assertFalse(processGroupAlive(timerGroup), "rollback stops the timer: its shell and its sleep");
        assertTrue(r.last().matches("rolled-back [0-9]+ now exact 0"), r.last());
        assertEquals(before, SafetyNetns.snapshot(ns));
        assertFalse(timer().rollbackNow().done(), "nothing is armed any more");
        assertFalse(timer().confirm("").done());
    }

    @Test
    void aFailedApplyRollsBackItselfAndDisarmsTheTimer() throws Exception {
        String before = SafetyNetns.snapshot(ns);
        // the gateway is not on any link: the kernel refuses the route, the reconciler rolls back
        Prepared p = prepare(SafetyNetns.STATE.replace("default via 198.51.100.1 dev d1", "default via 10.99.99.1 dev d1"));
        ConfirmReport report = apply(p, Reconnector.local(p.reconciler().target()));
        assertEquals(ConfirmReport.Outcome.DISARMED, report.outcome(), () -> report.detail() + " " + report.apply());
        assertEquals(ApplyReport.Outcome.FAILED_ROLLED_BACK, report.apply().outcome());
        assertEquals(before, SafetyNetns.snapshot(ns));
        sleep(WINDOW.plusSeconds(1));
        assertEquals(before, SafetyNetns.snapshot(ns));
        assertTrue(timer().status().last().startsWith("confirmed "), "disarmed, not fired");
    }

    /** SafetyNetns.STATE with another gateway: the plan against a host that carries STATE replaces one route. */
    private static final String OTHER = SafetyNetns.STATE.replace("198.51.100.1 dev d1", "198.51.100.2 dev d1");

    /** Arms a 600 s timer with {@code token} for STATE and applies it, as apply --confirm does up to the confirmation. */
    private Prepared armAndApply(String token) throws Exception {
        Prepared p = prepare(SafetyNetns.STATE);
        ConfirmUndo undo = ConfirmUndo.of(p.reading().observed(), p.plan(), p.ownership());
        timer().arm(token, Duration.ofSeconds(600), p.reading(), p.loaded().state().tablesToRead(), undo);
        ApplyReport r = p.reconciler().withConfirmToken(token).apply(p.loaded().state(), p.ownership(), p.reading(), p.plan(),
                SafetyNetns.inputs(), false, x -> { });
        assertEquals(ApplyReport.Outcome.APPLIED, r.outcome());
        return p;
    }

    private ApplyReport plainApply(Prepared p) throws Exception {
        return p.reconciler().apply(p.loaded().state(), p.ownership(), p.reading(), p.plan(), SafetyNetns.inputs(), true, x -> { });
    }

    @Test
    void aConfirmArmedBetweenReadAndApplyStopsTheApplyOnTheHost() throws Exception {
        String before = SafetyNetns.snapshot(ns);
        Prepared p = prepare(SafetyNetns.STATE);
        // another run arms its confirm after this one read the host (arming changes no route: same digest)
        ConfirmUndo undo = ConfirmUndo.of(p.reading().observed(), p.plan(), p.ownership());
        timer().arm("0ther", Duration.ofSeconds(600), p.reading(), p.loaded().state().tablesToRead(), undo);
        PendingConfirmException e = assertThrows(PendingConfirmException.class, () -> plainApply(p));
        assertTrue(e.getMessage().contains("an earlier 'apply --confirm' (armed at ") && e.getMessage().contains("rolls it back at ")
                && e.getMessage().contains("'routesync rollback'"), e.getMessage());
        assertEquals(before, SafetyNetns.snapshot(ns), "nothing was changed");
        assertEquals(ConfirmTimer.State.ARMED, timer().status().state(), "the pending change is left as it was");
        assertTrue(timer().confirm("").done());
        assertEquals(ApplyReport.Outcome.APPLIED, plainApply(p).outcome(), "once confirmed, the apply goes through");
    }

    @Test
    void aMarkerFromAnotherBootIsStaleBlocksNothingAndItsUndoIsNeverRun() throws Exception {
        armAndApply("b007");
        long timerGroup = Long.parseLong(Files.readString(dir.resolve("state/confirm/timer-pid")).strip());
        // a reboot: the marker was written in another boot
        Files.writeString(dir.resolve("state/confirm/boot"), "00000000-0000-0000-0000-000000000000\n");
        ConfirmTimer.Status status = timer().status();
        assertEquals(ConfirmTimer.State.STALE, status.state());
        assertEquals("reboot", status.why());
        assertTrue(status.armedAt() > 0 && status.deadline() > status.armedAt(), status::toString);

        Prepared next = prepare(OTHER);
        assertEquals(ApplyReport.Outcome.APPLIED, plainApply(next).outcome(), "a stale marker blocks nothing");
        String applied = SafetyNetns.snapshot(ns);
        assertTrue(applied.contains("default via 198.51.100.2 dev d1"), applied);
        status = timer().status();
        assertEquals(ConfirmTimer.State.IDLE, status.state());
        assertTrue(status.last().matches("discarded [0-9]+ reboot"), status.last());
        assertFalse(timer().rollbackNow().done(), "the stale undo is gone: nothing can run it any more");
        for (int i = 0; i < 50 && processGroupAlive(timerGroup); i++) sleep(Duration.ofMillis(100));
        assertFalse(processGroupAlive(timerGroup), "the old timer was stopped");
        assertEquals(applied, SafetyNetns.snapshot(ns));
    }

    @Test
    void aKilledTimerMakesTheMarkerStaleAndANewConfirmIsNotBlocked() throws Exception {
        armAndApply("dead");
        long timerGroup = Long.parseLong(Files.readString(dir.resolve("state/confirm/timer-pid")).strip());
        io.routesync.testing.ConfirmTimers.killGroup(timerGroup, true);
        for (int i = 0; i < 50 && processGroupAlive(timerGroup); i++) sleep(Duration.ofMillis(100));
        ConfirmTimer.Status status = timer().status();
        assertEquals(ConfirmTimer.State.STALE, status.state(), status::toString);
        assertEquals("timer-gone", status.why());

        Prepared next = prepare(OTHER);
        ConfirmReport report = apply(next, Reconnector.local(next.reconciler().target()));
        assertEquals(ConfirmReport.Outcome.CONFIRMED, report.outcome(), () -> report.detail() + " " + report.apply());
        assertTrue(SafetyNetns.snapshot(ns).contains("default via 198.51.100.2 dev d1"));
        assertEquals(ConfirmTimer.State.IDLE, timer().status().state());
    }

    @Test
    void anApplyIsRefusedWhileTheTimerRunsTheUndoWithoutTheLock() throws Exception {
        armAndApply("f1re");
        // as rollback.sh fire leaves it when it runs without the lock (an apply held it for 30 s):
        // the marker renamed to firing, the timer process still running
        Path confirm = dir.resolve("state/confirm");
        Files.move(confirm.resolve("armed"), confirm.resolve("firing"));
        String applied = SafetyNetns.snapshot(ns);
        Prepared next = prepare(OTHER);
        PendingConfirmException e = assertThrows(PendingConfirmException.class, () -> plainApply(next));
        assertTrue(e.getMessage().contains("is rolling back an unconfirmed 'apply --confirm' right now"), e.getMessage());
        assertEquals(applied, SafetyNetns.snapshot(ns));
        // once that process is gone, the firing marker is stale and blocks nothing
        long timerGroup = Long.parseLong(Files.readString(confirm.resolve("timer-pid")).strip());
        io.routesync.testing.ConfirmTimers.killGroup(timerGroup, true);
        for (int i = 0; i < 50 && processGroupAlive(timerGroup); i++) sleep(Duration.ofMillis(100));
        assertEquals(ApplyReport.Outcome.APPLIED, plainApply(prepare(OTHER)).outcome());
    }

    @Test
    void theTimerNeverFollowsALinkPlantedAsTheLockFile() throws Exception {
        String before = SafetyNetns.snapshot(ns);
        Prepared p = prepare(SafetyNetns.STATE);
        Path lock = Path.of(p.reconciler().paths().lockFile());
        Path victim = dir.resolve("victim");
        Path result = dir.resolve("state/confirm/result");
        AtomicInteger opened = new AtomicInteger();
        Reconnector planted = () -> {
            try {
                if (opened.incrementAndGet() == 1) {
                    // between the arm and the timer's run, the lock file becomes a link
                    Files.delete(lock);
                    Files.createSymbolicLink(lock, victim);
                    throw new TransportException("ssh: connect to host: Connection timed out", true);
                }
                // once the timer has run, the lock file is put right so routesync can read the host again
                for (int i = 0; i < 300 && !Files.exists(result); i++) Thread.sleep(100);
                if (Files.isSymbolicLink(lock)) Files.delete(lock);
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Reconnector.local(p.reconciler().target()).open();
        };
        ConfirmReport report = apply(p, planted);
        assertFalse(Files.exists(victim, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the timer did not open the lock through the link");
        assertEquals(ConfirmReport.Outcome.ROLLED_BACK_BY_HOST, report.outcome(), () -> report.detail() + " " + report.apply());
        assertTrue(report.detail().contains("fire exact"), "the undo still ran, without the lock: " + report.detail());
        assertEquals(before, SafetyNetns.snapshot(ns));
        if (!Files.isDirectory(Path.of("/run/systemd/system"))) {
            // without systemd the timer's output goes to the confirm directory's log
            String log = Files.readString(dir.resolve("state/confirm/log"));
            assertTrue(log.contains(" warning lock-not-taken " + lock + " is a symbolic link\n"), log);
        }
    }

    @Test
    void anUndoNeverWritesWhatALinkAtANameFilePointsTo() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "100 secret-content\n");
        Path own = Files.createDirectories(dir.resolve("etc/rt_tables.d")).resolve("routesync-netns-" + ns.name() + ".conf");
        Files.createSymbolicLink(own, secret);
        Prepared p = prepare(SafetyNetns.STATE);
        ConfirmUndo undo = ConfirmUndo.of(p.reading().observed(), p.plan(), p.ownership());
        assertNotNull(timer().arm("d4e5f6", Duration.ofSeconds(600), p.reading(), p.loaded().state().tablesToRead(), undo));
        p.reconciler().withConfirmToken("d4e5f6").apply(p.loaded().state(), p.ownership(), p.reading(), p.plan(), SafetyNetns.inputs(), false, x -> { });
        assertTrue(Files.readString(own).contains("102 uplink2"), "the apply replaced the link with its file");
        ConfirmTimer.Result r = timer().rollbackNow();
        assertTrue(r.done(), r::toString);
        assertFalse(Files.exists(own, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.readString(own).contains("secret-content"),
                "the undo did not copy the link's target into the name file");
        assertFalse(Files.exists(own, java.nio.file.LinkOption.NOFOLLOW_LINKS), "a link is undone as a file that was not there");
        assertEquals("100 secret-content\n", Files.readString(secret));
    }
}

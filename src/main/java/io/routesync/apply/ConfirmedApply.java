package io.routesync.apply;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.OutputException;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.ExpectationCheck;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.Probe;
import io.routesync.plan.PlanConflictException;
import io.routesync.plan.Planner;
import io.routesync.transport.ConfirmTimer;
import io.routesync.transport.HostReader;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.TransportException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code apply --confirm SECONDS}: an apply the host takes back by itself unless routesync proves,
 * over a new connection, that it can still reach and verify the host.
 *
 * <p>Right before the batch runs (the reconciler's {@link Reconciler.BeforeBatch}), the undo of
 * exactly that plan against exactly that reading is staged on the host and a detached timer armed
 * ({@link ConfirmTimer#arm}). After the apply, a new connection ({@link Reconnector}) re-reads the
 * host and plans again; only an empty plan there, then every route probe answered by the host's kernel
 * as it says ({@link KernelExpectations}, one round trip), then every ping and tcp probe passing on
 * the host (run in the same round trip as the disarm), confirms (disarms the timer). Otherwise routesync
 * waits for the deadline and checks, again over a new connection, that the host restored itself.
 * SECONDS counts from just before the batch: it must cover the batch, a new connection and a read.
 */
public final class ConfirmedApply {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** After the deadline, how long the host's undo may take before routesync looks. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final Reconciler reconciler;
    private final Reconnector reconnector;
    private final Duration window;
    private final List<Probe> probes;
    private final List<Expectation> routeProbes;

    public ConfirmedApply(Reconciler reconciler, Reconnector reconnector, Duration window) {
        this(reconciler, reconnector, window, List.of());
    }

    /** @param probes the health probes that must pass on the host before its timer is disarmed */
    public ConfirmedApply(Reconciler reconciler, Reconnector reconnector, Duration window, List<Probe> probes) {
        this(reconciler, reconnector, window, probes, List.of());
    }

    /**
     * @param routeProbes the route probes: flows the kernel ({@code ip route get} on the host, over the
     *                    new connection, right before the disarm) must route as each says
     */
    public ConfirmedApply(Reconciler reconciler, Reconnector reconnector, Duration window, List<Probe> probes, List<Expectation> routeProbes) {
        if (window.toSeconds() < 1) throw new IllegalArgumentException("the confirmation window is at least 1 s");
        this.reconciler = reconciler;
        this.reconnector = reconnector;
        this.window = window;
        this.probes = List.copyOf(probes);
        this.routeProbes = List.copyOf(routeProbes);
    }

    /** Where the apply stands while it runs: what was armed, for which plan and snapshot. */
    private static final class Staged {
        ConfirmTimer.Armed armed;
        long armedAt;
        HostReading snapshot;
        HostPlan plan;
    }

    /** The arguments of {@link Reconciler#apply}; the result says whether the change was confirmed. */
    public ConfirmReport apply(DesiredState desired, Ownership ownership, HostReading reading, HostPlan approved,
            ApplyRecord.Inputs inputs, boolean acceptReplan, Consumer<HostPlan> onReplan)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        String token = HexFormat.of().formatHex(randomBytes());
        ConfirmTimer timer = timer(reconciler);
        Staged staged = new Staged();
        Reconciler armed = reconciler.withConfirmToken(token).withBeforeBatch((plan, from) -> {
            ConfirmUndo undo = ConfirmUndo.of(from.observed(), plan, ownership);
            staged.armed = timer.arm(token, window, from, desired.tablesToRead(), undo);
            staged.armedAt = System.nanoTime();
            staged.snapshot = from;
            staged.plan = plan;
        });
        ApplyReport report;
        try {
            report = armed.apply(desired, ownership, reading, approved, inputs, acceptReplan, onReplan);
        } catch (TransportException lost) {
            if (staged.armed == null) throw lost;
            return awaitHost(null, desired, ownership, staged,
                    lost instanceof IncompleteApplyException ? lost.getMessage() : "the apply did not complete: " + lost.getMessage());
        }
        switch (report.outcome()) {
            case NO_CHANGES:
                if (staged.armed == null) return ConfirmReport.notNeeded(report);
                // armed for a plan the host then made unnecessary (another run applied it): disarm
                timer.confirm(token);
                return ConfirmReport.disarmed(report, null);
            case APPLIED:
                return verifyAndConfirm(report, desired, ownership, staged, token);
            case ROLLBACK_FAILED:
                return ConfirmReport.leftArmed(report, "routesync's rollback did not complete; the"
                        + " host's timer stays armed and runs the undo at " + deadlineText(staged));
            default:
                // routesync took its change back itself (or never made it): the timer must not run the undo again
                if (staged.armed == null) return ConfirmReport.notNeeded(report);
                ConfirmTimer.Result r = timer.confirm(token);
                return ConfirmReport.disarmed(report, r.done() ? null : "the host's timer had already run: " + r.last());
        }
    }

    private ConfirmReport verifyAndConfirm(ApplyReport report, DesiredState desired, Ownership ownership, Staged staged, String token)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        String why;
        try (Reconnector.Connection c = reconnector.open()) {
            HostReading fresh = HostReader.read(c.target(), reconciler.paths(), desired.tablesToRead(),
                    reconciler.settings().lockWait(), reconciler.settings().timeout());
            HostPlan remaining = reconciler.plan(desired, fresh, ownership);
            List<String> wrongRoutes = remaining.isEmpty() ? routeProbesFailed(c.target()) : List.of();
            if (!wrongRoutes.isEmpty()) {
                // not asked to disarm: the host's timer takes the change back
                why = probesFailed(wrongRoutes);
            } else if (remaining.isEmpty()) {
                ConfirmTimer.Result r = timer(c.target()).confirm(token, probes);
                if (r.done()) return ConfirmReport.confirmed(report, fresh);
                why = !r.failedProbes().isEmpty() ? probesFailed(r.failedProbes())
                        : "confirmed too late: the host's timer had already run (" + r.last() + ")";
            } else {
                why = "over a new connection the host reads differently from the desired state (" + remaining.changes().size()
                        + " change(s) would still be needed)";
            }
        } catch (TransportException | OutputException | LockHeldException e) {
            why = "a new connection to " + reconciler.target().name() + " failed: " + e.getMessage();
        }
        return awaitHost(report, desired, ownership, staged, why);
    }

    /**
     * Not confirmed: waits for the host's deadline, then reads it over a new connection (retrying for
     * one more window) and reports whether everything the plan touched is as before. A host that is
     * reachable but whose timer never ran (its process was killed) is rolled back now, over that
     * connection: an unconfirmed change must not stay.
     */
    private ConfirmReport awaitHost(ApplyReport report, DesiredState desired, Ownership ownership, Staged staged, String why)
            throws PlanConflictException {
        long deadline = staged.armedAt + window.plus(GRACE).toNanos();
        long giveUp = deadline + window.plus(reconciler.settings().timeout()).toNanos();
        sleepUntil(deadline);
        String last = why;
        while (true) {
            try (Reconnector.Connection c = reconnector.open()) {
                ConfirmTimer timer = timer(c.target());
                ConfirmTimer.Status status = timer.status();
                String detail = why;
                if (status.state() == ConfirmTimer.State.STALE && "reboot".equals(status.why())) {
                    // the reboot took the change's routes with it, as far as the kernel is concerned: an undo
                    // staged against the old boot must not run by itself
                    detail = why + "; the host rebooted meanwhile and its timer with it: routesync did not run the staged undo"
                            + " (see 'routesync confirm --status')";
                } else if (status.state() == ConfirmTimer.State.STALE) {
                    // its timer process was killed: routesync never called this change done, so undo it now
                    ConfirmTimer.Result r = timer.rollbackNow();
                    detail = why + "; the host's timer was gone (" + ConfirmTimer.staleReason(status.why()) + "), so routesync"
                            + " ran the undo (" + r.last() + ")";
                } else if (status.state() == ConfirmTimer.State.ARMED || status.state() == ConfirmTimer.State.FIRING) {
                    if (System.nanoTime() < deadline + GRACE.toNanos() * 5) {
                        sleepUntil(System.nanoTime() + Duration.ofSeconds(1).toNanos());
                        continue;
                    }
                    ConfirmTimer.Result r = timer.rollbackNow();
                    detail = why + "; the host's timer had not run, so routesync ran the undo (" + r.last() + ")";
                } else if (status.last() != null) {
                    detail = why + "; the host reports: " + status.last();
                }
                HostReading now = HostReader.read(c.target(), reconciler.paths(), desired.tablesToRead(),
                        reconciler.settings().lockWait(), reconciler.settings().timeout());
                HostPlan left = Planner.rollback(staged.snapshot.observed(), now.observed(), staged.plan, ownership);
                if (left.isEmpty()) return new ConfirmReport(ConfirmReport.Outcome.ROLLED_BACK_BY_HOST, report, detail, now);
                return new ConfirmReport(ConfirmReport.Outcome.ROLLBACK_INCOMPLETE, report, detail + "; "
                        + left.changes().size() + " touched entr" + (left.changes().size() == 1 ? "y differs" : "ies differ")
                        + " from before the apply", now);
            } catch (TransportException | OutputException | LockHeldException e) {
                last = e.getMessage();
            }
            if (System.nanoTime() > giveUp) {
                return ConfirmReport.unreachable(report, why + "; " + reconciler.target().name()
                        + " is still unreachable (" + last + "). Its timer was due at " + deadlineText(staged)
                        + "; if it cannot be reached, restore it from the console with 'routesync rollback'.");
            }
            sleepUntil(System.nanoTime() + Duration.ofSeconds(1).toNanos());
        }
    }

    /**
     * The route probes the kernel does not answer as they say, each as {@code route from A to B: expected
     * via G, but the kernel (ip route get) gives ...}: asked of the host in one round trip, the way
     * apply checks {@code expect:} ({@link KernelExpectations}).
     */
    private List<String> routeProbesFailed(io.routesync.transport.Target target) throws TransportException {
        if (routeProbes.isEmpty()) return List.of();
        List<String> failed = new java.util.ArrayList<>();
        for (ExpectationCheck.Result r : new KernelExpectations(target, reconciler.paths(), routeProbes, reconciler.settings().timeout()).results()) {
            if (r.failed()) failed.add("route " + r.expectation().flow() + ": expected " + r.expectation().wanted() + ", but " + r.detail());
        }
        return failed;
    }

    /** {@code health probe failed: ping 10.0.0.1: no answer within 5 s}, every failed probe named. */
    private static String probesFailed(List<String> failed) {
        return (failed.size() == 1 ? "health probe failed: " : failed.size() + " health probes failed: ") + String.join("; ", failed);
    }

    private ConfirmTimer timer(Reconciler r) {
        return timer(r.target());
    }

    private ConfirmTimer timer(io.routesync.transport.Target target) {
        return new ConfirmTimer(target, reconciler.paths(), reconciler.settings().lockWait(), reconciler.settings().timeout());
    }

    private static String deadlineText(Staged staged) {
        return staged.armed == null ? "its deadline" : java.time.Instant.ofEpochSecond(staged.armed.deadline()) + " (host clock)";
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

package io.routesync.apply;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.OutputException;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.lookup.Expectation;
import io.routesync.model.Probe;
import io.routesync.plan.PlanConflictException;
import io.routesync.saved.SavedHost;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.SshSettings;
import io.routesync.transport.SshTarget;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.time.Clock;
import java.time.Duration;
import io.routesync.model.TableId;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * One host's apply under the run's {@link ApplySafety}, the same for {@code apply -f/--netns}, {@code
 * apply -i} and {@code apply FILE}: for a host reached over ssh, the management-path check first
 * (unless allowed); then the apply, with {@code --confirm} one the host takes back by itself unless
 * routesync reaches and verifies it again over a new connection.
 *
 * <p>Only ssh hosts are checked: on this host or a namespace routesync runs its commands directly, so
 * no connection of its own depends on the routing it changes.
 */
public final class GuardedApply {
    /** The confirming connection gives up on a host that answers no SYN within this, or a third of the window if shorter. */
    private static final Duration MAX_RECONNECT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How one apply ended: refused by the management-path check ({@code refusal}, nothing applied),
     * or the apply's {@code report} (null when the connection was lost during a confirmed apply) and,
     * with --confirm, {@code confirm}. {@code note} is what the check wants the user to know, or null.
     */
    public record Outcome(ApplyReport report, ConfirmReport confirm, String refusal, String note) {
        /** Refused by the management-path check: nothing was applied. */
        static Outcome refused(String refusal) {
            return new Outcome(null, null, refusal, null);
        }

        /** The apply ran: its report and, with --confirm, how the confirmation went. */
        static Outcome applied(ApplyReport report, ConfirmReport confirm, String note) {
            return new Outcome(report, confirm, null, note);
        }
    }

    /** The host as given: its kind decides the check and how to reconnect. */
    private final Target target;
    /** The host's reconciler, on a target that notices when the host may have been changed. */
    private final Reconciler reconciler;
    private final WatchedTarget watched;
    private final ApplySafety safety;
    private final List<Probe> probes;
    private final List<Expectation> routeProbes;

    /** @param reconciler the host's (its own before-batch step, if any, is not kept; its after-verify check is) */
    public GuardedApply(Reconciler reconciler, Clock clock, ApplySafety safety) {
        this(reconciler, clock, safety, List.of());
    }

    /** @param probes the host's health probes, which must pass before --confirm keeps a change */
    public GuardedApply(Reconciler reconciler, Clock clock, ApplySafety safety, List<Probe> probes) {
        this(reconciler, clock, safety, probes, List.of());
    }

    /** @param routeProbes the host's route probes: what the kernel must answer before --confirm keeps a change */
    public GuardedApply(Reconciler reconciler, Clock clock, ApplySafety safety, List<Probe> probes, List<Expectation> routeProbes) {
        this.target = reconciler.target();
        this.watched = new WatchedTarget(target);
        this.reconciler = new Reconciler(watched, reconciler.paths(), reconciler.settings(), clock).withAfterVerify(reconciler.afterVerify())
                .withKeptChecks(reconciler.keptChecks());
        this.safety = safety;
        this.probes = List.copyOf(probes);
        this.routeProbes = List.copyOf(routeProbes);
    }

    /**
     * Whether routesync started anything on the host that can change it (a batch, a confirm timer, its
     * undo): after a failure, whether the host may be called unreachable with nothing changed there.
     */
    public boolean touched() {
        return watched.touched();
    }

    /** The usual apply, with the arguments of {@link Reconciler#apply}; the check looks at {@code plan}. */
    public Outcome apply(DesiredState desired, Ownership ownership, HostReading reading, HostPlan plan, ApplyRecord.Inputs inputs,
            boolean acceptReplan, Consumer<HostPlan> onReplan)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        try {
            return applyChecked(desired, ownership, reading, plan, inputs, acceptReplan, onReplan);
        } catch (TransportException e) {
            throw failedOnceTouched(e);
        }
    }

    private Outcome applyChecked(DesiredState desired, Ownership ownership, HostReading reading, HostPlan plan, ApplyRecord.Inputs inputs,
            boolean acceptReplan, Consumer<HostPlan> onReplan)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        String note = null;
        if (checksManagementPath()) {
            // checked against the approved plan; a re-plan of a host that changed meanwhile is not checked again
            ManagementPathCheck.Assessment a = ManagementPathCheck.check(target, reconciler.paths(),
                    reading.observed().tablesRead(), plan, reconciler.settings().timeout());
            if (a.refuses()) {
                return Outcome.refused(refusedMessage(a.refusal()));
            }
            note = a.note();
        }
        ConfirmedApply confirmed = confirmed();
        if (confirmed == null) return Outcome.applied(reconciler.apply(desired, ownership, reading, plan, inputs, acceptReplan, onReplan), null, note);
        ConfirmReport c = confirmed.apply(desired, ownership, reading, plan, inputs, acceptReplan, onReplan);
        return Outcome.applied(c.apply(), c, note);
    }

    /**
     * The apply in one session ({@link SessionApply}): for a host reached over ssh the management-path
     * probe comes in the same run, and a plan it refuses is not applied. Not with --confirm, whose timer
     * is armed in a run of its own before the batch. Returns null when {@code decider} answered null.
     */
    public Outcome converge(DesiredState desired, Ownership ownership, ApplyRecord.Inputs inputs, Collection<TableId> extra,
            SessionApply.Decider decider) throws TransportException, OutputException, LockHeldException, PlanConflictException {
        if (safety.confirms()) throw new IllegalStateException("--confirm arms its timer in a run of its own: not in one session");
        boolean probe = checksManagementPath();
        // what the check said, on the session's answering thread: read once the session ended
        var said = new Object() {
            volatile String refusal;
            volatile String note;
        };
        SessionApply.Decider checked = !probe ? decider : (read, fingerprint) -> {
            SessionApply.Decision d = decider.decide(read, fingerprint);
            if (d == null || d.plan().isEmpty()) return d;
            ManagementPathCheck.Assessment a = ManagementPathCheck.assess(read.probe(), d.plan());
            if (a.refuses()) {
                said.refusal = a.refusal();
                return null;
            }
            said.note = a.note();
            return d;
        };
        try {
            ApplyReport report = SessionApply.run(reconciler, desired, ownership, inputs, extra, probe, checked);
            if (said.refusal != null) return Outcome.refused(refusedMessage(said.refusal));
            return report == null ? null : Outcome.applied(report, null, said.note);
        } catch (TransportException e) {
            throw failedOnceTouched(e);
        }
    }

    private String refusedMessage(String refusal) {
        return target.name() + ": " + refusal + ". Nothing was applied there;"
                + " if this is intended, apply again with --allow-management-change (and --confirm SECONDS).";
    }

    /**
     * {@code apply FILE} for one host of the file: see {@link SavedPlanApplier}, which also runs the check;
     * in one session unless --confirm arms its timer first.
     */
    public SavedPlanApplier.Result applySaved(SavedHost host, ApplyRecord.Inputs inputs)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        try {
            if (!safety.confirms()) return SavedPlanApplier.applyInSession(host, this, inputs);
            return SavedPlanApplier.apply(host, reconciler, inputs, confirmed(), !checksManagementPath());
        } catch (TransportException e) {
            throw failedOnceTouched(e);
        }
    }

    /**
     * An "unreachable" failure (lost connection, timeout) after routesync started something that can
     * change the host is a failed host (exit 1), not an unreachable one (69, "nothing changed there"):
     * the single-host and fleet paths all see it so.
     */
    private TransportException failedOnceTouched(TransportException e) {
        if (!e.unreachable() || !touched()) return e;
        return new TransportException("the connection failed while routesync was changing " + target.name() + ": " + e.getMessage()
                + "\nThe host may be partly changed: run plan again to see where it stands.", false, e);
    }

    private boolean checksManagementPath() {
        return !safety.allowManagementChange() && target instanceof SshTarget;
    }

    private ConfirmedApply confirmed() {
        return safety.confirms() ? new ConfirmedApply(reconciler, reconnector(), safety.confirmWindow(), probes, routeProbes) : null;
    }

    /** A new connection to the host, never the apply's own: over ssh a new ssh process with its own control directory. */
    private Reconnector reconnector() {
        if (!(target instanceof SshTarget)) return Reconnector.local(target);
        SshSettings settings = ((SshTarget) target).settings();
        long seconds = Math.min(settings.connectTimeout().toSeconds(),
                Math.min(MAX_RECONNECT_TIMEOUT.toSeconds(), safety.confirmWindow().toSeconds() / 3));
        return Reconnector.ssh(safety.sshProgram(), target.name(), settings.withConnectTimeout(Duration.ofSeconds(Math.max(1, seconds))));
    }
}

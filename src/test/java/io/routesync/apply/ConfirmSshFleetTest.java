package io.routesync.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.state.LoadedState;
import io.routesync.iproute2.HostReading;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.saved.PlanFileReader;
import io.routesync.saved.PlanFileWriter;
import io.routesync.saved.SavedHost;
import io.routesync.saved.SavedPlan;
import io.routesync.testing.SshFleet;
import io.routesync.transport.SshConnections;
import io.routesync.transport.SshSettings;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * apply --confirm and the management-path check over real ssh ({@link SshFleet}: the controller
 * reaches host N at 10.77.0.(4N+2) through its /30). Each host's only route back to the controller is
 * moved into a table routesync owns, so a desired state that drops it cuts the management path.
 */
class ConfirmSshFleetTest {
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static SshFleet fleet;

    private SshConnections connections;

    @BeforeAll
    static void startFleet() {
        SshFleet.require();
        fleet = SshFleet.start(2);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) fleet.close();
    }

    @BeforeEach
    void open() throws Exception {
        connections = SshConnections.open(fleet.sshProgram());
    }

    @AfterEach
    void close() {
        connections.close();
    }

    /** Host N's /30 towards the controller: the network its management traffic returns to. */
    private static String routeBack(int index) {
        String c = fleet.host(index).controllerAddress();
        int network = Integer.parseInt(c.substring(c.lastIndexOf('.') + 1)) - 1;
        return c.substring(0, c.lastIndexOf('.') + 1) + network + "/30";
    }

    /** The management route in owned table 100 (the test removes main's copy), plus {@code moreRoutes}. */
    private static String managed(int index, String... moreRoutes) {
        StringBuilder s = new StringBuilder(String.join("\n", "tables: { mgmt: 100 }", "rules:",
                "  - { priority: 1000, to: " + routeBack(index) + ", table: mgmt }", "routes:", "  mgmt:", ""));
        s.append("    - \"").append(routeBack(index)).append(" dev eth0 scope link src ").append(fleet.host(index).address()).append("\"\n");
        for (String r : moreRoutes) s.append("    - \"").append(r).append("\"\n");
        return s.toString();
    }

    /** Host 0's table without the management route: applying it cuts the host off. */
    private static String cut() {
        return String.join("\n", "tables: { mgmt: 100 }", "rules:", "  - { priority: 1000, to: " + routeBack(0) + ", table: mgmt }",
                "routes:", "  mgmt:", "    - \"10.99.0.0/16 dev eth0\"", "");
    }

    private Reconciler reconciler(int index, Duration timeout) {
        SshFleet.Host h = fleet.host(index);
        Target t = connections.target(h.name(), settings(index));
        Path dir = fleet.dir().resolve("confirm-" + h.name());
        TargetPaths paths = TargetPaths.of(null, dir.resolve("etc").toString(), dir.resolve("state").toString(), dir.toString());
        return new Reconciler(t, paths, new Reconciler.Settings(Duration.ofSeconds(10), timeout), Clock.systemUTC());
    }

    private static SshSettings settings(int index) {
        // a short connect timeout: a host that lost its way back answers no SYN
        return SshSettings.of(fleet.host(index).address()).withConnectTimeout(Duration.ofSeconds(3));
    }

    private record Planned(Reconciler reconciler, LoadedState loaded, Ownership ownership, HostReading reading, HostPlan plan) {
    }

    private Planned plan(int index, String yaml, Duration timeout) throws Exception {
        LoadedState loaded = SafetyNetns.load(yaml);
        Reconciler r = reconciler(index, timeout);
        Ownership own = new Ownership(loaded.state().ownedTables(), 245);
        HostReading reading = r.observe(loaded.state());
        return new Planned(r, loaded, own, reading, r.plan(loaded.state(), reading, own));
    }

    /** Applies the management state the plain way and removes the kernel's own route to the controller. */
    private void manage(int index) throws Exception {
        Planned p = plan(index, managed(index), Duration.ofSeconds(60));
        ApplyReport r = p.reconciler().apply(p.loaded().state(), p.ownership(), p.reading(), p.plan(), SafetyNetns.inputs(), false, x -> { });
        assertEquals(ApplyReport.Outcome.APPLIED, r.outcome());
        fleet.ip(index, "route", "del", routeBack(index), "dev", "eth0", "table", "main");
    }

    private static String table100(int index) {
        return fleet.ip(index, "route", "show", "table", "100");
    }

    @Test
    void theCheckRefusesTheCutAndConfirmLosesTheHostWhichRestoresItself() throws Exception {
        manage(0);
        String before = table100(0);
        assertTrue(before.contains(routeBack(0) + " dev eth0"), before);
        assertFalse(fleet.ip(0, "route", "show", "table", "main").contains("eth0"), "the only way back is table 100");

        Planned p = plan(0, cut(), Duration.ofSeconds(40));
        ManagementPathCheck.Assessment check = ManagementPathCheck.check(p.reconciler().target(), p.reconciler().paths(),
                p.reading().observed().tablesRead(), p.plan(), Duration.ofSeconds(30));
        assertEquals(fleet.host(0).controllerAddress(), check.peer().client().toString(), "SSH_CONNECTION as the host sees it");
        assertEquals(22, check.peer().serverPort());
        assertTrue(check.refuses(), "the plan removes the only route back to the controller");
        assertTrue(check.refusal().contains("would be cut: no route"), check.refusal());

        // the same plan saved and applied from the file is refused too, and nothing is applied
        SavedHost saved = new SavedHost("h0", SavedTargets.describe(p.reconciler().target(), p.reconciler().paths()), 245,
                p.reading().digest(), p.loaded().state(), p.plan());
        SavedPlan file = PlanFileReader.read(PlanFileWriter.write(new SavedPlan("v", null, null, null, List.of(saved))), "v");
        SavedHost fromFile = file.hosts().get(0);
        Reconciler fileTarget = new Reconciler(SavedTargets.open("h0", fromFile.target(), connections),
                SavedTargets.paths(fromFile.target()), p.reconciler().settings(), Clock.systemUTC());
        SavedPlanApplier.Result refused = SavedPlanApplier.apply(fromFile, fileTarget, SafetyNetns.inputs(), null, false);
        assertEquals(SavedPlanApplier.Status.REFUSED, refused.status(), refused::message);
        assertTrue(refused.message().contains("--allow-management-change"), refused.message());
        assertEquals(before, table100(0), "nothing applied");

        // as with --allow-management-change: apply anyway, with --confirm 10
        long start = System.nanoTime();
        ConfirmReport report = new ConfirmedApply(p.reconciler(), Reconnector.ssh(fleet.sshProgram(), "h0", settings(0)), WINDOW)
                .apply(p.loaded().state(), p.ownership(), p.reading(), p.plan(), SafetyNetns.inputs(), false, x -> { });
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        System.out.println("cut host: " + report.outcome() + " after " + seconds + " s; apply: "
                + (report.apply() == null ? "lost" : report.apply().outcome()) + "; " + report.detail());
        assertEquals(ConfirmReport.Outcome.ROLLED_BACK_BY_HOST, report.outcome(), () -> report.detail() + " / " + report.apply());
        assertTrue(report.detail().contains("fire exact"), "the host's own timer restored it exactly: " + report.detail());
        assertTrue(seconds < 90, seconds + " s");
        // read again, over ssh: the host is reachable and as before
        assertEquals(before, table100(0));
        Planned again = plan(0, managed(0), Duration.ofSeconds(30));
        assertTrue(again.plan().isEmpty(), () -> "the host reads as before the cut: " + again.plan());
    }

    @Test
    void aHarmlessChangeIsConfirmedAndStays() throws Exception {
        manage(1);
        Planned p = plan(1, managed(1, "10.98.0.0/16 dev eth0"), Duration.ofSeconds(40));
        ManagementPathCheck.Assessment check = ManagementPathCheck.check(p.reconciler().target(), p.reconciler().paths(),
                p.reading().observed().tablesRead(), p.plan(), Duration.ofSeconds(30));
        assertFalse(check.refuses(), check::refusal);
        int logins = fleet.acceptedLogins(1);
        ConfirmReport report = new ConfirmedApply(p.reconciler(), Reconnector.ssh(fleet.sshProgram(), "h1", settings(1)), WINDOW)
                .apply(p.loaded().state(), p.ownership(), p.reading(), p.plan(), SafetyNetns.inputs(), false, x -> { });
        assertEquals(ConfirmReport.Outcome.CONFIRMED, report.outcome(), () -> report.detail() + " / " + report.apply());
        assertTrue(fleet.acceptedLogins(1) > logins, "the verification logged in over a new connection");
        Thread.sleep(WINDOW.plusSeconds(2).toMillis());
        assertTrue(table100(1).contains("10.98.0.0/16 dev eth0"), table100(1));
        Planned after = plan(1, managed(1, "10.98.0.0/16 dev eth0"), Duration.ofSeconds(30));
        assertTrue(after.plan().isEmpty(), "the change stayed past the deadline");
    }
}

package io.routesync.apply;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.OutputException;
import io.routesync.lookup.Expectation;
import io.routesync.lookup.ExpectationRun;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.plan.PlanConflictException;
import io.routesync.plan.SimulationException;
import io.routesync.transport.HostReader;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.TransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A plan's expectations, checked before anything is applied: the host is read once more with every
 * table a flow may reach (the kernel's, the plan's, those its rules and the desired rules look up), and
 * each flow simulated there and with the plan applied (as {@code explain} does). A plan under which an
 * expectation fails is refused like a plan that contradicts the host ({@link PlanConflictException}:
 * exit 65, nothing applied).
 */
public final class PlannedExpectations {
    private PlannedExpectations() {
    }

    /**
     * @return each expectation before and after the plan (empty without expectations)
     * @throws PlanConflictException naming every expectation the plan would break
     */
    public static List<ExpectationRun.Compared> check(Reconciler reconciler, DesiredState desired, HostReading reading, HostPlan plan,
            List<Expectation> expectations, Names names)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        List<ExpectationRun.Compared> compared = compare(reconciler, desired, reading, plan, expectations, names);
        List<String> broken = new ArrayList<>();
        for (ExpectationRun.Compared c : compared) {
            if (c.desired() == null || !c.desired().failed()) continue;
            Expectation e = c.expectation();
            broken.add(e.place() + ": expectation not met after this plan: " + e.flow() + ": expected " + e.wanted() + ", but "
                    + c.desired().detail());
        }
        if (!broken.isEmpty()) throw new PlanConflictException(broken);
        return compared;
    }

    /** Each expectation on the host as read again with every table a flow may reach, and with {@code plan} applied. */
    public static List<ExpectationRun.Compared> compare(Reconciler reconciler, DesiredState desired, HostReading reading, HostPlan plan,
            List<Expectation> expectations, Names names) throws TransportException, OutputException, LockHeldException {
        if (expectations.isEmpty()) return List.of();
        Set<TableId> tables = new TreeSet<>(reading.observed().tablesRead());
        tables.addAll(List.of(TableId.LOCAL, TableId.MAIN, TableId.DEFAULT));
        tables.addAll(LiveReader.lookedUp(reading.observed().rules()));
        for (Rule r : desired.rules()) if (r.table() != null) tables.add(r.table());
        HostReading live = HostReader.read(reconciler.target(), reconciler.paths(), tables, reconciler.settings().lockWait(),
                reconciler.settings().timeout());
        try {
            return ExpectationRun.compare(live.observed(), plan, expectations, names);
        } catch (SimulationException changed) {
            throw new TransportException(reconciler.target().name() + " changed while its expectations were checked ("
                    + changed.getMessage() + "); run plan again", false);
        }
    }
}

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
 * A plan's expectations, checked before anything is applied: the host is read with every table a flow
 * may reach (the kernel's, the plan's, those its rules and the desired rules look up), in the same run
 * as the plan's own reading ({@link #observe}), and each flow simulated there and with the plan applied
 * (as {@code explain} does). A plan under which an expectation fails is refused like a plan that
 * contradicts the host ({@link PlanConflictException}: exit 65, nothing applied).
 */
public final class PlannedExpectations {
    private PlannedExpectations() {
    }

    /**
     * Reads what a plan for {@code desired} needs and what its expectations need, in one round trip:
     * {@link HostReader.Wide#reading()} is what {@link Reconciler#observe} reads, {@link HostReader.Wide#wide()}
     * adds the kernel's tables, those the desired rules look up and those the host's rules look up.
     */
    public static HostReader.Wide observe(Reconciler reconciler, DesiredState desired)
            throws TransportException, OutputException, LockHeldException {
        return HostReader.readWide(reconciler.target(), reconciler.paths(), desired.tablesToRead(), extraTables(desired),
                reconciler.settings().lockWait(), reconciler.settings().timeout());
    }

    /** The tables the wide reading adds for {@code desired}'s expectations: the kernel's and those its rules look up. */
    public static Set<TableId> extraTables(DesiredState desired) {
        Set<TableId> extra = new TreeSet<>(List.of(TableId.LOCAL, TableId.MAIN, TableId.DEFAULT));
        for (Rule r : desired.rules()) if (r.table() != null) extra.add(r.table());
        return extra;
    }

    /**
     * @param wide the wide reading of {@link #observe} (null without expectations)
     * @return each expectation before and after the plan (empty without expectations)
     * @throws PlanConflictException naming every expectation the plan would break
     */
    public static List<ExpectationRun.Compared> check(String target, HostReading wide, HostPlan plan, List<Expectation> expectations,
            Names names) throws TransportException, PlanConflictException {
        List<ExpectationRun.Compared> compared = compare(target, wide, plan, expectations, names);
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

    /** Each expectation on the host's wide reading ({@link #observe}), and with {@code plan} applied. */
    public static List<ExpectationRun.Compared> compare(String target, HostReading wide, HostPlan plan, List<Expectation> expectations,
            Names names) throws TransportException {
        if (expectations.isEmpty()) return List.of();
        try {
            return ExpectationRun.compare(wide.observed(), plan, expectations, names);
        } catch (SimulationException changed) {
            throw new TransportException(target + " changed while its expectations were checked ("
                    + changed.getMessage() + "); run plan again", false);
        }
    }
}

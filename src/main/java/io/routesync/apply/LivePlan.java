package io.routesync.apply;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.OutputException;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.plan.PlanConflictException;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.TransportException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code explain} reads: the live host with the kernel's tables and every table the desired state
 * names, and, with a desired state, the plan apply would run there.
 *
 * @param plan null without a desired state
 */
public record LivePlan(HostReading live, HostPlan plan) {

    /** @param desired the desired state, or null when none was given (then {@code ownership} is unused) */
    public static LivePlan read(Reconciler reconciler, DesiredState desired, Ownership ownership)
            throws TransportException, OutputException, LockHeldException, PlanConflictException {
        HostPlan plan = null;
        Set<TableId> always = new TreeSet<>(List.of(TableId.LOCAL, TableId.MAIN, TableId.DEFAULT));
        if (desired != null) {
            // the plan comes from the same read apply would make, so it is the plan apply would run
            HostReading reading = reconciler.observe(desired);
            plan = reconciler.plan(desired, reading, ownership);
            always.addAll(reading.observed().tablesRead());
            for (Rule r : desired.rules()) if (r.table() != null) always.add(r.table());
        }
        HostReading live = LiveReader.read(reconciler.target(), reconciler.paths(), reconciler.settings().lockWait(),
                reconciler.settings().timeout(), always);
        return new LivePlan(live, plan);
    }
}

package io.routesync.lookup;

import io.routesync.model.HostPlan;
import io.routesync.model.Interface;
import io.routesync.model.Observed;
import io.routesync.plan.Simulator;
import java.util.Map;

/**
 * One packet's fate on the live host and after a plan: what {@code routesync explain} shows side by
 * side. The desired side is the live state with the plan applied by {@link Simulator}, so it is
 * exactly what the host will look like after {@code apply}, foreign rules and routes included.
 *
 * @param desired null when there is no desired state to compare with
 */
public record Explanation(Query query, LookupResult live, LookupResult desired) {

    /**
     * @param live   the host as read, with every table its rules look up (and local, main, default)
     * @param plan   the plan for the desired state against that reading, or null for the live side only
     * @throws io.routesync.plan.SimulationException when the plan does not fit the reading (the host
     *         changed between the reads)
     */
    public static Explanation of(Observed live, HostPlan plan, Query query, Map<Interface, Integer> groups) {
        LookupResult now = Lookup.resolve(Fib.of(live, groups), query);
        LookupResult after = plan == null ? null : Lookup.resolve(Fib.of(Simulator.apply(live, plan), groups), query);
        return new Explanation(query, now, after);
    }

    /** True when the desired state sends the packet another way than the live host does. */
    public boolean changes() {
        return desired != null && !live.sameWay(desired);
    }
}

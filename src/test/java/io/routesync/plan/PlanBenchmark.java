package io.routesync.plan;

import io.routesync.model.Action;
import io.routesync.model.DesiredState;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Interface;
import io.routesync.model.IpAddress;
import io.routesync.model.NextHop;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Times {@link Planner#plan} on synthetic states: N desired routes against N observed with 1% drift
 * (a third changed gateways, a third missing, a third foreign extras in the owned table) and R rules
 * with the same drift. Not a test: run it by hand, on one core, after a warm-up:
 *
 * <pre>
 * mvn -q -B test-compile
 * taskset -c 0 java -Xmx3g -cp target/classes:target/test-classes io.routesync.plan.PlanBenchmark [routes] [rules] [runs]
 * </pre>
 */
public final class PlanBenchmark {
    private static final int TAG = Ownership.DEFAULT_PROTOCOL_TAG;
    private static final TableId TABLE = TableId.of(100);
    private static final Interface ETH1 = Interface.of("eth1");
    private static final IpAddress GW = IpAddress.parse("192.0.2.1");
    private static final IpAddress OTHER_GW = IpAddress.parse("192.0.2.2");

    private PlanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int routes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long t0 = System.nanoTime();
        DesiredState desired = desired(routes, rules);
        Observed observed = observed(routes, rules);
        Ownership ownership = new Ownership(Set.of(TABLE), TAG);
        System.out.printf("built %,d desired / %,d observed routes and %,d rules in %d ms%n", desired.routes().size(),
                observed.routes().size(), rules, (System.nanoTime() - t0) / 1_000_000);
        // CPU time as well as wall time: on a shared machine the wall clock also counts other processes
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int run = 1; run <= runs; run++) {
            // start each run with an empty young generation: promoting the freshly built states is setup cost
            System.gc();
            long start = System.nanoTime();
            long startCpu = cpu.getCurrentThreadCpuTime();
            HostPlan plan = Planner.plan(desired, observed, ownership);
            long planned = System.nanoTime();
            long plannedCpu = cpu.getCurrentThreadCpuTime();
            String fingerprint = Planner.fingerprint(desired, observed, ownership);
            long fingerprinted = System.nanoTime();
            System.out.printf("run %d: plan %d ms wall, %d ms cpu (%,d changes: %d add, %d replace, %d delete);"
                    + " the fingerprint alone %d ms%n", run, (planned - start) / 1_000_000, (plannedCpu - startCpu) / 1_000_000,
                    plan.changes().size(), plan.count(Action.ADD), plan.count(Action.REPLACE), plan.count(Action.DELETE),
                    (fingerprinted - planned) / 1_000_000);
            if (!fingerprint.equals(plan.fingerprint())) throw new AssertionError("fingerprint differs between runs");
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf("heap in use after GC: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    /** Route i: 10.0.0.0/8 cut into /28s, so a million distinct prefixes. */
    private static Route route(int i, IpAddress gw, int protocol) {
        IpAddress dst = new IpAddress(Family.INET, 0, (10L << 24) | ((long) i << 4));
        return Route.builder(Family.INET, TABLE).dst(new Prefix(dst, 28)).nexthop(NextHop.of(gw, ETH1)).protocol(protocol).build();
    }

    private static Rule rule(int i) {
        IpAddress from = new IpAddress(Family.INET, 0, (172L << 24) | ((long) i << 8));
        return Rule.builder(Family.INET).priority(Priority.of(1000 + i)).from(new Prefix(from, 24)).lookup(TABLE).protocol(TAG).build();
    }

    private static DesiredState desired(int routes, int rules) {
        List<Route> r = new ArrayList<>(routes);
        for (int i = 0; i < routes; i++) r.add(route(i, GW, TAG));
        List<Rule> u = new ArrayList<>(rules);
        for (int i = 0; i < rules; i++) u.add(rule(i));
        return new DesiredState(List.of(new TableName("bench", TABLE)), Set.of(TABLE), u, r);
    }

    /** The same entries, built again (as a parser would), with 1% drift. */
    private static Observed observed(int routes, int rules) {
        List<Route> r = new ArrayList<>(routes);
        for (int i = 0; i < routes; i++) {
            int drift = i % 300;
            if (drift == 0) r.add(route(i, OTHER_GW, TAG));          // changed gateway: replace
            else if (drift == 1) continue;                            // missing: add
            else r.add(route(i, GW, TAG));
            if (drift == 2) r.add(route(routes + i, GW, TAG));        // no longer desired: delete
        }
        List<Rule> u = new ArrayList<>(Scenario.defaultRules());
        for (int i = 0; i < rules; i++) {
            if (i % 100 == 1) continue;
            u.add(rule(i));
        }
        return new Observed(u, r, Set.of(TABLE), List.of(new TableName("bench", TABLE)), List.of(), Map.of());
    }
}

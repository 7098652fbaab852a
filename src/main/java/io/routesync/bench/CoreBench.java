package io.routesync.bench;

import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.model.DesiredState;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.plan.Planner;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * Parse and plan speed on synthetic tables (issue "Core", its speed targets): route listings of each
 * size parsed by the real parser, a plan of N desired against N observed routes with 1% drift, and
 * rules; plus the heap a parsed million-route table takes.
 */
public final class CoreBench {
    private CoreBench() {
    }

    public static void run(List<Integer> sizes, int rules, PrintWriter out) throws Exception {
        Synthetic synthetic = new Synthetic("eth1", "192.0.2.254", "192.0.2.253");
        Names names = Names.builtin();
        out.printf("%-10s %16s %14s %12s%n", "routes", "parse lines/s", "plan ms (1%)", "changes");
        for (int n : sizes) {
            String listing = Synthetic.routeListing(n);
            Timer.Result parse = Timer.time(2, 5, () -> RouteGrammar.parseShow(listing, Family.INET, Synthetic.TABLE, names, "bench"));
            DesiredState desired = synthetic.desired(n, rules);
            Observed observed = synthetic.drifted(n, rules, defaultRules(names));
            Ownership ownership = new Ownership(Set.of(Synthetic.TABLE), Synthetic.TAG);
            HostPlan[] plan = new HostPlan[1];
            Timer.Result planning = Timer.time(2, 5, () -> plan[0] = Planner.plan(desired, observed, ownership));
            out.printf("%-10d %,16.0f %14.0f %12d%n", n, n / (parse.bestMs() / 1000), planning.medianMs(), plan[0].changes().size());
            out.flush();
        }
        String ruleListing = Synthetic.ruleListing(rules);
        Timer.Result ruleParse = Timer.time(2, 5, () -> RuleGrammar.parseShowOutput(ruleListing, Family.INET, names, "bench"));
        out.printf("%nrules: %,d parsed in %.0f ms (%,.0f lines/s); the plans above include them with the same 1%% drift%n",
                rules, ruleParse.bestMs(), rules / (ruleParse.bestMs() / 1000));
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        long before = Timer.heapMiB();
        List<Route> kept = RouteGrammar.parseShow(Synthetic.routeListing(largest), Family.INET, Synthetic.TABLE, names, "bench");
        long after = Timer.heapMiB();
        out.printf("heap held by %,d parsed routes: %d MiB (%d bytes per route)%n", kept.size(), after - before,
                kept.isEmpty() ? 0 : ((after - before) << 20) / kept.size());
    }

    private static List<Rule> defaultRules(Names names) throws Exception {
        return RuleGrammar.parseShowOutput("0:\tfrom all lookup 255 proto 2\n32766:\tfrom all lookup 254 proto 2\n"
                + "32767:\tfrom all lookup 253 proto 2\n", Family.INET, names, "bench");
    }
}

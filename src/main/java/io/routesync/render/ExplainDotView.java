package io.routesync.render;

import io.routesync.iproute2.Names;
import io.routesync.lookup.Explanation;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.List;
import java.util.Map;

/** {@code routesync explain --format dot}: the live policy with the packet's path, and with a plan its path after apply. */
public final class ExplainDotView {
    private ExplainDotView() {
    }

    /** @param plan the plan apply would run, or null without a desired state */
    public static String render(String host, List<Rule> rules, Map<TableId, List<Route>> routes, HostPlan plan,
            Explanation explanation, Names names, Ownership ownership) {
        String packet = ExplainTextView.packet(explanation.query());
        PolicyDot.Marks marks = PolicyDot.Marks.of(ownership);
        // with a desired state: the plan drawn over the live policy, the packet's path now and after apply
        return plan == null
                ? PolicyDot.explain(host, packet, rules, routes, explanation.live(), names, marks)
                : PolicyDot.explain(host, packet, rules, routes, plan, explanation.live(), explanation.desired(), names, marks);
    }
}

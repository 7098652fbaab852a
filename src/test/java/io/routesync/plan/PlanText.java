package io.routesync.plan;

import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Entry;
import io.routesync.model.HostPlan;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan as stable text, one line per change ({@code + rule ...}, {@code ~ route ... (was ...)},
 * {@code - table ...}), for golden comparisons, in the planner's own numeric entry form
 * ({@link EntryText}: iproute2's numeric words).
 */
final class PlanText {
    private PlanText() {
    }

    static List<String> lines(HostPlan plan) {
        List<String> out = new ArrayList<>();
        for (Change c : plan.changes()) out.add(line(c));
        return out;
    }

    static String line(Change c) {
        String text = c.action().symbol() + " " + kind(c.entry()) + " " + EntryText.of(c.entry());
        return c.action() == Action.REPLACE ? text + " (was " + EntryText.of(c.previous()) + ")" : text;
    }

    private static String kind(Entry e) {
        return e instanceof Rule ? "rule" : e instanceof Route ? "route" : "table";
    }
}

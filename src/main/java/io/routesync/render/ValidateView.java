package io.routesync.render;

import io.routesync.model.DesiredState;
import java.util.List;

/** {@code routesync validate}'s text: what was checked (rules, routes, owned tables; per host with -i) and how many warnings. */
public final class ValidateView {
    private ValidateView() {
    }

    /** One host of a validated inventory; {@code local}: it is managed on the machine routesync runs on. */
    public record Host(String name, DesiredState state, boolean local) {
    }

    /** One desired state. */
    public static String single(DesiredState state, int warnings) {
        return "Valid: " + counts(state) + ending(warnings);
    }

    /** Every selected host of an inventory, in inventory order, names aligned. */
    public static String fleet(List<Host> hosts, int warnings) {
        int width = 0;
        for (Host h : hosts) width = Math.max(width, h.name().length());
        StringBuilder out = new StringBuilder();
        for (Host h : hosts) {
            out.append("  ").append(h.name()).append(" ".repeat(width - h.name().length())).append("  ").append(counts(h.state()))
                    .append(h.local() ? " (local)" : "").append('\n');
        }
        int n = hosts.size();
        return out.append("Valid: ").append(n).append(n == 1 ? " host" : " hosts").append(ending(warnings)).toString();
    }

    private static String ending(int warnings) {
        return (warnings == 0 ? "." : ", " + warnings + " warning(s).") + "\n";
    }

    private static String counts(DesiredState s) {
        return s.rules().size() + " rules, " + s.routes().size() + " routes, " + s.ownedTables().size() + " owned tables";
    }
}

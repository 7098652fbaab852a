package io.routesync.config.state;

import io.routesync.model.Family;
import io.routesync.model.Rule;
import java.util.List;

/** Warnings about rules that are valid but probably not what was meant (docs/grammar.md#warnings). */
final class RuleWarnings {
    private RuleWarnings() {
    }

    static void check(List<Placed<Rule>> rules, Problems problems) {
        for (Placed<Rule> p : rules) {
            Rule r = p.value();
            if (r.priority() == null) {
                problems.warning(p.pos(), "this rule has no priority: it matches a live rule with the same selectors and action"
                                + " at any priority, and when added the kernel picks one",
                        "add priority: N, so the rule's place in the rule list is fixed");
                continue;
            }
            String spot = kernelRuleAt(r.family(), r.priority().value());
            if (spot != null) {
                problems.warning(p.pos(), "priority " + r.priority() + " is where the kernel's own '" + spot
                                + "' rule sits; rules sharing a priority run in the order they were added",
                        "a priority away from the kernel's rules (0, 32766, 32767)");
            }
        }
    }

    /** The kernel's default rule at this priority: IPv4 has 0, 32766 and 32767, IPv6 only 0 and 32766. */
    private static String kernelRuleAt(Family family, long priority) {
        if (priority == 0) return "lookup local";
        if (priority == 32766) return "lookup main";
        if (priority == 32767 && family == Family.INET) return "lookup default";
        return null;
    }
}

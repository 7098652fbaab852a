package io.routesync.plan;

import io.routesync.model.Family;
import io.routesync.model.Priority;
import io.routesync.model.Rule;
import java.util.Objects;

/** A family and a priority: the kernel's "File exists" test for rules never looks beyond one. */
record RuleSlot(Family family, Priority priority) {
    RuleSlot {
        Objects.requireNonNull(family);
        Objects.requireNonNull(priority);
    }

    /** The slot of a rule with a priority; null for one the kernel will number. */
    static RuleSlot of(Rule rule) {
        return rule.priority() == null ? null : new RuleSlot(rule.family(), rule.priority());
    }

    // equals and hashCode as the record would make them (written out: see docs/speed.md, start-up)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof RuleSlot x && family == x.family && priority.equals(x.priority);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + Objects.hashCode(family);
        h = 31 * h + priority.hashCode();
        return h;
    }
}

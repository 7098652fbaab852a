package io.routesync.model;

import java.util.List;

/**
 * The ordered changes that take one host from its observed to its desired state, and a fingerprint of
 * the observed state they were computed from (a saved plan is stale when the fingerprint changed).
 */
public record HostPlan(List<Change> changes, String fingerprint) {
    public HostPlan {
        changes = List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int count(Action action) {
        int n = 0;
        for (Change c : changes) {
            if (c.action() == action) n++;
        }
        return n;
    }
}

package io.routesync.config.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Each uplink takes two rule priorities, P and P + 1. Two uplinks whose pairs overlap would have their
 * rules' order decided by insertion order, so that is an error (an identical uplink repeated is not).
 */
final class UplinkPriorities {
    private UplinkPriorities() {
    }

    static void check(List<Uplink> uplinks, Problems problems) {
        List<Uplink> seen = new ArrayList<>();
        for (Uplink u : uplinks) {
            for (Uplink earlier : seen) {
                if (Math.abs(u.priority() - earlier.priority()) > 1 || u.rules().equals(earlier.rules())) continue;
                problems.error(u.priorityPos(), "this uplink's rules (priorities " + pair(u.priority()) + ") overlap those of the uplink at "
                                + earlier.pos() + " (" + pair(earlier.priority()) + ")"
                                + (u.explicitPriority() ? "" : "; without 'priority' the n-th uplink of a file gets 1000 + 10 * n"),
                        "give one of them another priority (each uplink uses two: P for 'from', P + 1 for 'to')");
                break;
            }
            seen.add(u);
        }
    }

    private static String pair(long p) {
        return p + " and " + (p + 1);
    }
}

package io.routesync.plan;

import java.util.List;

/**
 * The host contradicts the desired state (a declared table name bound elsewhere to another id, the
 * protocol tag taken by another name, rules the kernel cannot hold together, ...), so no plan is made.
 * Carries every conflict found, sorted, each a sentence with what would fix it.
 */
public final class PlanConflictException extends Exception {
    private final List<String> conflicts;

    public PlanConflictException(List<String> conflicts) {
        super(conflicts.size() + " conflict(s) between the desired state and the host:\n  " + String.join("\n  ", sorted(conflicts)));
        this.conflicts = sorted(conflicts);
    }

    private static List<String> sorted(List<String> conflicts) {
        return conflicts.stream().distinct().sorted().toList();
    }

    public List<String> conflicts() {
        return conflicts;
    }
}

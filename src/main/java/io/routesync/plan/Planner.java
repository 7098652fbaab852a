package io.routesync.plan;

import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Computes the minimal, ordered changes that take a host from its observed to its desired state,
 * within what routesync owns (docs/planning.md#ownership, #minimal-changes, #make-before-break-order).
 * Pure: the same inputs, in any order, give the same plan.
 */
public final class Planner {
    private Planner() {
    }

    /**
     * The plan for one host: table names, then route adds and replaces, rule adds, rule deletes, route
     * deletes, with the fingerprint of the observed state it was made from (computed when first asked
     * for: most plans are only shown).
     *
     * @throws PlanConflictException with every conflict when the host contradicts the desired state
     * @throws IllegalArgumentException when {@code observed} did not read a table the plan needs
     */
    public static HostPlan plan(DesiredState desired, Observed observed, Ownership ownership) throws PlanConflictException {
        return HostPlan.deferred(changes(desired, observed, ownership), () -> fingerprint(desired, observed, ownership),
                HostPlan.HOST_NAMES_FILE);
    }

    /**
     * {@link #plan}'s changes without its fingerprint (a digest of every entry read): what still differs
     * after an apply, whose verify needs no fingerprint.
     */
    public static List<Change> changes(DesiredState desired, Observed observed, Ownership ownership) throws PlanConflictException {
        requireRead(desired, observed, ownership);
        List<String> conflicts = new ArrayList<>();
        TableNameDiff.checkNames(desired.tableNames(), observed.otherTableNames(), conflicts);
        TableNameDiff.checkSiblings(desired.tableNames(), observed.siblingTableNames(), conflicts);
        TableNameDiff.checkProtocol(ownership, observed.otherProtocolNames(), conflicts);
        List<Change> changes = new ArrayList<>();
        changes.addAll(TableNameDiff.diff(desired.tableNames(), observed.managedTableNames(), observed.otherTableNames(), conflicts));
        changes.addAll(RuleDiff.diff(desired.rules(), observed.rules(), ownership, conflicts));
        changes.addAll(RouteDiff.diff(desired.routes(), observed.routes(), observed.tablesRead(), ownership, conflicts));
        if (!conflicts.isEmpty()) throw new PlanConflictException(conflicts);
        return ChangeOrder.order(changes);
    }

    /**
     * The fingerprint {@link #plan} puts in its plan, alone: to check that a saved plan is not stale,
     * re-read the host and compare.
     */
    public static String fingerprint(DesiredState desired, Observed observed, Ownership ownership) {
        return Fingerprint.of(desired, observed, ownership);
    }

    /** {@link #fingerprint}, half of its work given to {@code halves} (an apply runs the two on two threads). */
    public static String fingerprint(DesiredState desired, Observed observed, Ownership ownership, Halves halves) {
        return Fingerprint.of(desired, observed, ownership, halves);
    }

    /** Two pieces of work and their results, in order: done in turn here, on two threads by an apply. */
    public interface Halves {
        <T> List<T> both(Supplier<T> first, Supplier<T> second);

        Halves IN_TURN = new Halves() {
            @Override
            public <T> List<T> both(Supplier<T> first, Supplier<T> second) {
                return List.of(first.get(), second.get());
            }
        };
    }

    /**
     * The plan that returns every entry {@code attempted} touched (route key, rule identity, table name)
     * to its state in {@code snapshot}, given the host now reads {@code now}; nothing else is touched.
     * Its fingerprint is that of {@code now} with nothing desired; its name file that of {@code attempted}.
     */
    public static HostPlan rollback(Observed snapshot, Observed now, HostPlan attempted, Ownership ownership) {
        return Rollback.plan(snapshot, now, attempted, ownership);
    }

    /** A plan against tables that were not read would add blindly and miss deletes: a caller error. */
    private static void requireRead(DesiredState desired, Observed observed, Ownership ownership) {
        Set<TableId> missing = new HashSet<>(ownership.ownedTables());
        missing.addAll(desired.tablesToRead());
        missing.removeAll(observed.tablesRead());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the observed state did not read table(s) " + new TreeSet<>(missing)
                    + "; read every table of DesiredState.tablesToRead() and of the ownership");
        }
    }
}

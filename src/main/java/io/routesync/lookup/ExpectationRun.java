package io.routesync.lookup;

import io.routesync.iproute2.Names;
import io.routesync.model.DesiredState;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Priority;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.plan.PlanConflictException;
import io.routesync.plan.Planner;
import io.routesync.plan.Simulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expectations checked by simulation: against the desired state alone ({@link #offline}, for validate
 * and {@code test} without a host) and against the live host before and after a plan ({@link #compare},
 * for plan and apply), each with the same {@link Lookup} explain uses.
 */
public final class ExpectationRun {
    private ExpectationRun() {
    }

    /**
     * One expectation on the live host and with the plan applied: its answer on both sides, and its
     * result under the plan ({@code changed}: the plan sends the flow another way).
     */
    public record Compared(Expectation expectation, Answer live, ExpectationCheck.Result desired, boolean changed) {
    }

    /**
     * The desired state on a host that has only the kernel's rules (0 local, 32766 main, 32767 default)
     * and the desired state's tables. A flow that reaches a table the state does not hold (main, a
     * foreign table) cannot be told offline: UNKNOWN. The host's addresses are unknown too: a flow's
     * source is taken as the host's, and table local as holding nothing the flow is for.
     */
    public static List<ExpectationCheck.Result> offline(DesiredState desired, Ownership ownership, List<Expectation> expectations,
            Names names) {
        List<ExpectationCheck.Result> out = new ArrayList<>();
        if (expectations.isEmpty()) return out;
        Observed bare = new Observed(kernelRules(), List.of(), desired.tablesToRead(), List.of(), List.of(), Map.of());
        Fib fib;
        try {
            fib = Fib.of(Simulator.apply(bare, Planner.plan(desired, bare, ownership)));
        } catch (PlanConflictException e) {
            // a state whose own rules conflict is reported by validate's own checks; nothing can be simulated
            for (Expectation x : expectations) {
                out.add(new ExpectationCheck.Result(x, ExpectationCheck.Status.UNKNOWN, null, "the desired state cannot be simulated: "
                        + String.join("; ", e.conflicts())));
            }
            return out;
        }
        for (Expectation x : expectations) {
            LookupResult r = Lookup.resolve(fib, x.flow().query());
            Answer a = Answer.of(r, names);
            TableId unknown = unknownTable(r, fib);
            if (unknown != null) {
                out.add(new ExpectationCheck.Result(x, ExpectationCheck.Status.UNKNOWN, a, "the lookup reaches table "
                        + names.tableName(unknown) + ", which the desired state does not hold: check it on the host"));
            } else if (!x.hasOutcome()) {
                out.add(new ExpectationCheck.Result(x, ExpectationCheck.Status.UNKNOWN, a, "'unchanged' compares with the live host"));
            } else {
                out.add(ExpectationCheck.check(x, a));
            }
        }
        return out;
    }

    /**
     * Each expectation on {@code live} and on {@code live} with {@code plan} applied (as explain
     * computes them).
     *
     * @throws io.routesync.plan.SimulationException when the plan does not fit the reading
     */
    public static List<Compared> compare(Observed live, HostPlan plan, List<Expectation> expectations, Names names) {
        List<Compared> out = new ArrayList<>();
        if (expectations.isEmpty()) return out;
        Fib now = Fib.of(live);
        Fib after = Fib.of(Simulator.apply(live, plan));
        for (Expectation x : expectations) {
            Answer before = Answer.of(Lookup.resolve(now, x.flow().query()), names);
            Answer desired = Answer.of(Lookup.resolve(after, x.flow().query()), names);
            ExpectationCheck.Result r = x.hasOutcome() ? ExpectationCheck.check(x, desired) : null;
            if (x.unchanged() && (r == null || !r.failed())) r = ExpectationCheck.unchanged(x, before, desired);
            out.add(new Compared(x, before, r, !ExpectationCheck.same(before, desired)));
        }
        return out;
    }

    /**
     * What the kernel must answer after the apply: each expectation's own outcome, and for an
     * {@code unchanged} one the answer the live host gave when planned (gateway, device, table, type).
     */
    public static List<Expectation> pinned(List<Compared> compared) {
        List<Expectation> out = new ArrayList<>();
        for (Compared c : compared) {
            Expectation e = c.expectation();
            if (e.hasOutcome()) out.add(e);
            Answer was = c.live();
            if (e.unchanged() && !was.multipath()) {
                out.add(new Expectation(e.place(), e.flow(), was.via(), was.dev(), was.table(),
                        was.table() == null ? null : Long.toString(was.table().id()), was.type(), false));
            }
        }
        return out;
    }

    /** A table the walk looked at before it ended that the simulation does not hold (table local aside: see offline). */
    private static TableId unknownTable(LookupResult r, Fib fib) {
        for (Step s : r.steps()) {
            if (s.table() != null && !s.table().equals(TableId.LOCAL) && !fib.knows(s.table())) return s.table();
        }
        return null;
    }

    private static List<Rule> kernelRules() {
        List<Rule> rules = new ArrayList<>();
        for (Family f : Family.values()) {
            rules.add(Rule.builder(f).priority(Priority.of(0)).lookup(TableId.LOCAL).protocol(Rule.PROTOCOL_KERNEL).build());
            rules.add(Rule.builder(f).priority(Priority.of(32766)).lookup(TableId.MAIN).protocol(Rule.PROTOCOL_KERNEL).build());
            if (f == Family.INET) {
                rules.add(Rule.builder(f).priority(Priority.of(32767)).lookup(TableId.DEFAULT).protocol(Rule.PROTOCOL_KERNEL).build());
            }
        }
        return rules;
    }
}

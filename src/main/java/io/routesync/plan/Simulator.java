package io.routesync.plan;

import io.routesync.model.Action;
import io.routesync.model.Change;
import io.routesync.model.Entry;
import io.routesync.model.Family;
import io.routesync.model.HostPlan;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Observed;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Applies changes to an observed state the way the kernel would
 * (docs/route-identity.md#how-the-kernel-applies-a-change), without a kernel: route add fails on an
 * existing key, replace rewrites the first route with the key, route delete removes exactly the given
 * route; rules keep the kernel's list order, a rule without priority gets the kernel's choice, an add the
 * kernel takes for an existing rule fails, and a rule delete removes the first rule its attributes match,
 * which need not be the one meant ({@link RuleCollision}). Property tests use it to check that applying a
 * plan converges, and it can preview a plan's effect.
 */
public final class Simulator {
    private final Map<Family, List<Rule>> rules = new EnumMap<>(Family.class);
    private final Map<Route.Key, List<Route>> routes = new LinkedHashMap<>();
    private final TreeSet<TableName> names;
    private final Observed start;

    private Simulator(Observed observed) {
        start = observed;
        for (Family f : Family.values()) rules.put(f, new ArrayList<>());
        for (Rule r : observed.rules()) {
            if (r.priority() == null) throw new IllegalArgumentException("an observed rule always has a priority: " + EntryText.of(r));
            insert(rules.get(r.family()), r);
        }
        for (Route r : observed.routes()) routes.computeIfAbsent(r.key(), k -> new ArrayList<>(1)).add(r);
        names = new TreeSet<>(observed.managedTableNames());
    }

    /** The state after the whole plan. */
    public static Observed apply(Observed observed, HostPlan plan) {
        return apply(observed, plan.changes());
    }

    /**
     * The state after {@code changes}, in order.
     *
     * @throws SimulationException at the first change the kernel would refuse
     */
    public static Observed apply(Observed observed, List<Change> changes) {
        Simulator s = new Simulator(observed);
        for (int i = 0; i < changes.size(); i++) s.apply(i, changes.get(i));
        return s.result();
    }

    private void apply(int index, Change c) {
        Entry e = c.entry();
        String refused;
        if (e instanceof Route) refused = route(c.action(), (Route) e);
        else if (e instanceof Rule) refused = rule(c.action(), (Rule) e);
        else if (e instanceof TableName) refused = name(c.action(), (TableName) e);
        else throw new AssertionError("unknown entry kind " + e.getClass());
        if (refused != null) throw new SimulationException(index, c, refused);
    }

    private String route(Action action, Route r) {
        List<Route> same = routes.get(r.key());
        switch (action) {
            case ADD:
                if (same != null) return "RTNETLINK answers: File exists";
                routes.put(r.key(), new ArrayList<>(List.of(r)));
                return null;
            case REPLACE:
                if (same == null) {
                    routes.put(r.key(), new ArrayList<>(List.of(r)));
                } else if (!same.get(0).equals(r)) {
                    // the kernel refuses to turn the first route into a copy of a later one (seen on 6.18)
                    if (same.contains(r)) return "RTNETLINK answers: File exists";
                    same.set(0, r);
                }
                return null;
            case DELETE:
                if (same == null || !same.remove(r)) return "RTNETLINK answers: No such process";
                if (same.isEmpty()) routes.remove(r.key());
                return null;
            default:
                throw new AssertionError(action);
        }
    }

    private String rule(Action action, Rule r) {
        List<Rule> list = rules.get(r.family());
        switch (action) {
            case ADD:
                Rule added = r;
                try {
                    if (r.priority() == null) added = r.withPriority(kernelPriority(list));
                } catch (InvalidValueException e) {
                    return "Error: Backward goto not supported.";
                }
                // with no protocol given the kernel records unspec
                if (added.protocol() == -1) added = added.withProtocol(Rule.PROTOCOL_UNSPEC);
                for (Rule existing : list) {
                    if (RuleCollision.refuses(existing, added)) return "RTNETLINK answers: File exists";
                }
                insert(list, added);
                return null;
            case DELETE:
                // the first rule the given attributes match goes, which need not be the one meant
                for (int i = 0; i < list.size(); i++) {
                    if (RuleCollision.deleteHits(r, list.get(i))) {
                        list.remove(i);
                        return null;
                    }
                }
                return "RTNETLINK answers: No such file or directory";
            default:
                throw new AssertionError("rules have no " + action.word());
        }
    }

    private String name(Action action, TableName n) {
        switch (action) {
            case ADD:
                return names.add(n) ? null : "'" + n + "' is already in routesync.conf";
            case DELETE:
                return names.remove(n) ? null : "'" + n + "' is not in routesync.conf";
            default:
                throw new AssertionError("table names have no " + action.word());
        }
    }

    /** fib_default_rule_pref(): one less than the second rule's priority, or 0. */
    private static Priority kernelPriority(List<Rule> list) {
        if (list.size() >= 2 && list.get(1).priority().value() > 0) return Priority.of(list.get(1).priority().value() - 1);
        return Priority.of(0);
    }

    /** After every rule with the same or a lower priority, as the kernel inserts. */
    private static void insert(List<Rule> list, Rule r) {
        int at = list.size();
        while (at > 0 && list.get(at - 1).priority().compareTo(r.priority()) > 0) at--;
        list.add(at, r);
    }

    private Observed result() {
        List<Rule> allRules = new ArrayList<>();
        for (List<Rule> list : rules.values()) allRules.addAll(list);
        List<Route> allRoutes = new ArrayList<>();
        for (List<Route> same : routes.values()) allRoutes.addAll(same);
        return new Observed(allRules, allRoutes, start.tablesRead(), new ArrayList<>(names), start.otherTableNames(),
                start.otherProtocolNames(), start.siblingTableNames());
    }
}

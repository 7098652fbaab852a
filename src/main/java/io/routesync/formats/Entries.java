package io.routesync.formats;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import io.routesync.iproute2.Names;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a sequence of {@code ip} commands leaves, built as the kernel would: {@code add} of a route
 * whose identity exists fails, {@code replace} overwrites, {@code del} removes. Commands that run when an
 * interface goes down ({@link Phase#DOWN}) only tear down what the up commands made, so they add nothing;
 * a delete there (or anywhere) of something this import never made is listed, unless it is in a table
 * the state will own (routesync deletes what an owned table does not list anyway).
 */
final class Entries {
    enum Phase { UP, DOWN }

    enum Verb { ADD, REPLACE, DELETE }

    private final Names names;
    private final int protocolTag;
    private final Map<Route.Key, Imported.Sourced<Route>> routes = new LinkedHashMap<>();
    private final List<Imported.Sourced<Rule>> rules = new ArrayList<>();
    private final List<Diagnostic> problems = new ArrayList<>();

    Entries(Names names, int protocolTag) {
        this.names = names;
        this.protocolTag = protocolTag;
    }

    Names names() {
        return names;
    }

    int protocolTag() {
        return protocolTag;
    }

    /** Something at {@code at} that may make or change routing but was not translated, and why (an error). */
    void problem(SourcePos at, String why, String fix) {
        problems.add(Diagnostic.error(at, why, fix));
    }

    /** Something at {@code at} left out because it is not policy routing (a warning: nothing routing is lost). */
    void note(SourcePos at, String why, String fix) {
        problems.add(Diagnostic.warning(at, why, fix));
    }

    void route(Route r, SourcePos at, Verb verb, Phase phase) {
        if (phase == Phase.DOWN && verb != Verb.DELETE) {
            downOnly(at);
            return;
        }
        if (verb == Verb.DELETE) throw new IllegalArgumentException("a delete goes to deleteRoute");
        Imported.Sourced<Route> earlier = routes.get(r.key());
        if (earlier != null && verb == Verb.ADD) {
            problem(at, earlier.entry().equals(r)
                    ? "the same route is added again (first at " + place(earlier.at()) + "); 'ip route add' would fail here"
                    : "'ip route add' would fail here (File exists): the route from " + place(earlier.at())
                            + " has the same destination, table and metric", "keep one of the two, or use 'ip route replace'");
            return;
        }
        routes.put(r.key(), new Imported.Sourced<>(r, at));
    }

    /**
     * {@code ip route del}: the first route with {@code r}'s identity; a delete that names no metric
     * matches any metric, as iproute2's does.
     */
    void deleteRoute(Route r, boolean anyMetric, SourcePos at, Phase phase) {
        for (Iterator<Route.Key> it = routes.keySet().iterator(); it.hasNext();) {
            Route.Key k = it.next();
            Route.Key d = r.key();
            if (k.family() == d.family() && k.table().equals(d.table()) && k.dst().equals(d.dst())
                    && java.util.Objects.equals(k.from(), d.from()) && k.tos() == d.tos() && (anyMetric || k.metric() == d.metric())) {
                if (phase == Phase.UP) it.remove();
                return;
            }
        }
        unmatchedDelete(at, r.table(), "route");
    }

    /** {@code ip route flush} / {@code ip rule flush}: fine in a table the state owns, listed elsewhere. */
    void flush(TableId table, SourcePos at, String what) {
        if (table != null && owned(table)) return;
        problem(at, what + " deletes entries a desired state cannot name: it lists what must exist", "drop it; a table"
                + " named in rt_tables is owned, so routesync deletes what the state does not list there");
    }

    void rule(Rule r, SourcePos at, Verb verb, Phase phase) {
        if (phase == Phase.DOWN && verb != Verb.DELETE) {
            downOnly(at);
            return;
        }
        if (verb == Verb.DELETE) {
            for (Iterator<Imported.Sourced<Rule>> it = rules.iterator(); it.hasNext();) {
                if (sameRule(it.next().entry(), r)) {
                    if (phase == Phase.UP) it.remove();
                    return;
                }
            }
            unmatchedDelete(at, r.table(), "rule");
            return;
        }
        for (Imported.Sourced<Rule> e : rules) {
            if (e.entry().identity().equals(r.identity())) {
                problem(at, "the same rule is added again (first at " + place(e.at()) + "); a state lists it once",
                        "keep one of the two");
                return;
            }
        }
        rules.add(new Imported.Sourced<>(r, at));
    }

    private void downOnly(SourcePos at) {
        problem(at, "this runs when the interface goes down, so what it makes is not there while the interface is up:"
                + " not part of the state", "move it to an up/post-up line if it belongs to the up state");
    }

    /** iproute2's 'ip rule del' matches on what it is given; a delete without pref matches any priority. */
    private static boolean sameRule(Rule live, Rule del) {
        Rule a = live.identity();
        Rule b = del.identity();
        if (b.priority() == null) a = a.withPriority(null);
        return a.equals(b);
    }

    private void unmatchedDelete(SourcePos at, TableId table, String what) {
        if (table != null && owned(table)) return;
        problem(at, "this deletes a " + what + " that nothing read here adds; a desired state lists what must exist and"
                + " cannot say that something must be absent (outside the tables it owns)",
                "drop it, or list the table in rt_tables so the state owns it");
    }

    /** A table the state declares (a name from rt_tables, not main/local/default): routesync owns it. */
    boolean owned(TableId table) {
        return !table.isKernelTable() && !names.tableName(table).equals(Long.toString(table.id()));
    }

    /** {@code file:line} of a place. */
    static String place(SourcePos at) {
        return at.line() == 0 ? at.file() : at.file() + ":" + at.line();
    }

    Imported result() {
        return new Imported(rules, new ArrayList<>(routes.values()), problems, names);
    }
}

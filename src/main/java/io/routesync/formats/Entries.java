package io.routesync.formats;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import io.routesync.iproute2.Names;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** At most this many problems are kept and listed; the rest are counted (a hostile file cannot fill memory with them). */
    static final int MAX_LISTED = 1000;

    private final Names names;
    private final int protocolTag;
    private final Map<Route.Key, Imported.Sourced<Route>> routes = new LinkedHashMap<>();
    /** The same keys by their identity without metric (metric 0), for deletes that name no metric. */
    private final Map<Route.Key, Set<Route.Key>> routesAnyMetric = new HashMap<>();
    /** Rules by identity (protocol set aside), in the order added. */
    private final Map<Rule, Imported.Sourced<Rule>> rules = new LinkedHashMap<>();
    /** The same identities without priority, for deletes that name none: every lookup is by hash, so time stays linear. */
    private final Map<Rule, Set<Rule>> rulesAnyPriority = new HashMap<>();
    private final List<Diagnostic> problems = new ArrayList<>();
    private int omittedErrors;
    private int omittedWarnings;
    private SourcePos firstOmitted;

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
        if (keep(at)) problems.add(Diagnostic.error(at, why, fix));
        else omittedErrors++;
    }

    /** Something at {@code at} left out because it is not policy routing (a warning: nothing routing is lost). */
    void note(SourcePos at, String why, String fix) {
        if (keep(at)) problems.add(Diagnostic.warning(at, why, fix));
        else omittedWarnings++;
    }

    private boolean keep(SourcePos at) {
        if (problems.size() < MAX_LISTED) return true;
        if (firstOmitted == null) firstOmitted = at;
        return false;
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
        if (routes.put(r.key(), new Imported.Sourced<>(r, at)) == null) {
            routesAnyMetric.computeIfAbsent(anyMetric(r.key()), k -> new LinkedHashSet<>()).add(r.key());
        }
    }

    private static Route.Key anyMetric(Route.Key k) {
        return new Route.Key(k.family(), k.table(), k.dst(), k.from(), k.tos(), 0);
    }

    /**
     * {@code ip route del}: the first route with {@code r}'s identity; a delete that names no metric
     * matches any metric, as iproute2's does.
     */
    void deleteRoute(Route r, boolean anyMetric, SourcePos at, Phase phase) {
        Set<Route.Key> candidates = routesAnyMetric.getOrDefault(anyMetric(r.key()), Set.of());
        Route.Key match = anyMetric ? candidates.stream().findFirst().orElse(null) : candidates.contains(r.key()) ? r.key() : null;
        if (match == null) {
            unmatchedDelete(at, r.table(), "route");
        } else if (phase == Phase.UP) {
            routes.remove(match);
            candidates.remove(match);
        }
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
        Rule id = r.identity();
        if (verb == Verb.DELETE) {
            // iproute2's 'ip rule del' matches on what it is given: without pref, a rule at any priority
            Set<Rule> candidates = rulesAnyPriority.getOrDefault(id.withPriority(null), Set.of());
            Rule match = id.priority() == null ? candidates.stream().findFirst().orElse(null) : candidates.contains(id) ? id : null;
            if (match == null) {
                unmatchedDelete(at, r.table(), "rule");
            } else if (phase == Phase.UP) {
                rules.remove(match);
                candidates.remove(match);
            }
            return;
        }
        Imported.Sourced<Rule> earlier = rules.get(id);
        if (earlier != null) {
            problem(at, "the same rule is added again (first at " + place(earlier.at()) + "); a state lists it once",
                    "keep one of the two");
            return;
        }
        rules.put(id, new Imported.Sourced<>(r, at));
        rulesAnyPriority.computeIfAbsent(id.withPriority(null), k -> new LinkedHashSet<>()).add(id);
    }

    private void downOnly(SourcePos at) {
        problem(at, "this runs when the interface goes down, so what it makes is not there while the interface is up:"
                + " not part of the state", "move it to an up/post-up line if it belongs to the up state");
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
        if (firstOmitted != null) {
            String text = (omittedErrors + omittedWarnings) + " more lines or values were not imported (" + omittedErrors
                    + " that may be routing); routesync lists the first " + MAX_LISTED;
            String fix = "fix the ones listed and import again";
            problems.add(omittedErrors > 0 ? Diagnostic.error(firstOmitted, text, fix) : Diagnostic.warning(firstOmitted, text, fix));
        }
        return new Imported(new ArrayList<>(rules.values()), new ArrayList<>(routes.values()), problems, names);
    }
}

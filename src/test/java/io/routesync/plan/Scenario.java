package io.routesync.plan;

import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Observed;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One planner case, stated the way plans print entries: what is desired, what the host holds, what
 * routesync owns. Desired entries default to routesync's tag (as the state loader sets it); live ones
 * to what {@code ip} gives a hand-made entry (proto boot for routes, unspec for rules). The kernel's
 * default rules are on the host unless a case says otherwise.
 */
final class Scenario {
    static final int TAG = Ownership.DEFAULT_PROTOCOL_TAG;

    private final List<TableName> names = new ArrayList<>();
    private final Set<TableId> owned = new LinkedHashSet<>();
    private final List<Rule> wantRules = new ArrayList<>();
    private final List<Route> wantRoutes = new ArrayList<>();
    private final List<Rule> liveRules = new ArrayList<>(defaultRules());
    private final List<Route> liveRoutes = new ArrayList<>();
    private final Set<TableId> alsoRead = new LinkedHashSet<>();
    private final List<TableName> liveNames = new ArrayList<>();
    private final List<TableName> otherNames = new ArrayList<>();
    private final Map<Integer, String> otherProtocols = new HashMap<>();
    private int tag = TAG;

    static Rule desiredRule(String text) {
        Rule r = EntrySpec.rule(text);
        return r.protocol() == -1 ? r.withProtocol(TAG) : r;
    }

    static Route desiredRoute(String text) {
        return EntrySpec.route(text, TAG);
    }

    static Rule liveRule(String text) {
        Rule r = EntrySpec.rule(text);
        return r.protocol() == -1 ? r.withProtocol(Rule.PROTOCOL_UNSPEC) : r;
    }

    static Route liveRoute(String text) {
        return EntrySpec.route(text, Route.PROTOCOL_BOOT);
    }

    /** The rules every host starts with: IPv4 0 local, 32766 main, 32767 default; IPv6 0 local, 32766 main. */
    static List<Rule> defaultRules() {
        return List.of(liveRule("0 lookup 255 proto 2"), liveRule("32766 lookup 254 proto 2"),
                liveRule("32767 lookup 253 proto 2"), liveRule("-6 0 lookup 255 proto 2"),
                liveRule("-6 32766 lookup 254 proto 2"));
    }

    Scenario owns(long... tables) {
        for (long t : tables) owned.add(TableId.of(t));
        return this;
    }

    Scenario name(String name, long id) {
        names.add(new TableName(name, TableId.of(id)));
        owned.add(TableId.of(id));
        return this;
    }

    Scenario want(String... rulesOrRoutes) {
        for (String s : rulesOrRoutes) {
            if (isRoute(s)) wantRoutes.add(desiredRoute(s));
            else wantRules.add(desiredRule(s));
        }
        return this;
    }

    /** Desired rules exactly as written: no protocol stays "not given" (-1), as a state may leave it. */
    Scenario wantRulesAsWritten(String... rules) {
        for (String s : rules) wantRules.add(EntrySpec.rule(s));
        return this;
    }

    Scenario live(String... rulesOrRoutes) {
        for (String s : rulesOrRoutes) {
            if (isRoute(s)) liveRoutes.add(liveRoute(s));
            else liveRules.add(liveRule(s));
        }
        return this;
    }

    /** The desired entries, also present on the host with routesync's tag: a converged host. */
    Scenario converged(String... rulesOrRoutes) {
        return want(rulesOrRoutes).liveTagged(rulesOrRoutes);
    }

    Scenario liveTagged(String... rulesOrRoutes) {
        for (String s : rulesOrRoutes) {
            if (isRoute(s)) liveRoutes.add(desiredRoute(s));
            else liveRules.add(desiredRule(s));
        }
        return this;
    }

    Scenario withoutDefaultRules() {
        liveRules.removeAll(defaultRules());
        return this;
    }

    Scenario read(long... tables) {
        for (long t : tables) alsoRead.add(TableId.of(t));
        return this;
    }

    Scenario liveName(String name, long id) {
        liveNames.add(new TableName(name, TableId.of(id)));
        return this;
    }

    Scenario nameElsewhere(String name, long id) {
        otherNames.add(new TableName(name, TableId.of(id)));
        return this;
    }

    Scenario protocolElsewhere(int number, String name) {
        otherProtocols.put(number, name);
        return this;
    }

    Scenario tag(int newTag) {
        tag = newTag;
        return this;
    }

    DesiredState desired() {
        return new DesiredState(names, owned, wantRules, wantRoutes);
    }

    Ownership ownership() {
        return new Ownership(owned, tag);
    }

    Observed observed() {
        Set<TableId> read = new LinkedHashSet<>(desired().tablesToRead());
        read.addAll(alsoRead);
        return new Observed(liveRules, liveRoutes, read, liveNames, otherNames, otherProtocols);
    }

    HostPlan plan() throws PlanConflictException {
        return Planner.plan(desired(), observed(), ownership());
    }

    List<String> planText() throws PlanConflictException {
        return PlanText.lines(plan());
    }

    /** Routes name a table; rules never do ("lookup" is a rule's action). */
    private static boolean isRoute(String s) {
        return s.contains(" table ");
    }
}

package io.routesync.config.state;

import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.model.Family;
import io.routesync.model.FwMark;
import io.routesync.model.Interface;
import io.routesync.model.PortRange;
import io.routesync.model.Prefix;
import io.routesync.model.Priority;
import io.routesync.model.Route;
import io.routesync.model.RouteKeys;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.model.UidRange;
import java.util.Objects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the entries of every state that applies to a host. The same entry declared twice the same
 * way is kept once; declared differently it is an error naming both places.
 *
 * <p>"The same entry" is the kernel's identity where one exists: a route's {@link Route#key()}.
 * For rules it is the family, the priority and every selector: two rules that would catch the same
 * packets at the same point of the rule list but then do different things (another action, table,
 * suppress_*, realms or protocol) contradict each other, since their order among equals is only the
 * order they happen to be added in.
 */
final class StateMerger {
    private final Problems problems;

    StateMerger(Problems problems) {
        this.problems = problems;
    }

    /** Table names: one id per name and one name per id across all files. */
    List<TableName> tables(List<Placed<TableName>> declared) {
        Map<String, Placed<TableName>> byName = new LinkedHashMap<>();
        Map<TableId, Placed<TableName>> byId = new LinkedHashMap<>();
        for (Placed<TableName> p : declared) {
            TableName t = p.value();
            Placed<TableName> sameName = byName.get(t.name());
            Placed<TableName> sameId = byId.get(t.id());
            if (sameName != null && !sameName.value().equals(t)) {
                problems.error(p.pos(), "table '" + t.name() + "' is declared as " + t.id() + " here and as "
                        + sameName.value().id() + " at " + sameName.pos(), "one id per table name in every state of a host");
            } else if (sameId != null && !sameId.value().equals(t)) {
                problems.error(p.pos(), "table id " + t.id() + " is named '" + t.name() + "' here and '"
                        + sameId.value().name() + "' at " + sameId.pos(), "one name per table id in every state of a host");
            } else if (sameName == null) {
                byName.put(t.name(), p);
                byId.put(t.id(), p);
            }
        }
        List<TableName> out = new ArrayList<>();
        for (Placed<TableName> p : byName.values()) out.add(p.value());
        out.sort(null);
        return out;
    }

    List<Placed<Rule>> rules(List<Placed<Rule>> declared, Names names) {
        Map<RuleSlot, Placed<Rule>> bySlot = new LinkedHashMap<>();
        for (Placed<Rule> p : declared) {
            Placed<Rule> first = bySlot.putIfAbsent(RuleSlot.of(p.value()), p);
            if (first == null || first.value().equals(p.value())) continue;
            problems.error(p.pos(), "this rule has the same priority and selectors as the rule first declared at " + first.pos()
                            + ", but " + difference(first.value(), p.value()) + ": here '" + IpSyntax.ruleArgs(p.value(), names)
                            + "', there '" + IpSyntax.ruleArgs(first.value(), names) + "'",
                    "declare the rule once, the same way in every state of a host; or give the two rules different priorities to make their order explicit");
        }
        return new ArrayList<>(bySlot.values());
    }

    /** The first of each key, in declared order; a route declared again differently is an error. */
    List<Route> routes(List<Placed<Route>> declared, Names names) {
        List<Route> ordered = ordered(declared);
        return ordered != null ? ordered : firsts(declared, names);
    }

    /**
     * The routes, when their keys are strictly ascending in declared order ({@link Route#compareKeys}; a generated
     * state's often are, as a table's dump is): then each key is declared once, so each route is its key's first and
     * none is refused, and no table of firsts is needed. Null as soon as one is not: {@link #firsts} decides.
     */
    static List<Route> ordered(List<Placed<Route>> declared) {
        List<Route> out = new ArrayList<>(declared.size());
        Route previous = null;
        for (int i = 0; i < declared.size(); i++) {
            Route r = declared.get(i).value();
            if (previous != null && Route.compareKeys(previous, r) >= 0) return null;
            out.add(r);
            previous = r;
        }
        return out;
    }

    /** {@link #routes} for any order (the reference of StateMergerRoutesTest's ordered lists). */
    List<Route> firsts(List<Placed<Route>> declared, Names names) {
        // the first of each key in open-addressing arrays (RouteKeys), beside the list in declared order:
        // no key, map node or boxed hash per route, which were 40% of loading a 100k-route state
        int capacity = RouteKeys.capacity(declared.size());
        int mask = capacity - 1;
        @SuppressWarnings("unchecked")
        Placed<Route>[] firsts = new Placed[capacity];
        List<Route> out = new ArrayList<>(declared.size());
        for (int i = 0; i < declared.size(); i++) {
            Placed<Route> p = declared.get(i);
            int slot = RouteKeys.hash(p.value()) & mask;
            Placed<Route> first;
            while ((first = firsts[slot]) != null && !RouteKeys.sameKey(first.value(), p.value())) slot = (slot + 1) & mask;
            if (first == null) {
                firsts[slot] = p;
                out.add(p.value());
                continue;
            }
            if (first.value().equals(p.value())) continue;
            Route r = p.value();
            problems.error(p.pos(), "route " + describe(r.dst()) + " in table " + names.tableName(r.table())
                            + " differs from the one first declared at " + first.pos() + ": here '"
                            + IpSyntax.routeArgs(r, names, false) + "', there '" + IpSyntax.routeArgs(first.value(), names, false) + "'",
                    "declare the route once, the same way in every state of a host (another metric makes it a second route)");
        }
        return out;
    }

    private static String describe(Prefix dst) {
        return dst.isAll() ? "default" + (dst.family() == Family.INET6 ? " (IPv6)" : "") : dst.toString();
    }

    private static String difference(Rule a, Rule b) {
        if (a.action() != b.action() || a.l3mdev() != b.l3mdev()) return "another action";
        if (!java.util.Objects.equals(a.table(), b.table())) return "another table";
        if (!java.util.Objects.equals(a.gotoTarget(), b.gotoTarget())) return "another goto target";
        if (a.protocol() != b.protocol()) return "another protocol";
        return "other suppress_prefixlength, suppress_ifgroup or realms";
    }

    /** What makes two rules "the same entry": where they sit in the rule list and what they match. */
    private record RuleSlot(Family family, Priority priority, boolean not, Prefix from, Prefix to, int tos, FwMark fwmark,
                            Interface iif, Interface oif, UidRange uidRange, int ipProto, PortRange sport,
                            PortRange dport, long tunId) {
        static RuleSlot of(Rule r) {
            return new RuleSlot(r.family(), r.priority(), r.not(), r.from(), r.to(), r.tos(), r.fwmark(), r.iif(),
                    r.oif(), r.uidRange(), r.ipProto(), r.sport(), r.dport(), r.tunId());
        }

        // equals and hashCode as the record would make them (written out: see docs/speed.md, start-up)
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof RuleSlot x && family == x.family && Objects.equals(priority, x.priority)
                    && not == x.not && Objects.equals(from, x.from) && Objects.equals(to, x.to) && tos == x.tos
                    && Objects.equals(fwmark, x.fwmark) && Objects.equals(iif, x.iif) && Objects.equals(oif, x.oif)
                    && Objects.equals(uidRange, x.uidRange) && ipProto == x.ipProto && Objects.equals(sport, x.sport)
                    && Objects.equals(dport, x.dport) && tunId == x.tunId;
        }

        @Override
        public int hashCode() {
            int h = 0;
            h = 31 * h + Objects.hashCode(family);
            h = 31 * h + Objects.hashCode(priority);
            h = 31 * h + Boolean.hashCode(not);
            h = 31 * h + Objects.hashCode(from);
            h = 31 * h + Objects.hashCode(to);
            h = 31 * h + tos;
            h = 31 * h + Objects.hashCode(fwmark);
            h = 31 * h + Objects.hashCode(iif);
            h = 31 * h + Objects.hashCode(oif);
            h = 31 * h + Objects.hashCode(uidRange);
            h = 31 * h + ipProto;
            h = 31 * h + Objects.hashCode(sport);
            h = 31 * h + Objects.hashCode(dport);
            h = 31 * h + Long.hashCode(tunId);
            return h;
        }
    }
}

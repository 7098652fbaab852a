package io.routesync.formats.export;

import io.routesync.iproute2.Names;
import io.routesync.model.DesiredState;
import io.routesync.model.Interface;
import io.routesync.model.NextHop;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which interface an entry is written under. netplan and networkd attach every route and rule to an
 * interface's configuration and ifupdown runs its commands from an interface's stanza, but a state
 * entry may name none (a rule without iif/oif, a route via a gateway without dev, a blackhole route).
 * The rule, in this order:
 * <ol>
 *   <li>a route goes with its device (a multipath route with its first path's device);</li>
 *   <li>a rule goes with its {@code iif}, else its {@code oif};</li>
 *   <li>otherwise the entry goes with its table's interface: the one device all the state's routes in
 *       that table (the route's own, the table a rule looks up) use, when they use exactly one;</li>
 *   <li>otherwise with the fallback interface ({@code --interface}), when one is given;</li>
 *   <li>otherwise it is refused, with a message saying so.</li>
 * </ol>
 */
final class Anchors {
    private final Map<TableId, Set<Interface>> tableDevices = new HashMap<>();
    private final Interface fallback;
    private final Names names;

    Anchors(DesiredState state, Interface fallback, Names names) {
        this.fallback = fallback;
        this.names = names;
        for (Route r : state.routes()) {
            for (NextHop h : r.nexthops()) {
                if (h.dev() != null) tableDevices.computeIfAbsent(r.table(), t -> new TreeSet<>()).add(h.dev());
            }
        }
    }

    /** The route's interface, or null (see {@link #why}). */
    Interface of(Route route) {
        for (NextHop h : route.nexthops()) {
            if (h.dev() != null) return h.dev();
        }
        return ofTable(route.table());
    }

    /** The rule's interface, or null (see {@link #why}). */
    Interface of(Rule rule) {
        if (rule.iif() != null) return rule.iif();
        if (rule.oif() != null) return rule.oif();
        return rule.action() == RuleAction.TABLE && rule.table() != null ? ofTable(rule.table()) : fallback;
    }

    private Interface ofTable(TableId table) {
        Set<Interface> devices = tableDevices.get(table);
        return devices != null && devices.size() == 1 ? devices.iterator().next() : fallback;
    }

    /** Why a route has no interface, for the refusal. */
    String why(Route route, String format) {
        return "it names no device and " + tableText(route.table()) + "; " + format
                + " attaches every route to an interface: give it a dev, or name one with --interface";
    }

    /** Why a rule has no interface, for the refusal. */
    String why(Rule rule, String format) {
        String table = rule.action() == RuleAction.TABLE && rule.table() != null ? tableText(rule.table())
                : "it looks up no table whose interface it could take";
        return "it names no iif or oif and " + table + "; " + format
                + " attaches every rule to an interface: give it an iif or oif, or name one with --interface";
    }

    private String tableText(TableId table) {
        Set<Interface> devices = tableDevices.get(table);
        String name = names.tableName(table);
        if (devices == null) return "the state's routes in table " + name + " name no device";
        return "the state's routes in table " + name + " use several devices (" + String.join(", ",
                devices.stream().map(Interface::name).toList()) + ")";
    }
}

package io.routesync.lookup;

import io.routesync.model.Family;
import io.routesync.model.Interface;
import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forwarding state a lookup runs against: the rules of each family in the kernel's list order
 * (priority, then insertion order, as {@code ip rule show} lists them) and the routes of each table
 * that was read. Tables that were not read are unknown; {@link Lookup} reports when it needed one.
 * Interface groups ({@code suppress_ifgroup}) are not part of a reading: every device is in group 0
 * (the kernel's default) unless given.
 */
public final class Fib {
    private final Map<Family, List<Rule>> rules = new EnumMap<>(Family.class);
    private final Map<Family, Map<TableId, List<Route>>> routes = new EnumMap<>(Family.class);
    private final Set<TableId> tablesRead;
    private final Map<Interface, Integer> groups;

    private Fib(Observed observed, Map<Interface, Integer> groups) {
        for (Family f : Family.values()) {
            rules.put(f, new ArrayList<>());
            routes.put(f, new HashMap<>());
        }
        for (Rule r : observed.rules()) {
            if (r.priority() == null) throw new IllegalArgumentException("an observed rule always has a priority");
            rules.get(r.family()).add(r);
        }
        for (Route r : observed.routes()) routes.get(r.family()).computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r);
        tablesRead = observed.tablesRead();
        this.groups = Map.copyOf(groups);
    }

    /** The state of an observed (or simulated) host, every device in interface group 0. */
    public static Fib of(Observed observed) {
        return new Fib(observed, Map.of());
    }

    /** The same, with the interface group of some devices ({@code ip link set DEV group N}). */
    public static Fib of(Observed observed, Map<Interface, Integer> groups) {
        return new Fib(observed, groups);
    }

    /** The rules of one family, in evaluation order. */
    public List<Rule> rules(Family family) {
        return rules.get(family);
    }

    /** The routes of one table and family, in the order they were read (empty when none). */
    public List<Route> routes(Family family, TableId table) {
        return routes.get(family).getOrDefault(table, List.of());
    }

    /** Whether the table's routes were read; a table that was not read cannot be simulated. */
    public boolean knows(TableId table) {
        return tablesRead.contains(table);
    }

    /** The interface group of a device: 0 (default) unless given. */
    public int group(Interface dev) {
        return groups.getOrDefault(dev, 0);
    }
}

package io.routesync.apply;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.OutputException;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.RuleAction;
import io.routesync.model.TableId;
import io.routesync.transport.HostReader;
import io.routesync.transport.LockHeldException;
import io.routesync.transport.Target;
import io.routesync.transport.TargetPaths;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a host for {@code show}, {@code import} and {@code explain}: first its rules, then the tables those
 * rules look up (plus any asked for), so the caller need not know the host's tables in advance.
 */
public final class LiveReader {
    private LiveReader() {
    }

    /** Reads {@code always} plus every table a non-default rule looks up (kernel tables only if in {@code always}). */
    public static HostReading read(Target target, TargetPaths paths, Duration lockWait, Duration runTimeout,
            Collection<TableId> always) throws TransportException, OutputException, LockHeldException {
        HostReading first = HostReader.read(target, paths, always, lockWait, runTimeout);
        Set<TableId> tables = new TreeSet<>(always);
        tables.addAll(lookedUp(first.observed().rules()));
        for (var n : first.observed().managedTableNames()) tables.add(n.id());
        if (first.observed().tablesRead().containsAll(tables)) return first;
        return HostReader.read(target, paths, tables, lockWait, runTimeout);
    }

    /** Tables that non-default rules look up, without the kernel's own (local, main, default). */
    public static Set<TableId> lookedUp(List<Rule> rules) {
        Set<TableId> tables = new TreeSet<>();
        for (Rule r : rules) {
            if (!r.isDefaultRule() && r.action() == RuleAction.TABLE && r.table() != null && !r.table().isKernelTable()) {
                tables.add(r.table());
            }
        }
        return tables;
    }

    /** The rules a host was configured with: all but the kernel's default rules. */
    public static List<Rule> nonDefault(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (!r.isDefaultRule()) out.add(r);
        }
        return out;
    }

    /** The routes of {@code tables}, grouped per table in table order. */
    public static Map<TableId, List<Route>> byTable(List<Route> routes, Collection<TableId> tables) {
        Map<TableId, List<Route>> out = new LinkedHashMap<>();
        for (TableId t : new TreeSet<>(tables)) out.put(t, new ArrayList<>());
        for (Route r : routes) {
            List<Route> list = out.get(r.table());
            if (list != null) list.add(r);
        }
        return out;
    }
}

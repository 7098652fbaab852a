package io.routesync.apply;

import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.Names;
import io.routesync.model.DesiredState;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One host's live policy as {@code show} and {@code explain} present it: its rules, the routes of every
 * table read (per table, in table order), the names to print them with (routesync's protocol included),
 * and what routesync owns there: the desired state's tables, or without one the tables routesync named
 * on the host.
 */
public record LivePolicy(List<Rule> rules, Map<TableId, List<Route>> routes, Names names, Ownership ownership) {

    /** @param desired the desired state, or null when none was given */
    public static LivePolicy of(HostReading reading, DesiredState desired, Names names, int protocolTag) {
        Set<TableId> owned = new TreeSet<>();
        if (desired != null) owned.addAll(desired.ownedTables());
        else for (TableName n : reading.observed().managedTableNames()) owned.add(n.id());
        return new LivePolicy(reading.observed().rules(),
                LiveReader.byTable(reading.observed().routes(), reading.observed().tablesRead()),
                names.withProtocol(Ownership.PROTOCOL_NAME, protocolTag), new Ownership(owned, protocolTag));
    }
}

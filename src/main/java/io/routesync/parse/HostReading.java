package io.routesync.parse;

import io.routesync.model.Observed;
import java.util.Map;

/**
 * A host as one read found it: the observed state, the names to show it with (iproute2's built-ins
 * plus the host's own rt_tables and rt_protos files), the names in routesync's own rt_protos.d file,
 * and the digest an apply compares to refuse a host that changed since.
 */
public record HostReading(Observed observed, Names names, Map<Integer, String> managedProtocolNames, String digest) {
    public HostReading {
        managedProtocolNames = Map.copyOf(managedProtocolNames);
    }
}

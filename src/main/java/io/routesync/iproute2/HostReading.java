package io.routesync.iproute2;

import io.routesync.model.Observed;
import java.util.List;
import java.util.Map;

/**
 * A host as one read found it: the observed state, the names to show it with (iproute2's built-ins
 * plus the host's own rt_tables and rt_protos files), the names in routesync's own rt_protos.d file,
 * the digest an apply compares to refuse a host that changed since, and warnings about what was read
 * (a name file iproute2 stops reading part way); {@code keptDigest}: the digest of the kept state the
 * last apply proved there (STATE_DIR/desired.digest), or null.
 */
public record HostReading(Observed observed, Names names, Map<Integer, String> managedProtocolNames, String digest,
        List<String> warnings, String keptDigest) {
    /**
     * The digest of a reading nothing compares: one taken under the lock of a whole apply (a session), or
     * a plan's that is not saved (read.sh's "nodigest").
     */
    public static final String UNDIGESTED = "none";

    public HostReading {
        managedProtocolNames = Map.copyOf(managedProtocolNames);
        warnings = List.copyOf(warnings);
    }

    /** Whether {@link #digest} is the reading's, which a later run can compare; not for a session's readings. */
    public boolean digested() {
        return digest != null && !digest.equals(UNDIGESTED);
    }

    public HostReading(Observed observed, Names names, Map<Integer, String> managedProtocolNames, String digest) {
        this(observed, names, managedProtocolNames, digest, List.of());
    }

    public HostReading(Observed observed, Names names, Map<Integer, String> managedProtocolNames, String digest, List<String> warnings) {
        this(observed, names, managedProtocolNames, digest, warnings, null);
    }
}

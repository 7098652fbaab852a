package io.routesync.run;

import io.routesync.apply.ApplyRecord;
import io.routesync.transport.TargetPaths;
import io.routesync.config.state.LoadedState;
import io.routesync.model.Ownership;
import io.routesync.transport.SshSettings;

/**
 * One selected inventory host, checked offline and ready to contact: how to reach it ({@code ssh}
 * is null for {@code ansible_connection: local}), where routesync's files live there, its merged
 * desired state, what routesync owns on it, and the digest of its inputs for the apply record.
 */
public record HostSpec(String name, SshSettings ssh, TargetPaths paths, LoadedState loaded, Ownership ownership,
                       ApplyRecord.Inputs inputs) {

    public boolean local() {
        return ssh == null;
    }
}

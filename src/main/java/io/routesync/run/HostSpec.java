package io.routesync.run;

import io.routesync.apply.ApplyRecord;
import io.routesync.config.InputsDigest;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.config.state.LoadedState;
import io.routesync.model.Ownership;
import io.routesync.transport.SshSettings;
import io.routesync.transport.TargetPaths;
import java.util.List;

/**
 * One selected inventory host, checked offline and ready to contact: how to reach it ({@code ssh}
 * is null for {@code ansible_connection: local}), where routesync's files live there, its merged
 * desired state, what routesync owns on it, and the digest of its inputs for the apply record.
 */
public record HostSpec(String name, SshSettings ssh, TargetPaths paths, LoadedState loaded, Ownership ownership,
                       ApplyRecord.Inputs inputs) {

    /**
     * A host's spec from its merged desired state and what it was made of: what routesync owns there
     * (the state's tables, tagged {@code protocolTag}) and the inputs its apply records name ({@code
     * commit} is the git commit they were read from, or null).
     */
    public static HostSpec of(String name, SshSettings ssh, TargetPaths paths, LoadedState loaded, int protocolTag,
            List<SourceFile> states, Variables variables, String commit, String version) {
        return new HostSpec(name, ssh, paths, loaded, new Ownership(loaded.state().ownedTables(), protocolTag),
                ApplyRecord.Inputs.loaded(InputsDigest.later(states, variables), commit, version));
    }

    public boolean local() {
        return ssh == null;
    }
}

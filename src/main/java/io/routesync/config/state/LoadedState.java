package io.routesync.config.state;

import io.routesync.config.Diagnostic;
import io.routesync.iproute2.Names;
import io.routesync.model.DesiredState;
import java.util.List;

/**
 * The merged desired state of one host, the names to render it with (iproute2's built-ins, the
 * declared tables, and {@code routesync} as the protocol tag), and the warnings found on the way.
 */
public record LoadedState(DesiredState state, Names names, List<Diagnostic> warnings) {
    public LoadedState {
        warnings = List.copyOf(warnings);
    }
}

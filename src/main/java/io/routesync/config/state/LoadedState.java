package io.routesync.config.state;

import io.routesync.config.Diagnostic;
import io.routesync.iproute2.Names;
import io.routesync.model.DesiredState;
import io.routesync.model.Probe;
import java.util.List;

/**
 * The merged desired state of one host, the names to render it with (iproute2's built-ins, the
 * declared tables, and {@code routesync} as the protocol tag), the warnings found on the way, and
 * the health checks {@code apply --confirm} runs before it keeps a change ({@code probes:}).
 */
public record LoadedState(DesiredState state, Names names, List<Diagnostic> warnings, List<Probe> probes) {
    public LoadedState {
        warnings = List.copyOf(warnings);
        probes = List.copyOf(probes);
    }

    /** A state without probes. */
    public LoadedState(DesiredState state, Names names, List<Diagnostic> warnings) {
        this(state, names, warnings, List.of());
    }
}

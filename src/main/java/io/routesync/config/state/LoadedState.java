package io.routesync.config.state;

import io.routesync.config.Diagnostic;
import io.routesync.iproute2.Names;
import io.routesync.lookup.Expectation;
import io.routesync.model.DesiredState;
import io.routesync.model.Probe;
import java.util.List;

/**
 * The merged desired state of one host, the names to render it with (iproute2's built-ins, the
 * declared tables, and {@code routesync} as the protocol tag), the warnings found on the way, the
 * health checks {@code apply --confirm} runs before it keeps a change ({@code probes:}), and the flows
 * its {@code expect:} sections check (in file order).
 *
 * @param routeProbes the route probes of {@code probes:} ({@code { route: FLOW, via: ..., dev: ... }}):
 *                    what the kernel must answer before {@code apply --confirm} keeps a change
 */
public record LoadedState(DesiredState state, Names names, List<Diagnostic> warnings, List<Probe> probes, List<Expectation> expectations,
        List<Expectation> routeProbes) {
    public LoadedState {
        warnings = List.copyOf(warnings);
        probes = List.copyOf(probes);
        expectations = List.copyOf(expectations);
        routeProbes = List.copyOf(routeProbes);
    }

    /** A state without route probes. */
    public LoadedState(DesiredState state, Names names, List<Diagnostic> warnings, List<Probe> probes, List<Expectation> expectations) {
        this(state, names, warnings, probes, expectations, List.of());
    }

    /** A state without expectations (a saved plan's: its flows are the saved host's, pinned, and only the kernel checks them). */
    public LoadedState(DesiredState state, Names names, List<Diagnostic> warnings, List<Probe> probes) {
        this(state, names, warnings, probes, List.of(), List.of());
    }

    /** A state without probes or expectations. */
    public LoadedState(DesiredState state, Names names, List<Diagnostic> warnings) {
        this(state, names, warnings, List.of(), List.of(), List.of());
    }
}

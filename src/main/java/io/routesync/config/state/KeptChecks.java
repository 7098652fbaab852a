package io.routesync.config.state;

import io.routesync.iproute2.Names;
import io.routesync.lookup.Expectation;
import io.routesync.model.Probe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a kept state ({@link KeptState}) keeps beside the entries, so {@code apply --last} checks what
 * the apply it repeats checked: the health probes ({@code probes:}, route probes included) and the
 * {@code expect:} flows, written back in the state file's own syntax, every value quoted.
 */
public record KeptChecks(List<Probe> probes, List<Expectation> expectations, List<Expectation> routeProbes) {
    public static final KeptChecks NONE = new KeptChecks(List.of(), List.of(), List.of());

    public KeptChecks {
        probes = List.copyOf(probes);
        expectations = List.copyOf(expectations);
        routeProbes = List.copyOf(routeProbes);
    }

    /**
     * The checks of a loaded state to keep. An expectation's {@code unchanged} is left out: it compares
     * with the host as it is when planned, and a kept state is applied to a host that changed (after a
     * boot, after drift), which is what it is there to repair; its outcome (via, dev, table, type) is kept.
     */
    public static KeptChecks of(LoadedState loaded) {
        List<Expectation> outcomes = new ArrayList<>();
        for (Expectation e : loaded.expectations()) {
            if (!e.hasOutcome()) continue;
            outcomes.add(new Expectation(e.place(), e.flow(), e.via(), e.dev(), e.table(), e.tableText(), e.type(), false));
        }
        return new KeptChecks(loaded.probes(), outcomes, loaded.routeProbes());
    }

    /** The {@code probes:} and {@code expect:} sections (nothing when there are none); tables named in {@code names}. */
    String yaml(Names names) {
        StringBuilder out = new StringBuilder();
        if (!probes.isEmpty() || !routeProbes.isEmpty()) {
            out.append("probes:\n");
            for (Probe p : probes) out.append("  - { ").append(probe(p)).append(" }\n");
            for (Expectation e : routeProbes) {
                out.append("  - { route: { ").append(pairs(e.flow().selectors())).append(" }").append(outcome(e, names)).append(" }\n");
            }
        }
        if (!expectations.isEmpty()) {
            out.append("expect:\n");
            for (Expectation e : expectations) out.append("  - { ").append(pairs(e.flow().selectors())).append(outcome(e, names)).append(" }\n");
        }
        return out.toString();
    }

    /** Whether {@code read} holds the same checks: where they were declared, and how a table was spelled, aside. */
    boolean sameAs(LoadedState read) {
        return read.probes().equals(probes) && meaning(read.expectations()).equals(meaning(expectations))
                && meaning(read.routeProbes()).equals(meaning(routeProbes));
    }

    private static List<List<Object>> meaning(List<Expectation> list) {
        List<List<Object>> out = new ArrayList<>();
        for (Expectation e : list) out.add(Arrays.asList(e.flow(), e.via(), e.dev(), e.table(), e.type(), e.unchanged()));
        return out;
    }

    private static String probe(Probe p) {
        StringBuilder s = new StringBuilder(p.kind() == Probe.Kind.PING ? "ping: " : "tcp: ").append(quote(p.target().toString()));
        if (p.kind() == Probe.Kind.TCP) s.append(", port: ").append(p.port());
        if (p.from() != null) s.append(", from: ").append(quote(p.from().toString()));
        if (p.dev() != null) s.append(", dev: ").append(quote(p.dev().name()));
        return s.append(", timeout: ").append(p.seconds()).toString();
    }

    private static String outcome(Expectation e, Names names) {
        StringBuilder s = new StringBuilder();
        if (e.via() != null) s.append(", via: ").append(quote(e.via().toString()));
        if (e.dev() != null) s.append(", dev: ").append(quote(e.dev().name()));
        if (e.table() != null) s.append(", table: ").append(quote(names.tableName(e.table())));
        if (e.type() != null) s.append(", type: ").append(e.type());
        if (e.unchanged()) s.append(", unchanged: true");
        return s.toString();
    }

    private static String pairs(Map<String, String> selectors) {
        StringBuilder s = new StringBuilder();
        selectors.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(": ").append(quote(v)));
        return s.toString();
    }

    /** Every value is an address, an interface name, a table name or a number: none holds a quote or a backslash. */
    private static String quote(String value) {
        return '"' + value + '"';
    }
}

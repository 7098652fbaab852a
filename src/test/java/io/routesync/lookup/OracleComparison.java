package io.routesync.lookup;

import io.routesync.model.NextHop;
import io.routesync.model.RouteType;
import io.routesync.model.TableId;
import java.util.Objects;

/**
 * Compares a simulated lookup with the kernel's {@code ip route get}: the same error, or the same
 * route type, table, output device and gateway. For a multipath route the kernel picks one path by
 * flow hash: its path must be one of the simulated ones.
 */
final class OracleComparison {
    private OracleComparison() {
    }

    /** Null when they agree, else what differs. */
    static String difference(LookupResult sim, RouteGet.Answer kernel) {
        if (kernel.isError() || sim.error() != null) {
            if (Objects.equals(kernel.error(), sim.error())) return null;
            return "kernel " + (kernel.isError() ? "error '" + kernel.error() + "'" : kernel.raw())
                    + ", simulation " + describe(sim);
        }
        RouteType simType = sim.route() == null ? RouteType.UNICAST : sim.route().type();
        if (kernel.type() != simType) return "type: kernel " + kernel.type() + ", simulation " + simType + " (" + describe(sim) + ")";
        Long simTable = sim.table() == null ? null : sim.table().id();
        if (!Objects.equals(kernel.table(), simTable)) return "table: kernel " + kernel.table() + ", simulation " + simTable;
        if (sim.paths().size() > 1) {
            for (NextHop h : sim.paths()) {
                if (h.dev() != null && h.dev().name().equals(kernel.dev()) && h.via() != null
                        && h.via().toString().equals(kernel.gateway())) {
                    return null;
                }
            }
            return "multipath: kernel took " + kernel.gateway() + " dev " + kernel.dev() + ", not one of " + sim.paths();
        }
        String simDev = sim.dev() == null ? null : sim.dev().name();
        if (!Objects.equals(kernel.dev(), simDev)) return "dev: kernel " + kernel.dev() + ", simulation " + simDev;
        String simGateway = sim.gateway() == null ? null : sim.gateway().toString();
        if (!Objects.equals(kernel.gateway(), simGateway)) return "gateway: kernel " + kernel.gateway() + ", simulation " + simGateway;
        return null;
    }

    static String describe(LookupResult r) {
        StringBuilder s = new StringBuilder(r.verdict().name());
        if (r.error() != null) s.append(" '").append(r.error()).append('\'');
        if (r.rule() != null) s.append(" rule ").append(r.rule().priority());
        if (r.table() != null) s.append(" table ").append(r.table().equals(TableId.MAIN) ? "main" : r.table());
        if (r.route() != null) s.append(" route ").append(io.routesync.iproute2.IpSyntax.routeArgs(r.route(), null, false));
        if (r.dev() != null) s.append(" dev ").append(r.dev());
        if (r.note() != null) s.append(" (").append(r.note()).append(')');
        return s.toString();
    }
}

package io.routesync.run;

import io.routesync.config.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostics of many hosts, each prefixed with the hosts it concerns. Hosts usually share their
 * state files and group variables, so the same problem at the same place is folded into one
 * ("hosts edge1, edge2, edge3 and 5 more: ...") instead of being printed once per host.
 */
public final class HostDiagnostics {
    private static final int NAMES_SHOWN = 5;

    private final Map<Diagnostic, List<String>> hostsByProblem = new LinkedHashMap<>();

    public void add(String host, Diagnostic d) {
        List<String> hosts = hostsByProblem.computeIfAbsent(d, k -> new ArrayList<>());
        if (!hosts.contains(host)) hosts.add(host);
    }

    public void addAll(String host, List<Diagnostic> ds) {
        for (Diagnostic d : ds) add(host, d);
    }

    public boolean hasErrors() {
        return hostsByProblem.keySet().stream().anyMatch(Diagnostic::isError);
    }

    /** Errors and warnings, each once, with the hosts it concerns in front of its message. */
    public List<Diagnostic> folded() {
        List<Diagnostic> out = new ArrayList<>();
        hostsByProblem.forEach((d, hosts) -> out.add(new Diagnostic(d.severity(), d.pos(), who(hosts) + ": " + d.message(), d.fix())));
        return out;
    }

    static String who(List<String> hosts) {
        if (hosts.size() == 1) return "host " + hosts.get(0);
        String shown = String.join(", ", hosts.subList(0, Math.min(NAMES_SHOWN, hosts.size())));
        int more = hosts.size() - NAMES_SHOWN;
        return "hosts " + shown + (more > 0 ? " and " + more + " more" : "");
    }
}

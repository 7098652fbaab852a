package io.routesync.config.inventory;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects per-host diagnostics and folds identical ones together: a bad group variable is one
 * problem at one place, reported once as "hosts edge1, edge2, edge3: ..." rather than once per host.
 */
final class HostProblems {
    private static final int NAMES_SHOWN = 5;

    private record Key(Diagnostic.Severity severity, SourcePos pos, String message, String fix) {
    }

    private final Map<Key, List<String>> hostsByProblem = new LinkedHashMap<>();

    void error(String host, SourcePos pos, String message, String fix) {
        add(new Key(Diagnostic.Severity.ERROR, pos, message, fix), host);
    }

    void warning(String host, SourcePos pos, String message, String fix) {
        add(new Key(Diagnostic.Severity.WARNING, pos, message, fix), host);
    }

    private void add(Key key, String host) {
        List<String> hosts = hostsByProblem.computeIfAbsent(key, k -> new ArrayList<>());
        if (!hosts.contains(host)) hosts.add(host);
    }

    boolean hasErrors() {
        return hostsByProblem.keySet().stream().anyMatch(k -> k.severity() == Diagnostic.Severity.ERROR);
    }

    /** The problems as they are, without the hosts they concern (for one host's own list). */
    List<Diagnostic> unfolded() {
        List<Diagnostic> out = new ArrayList<>();
        for (Key k : hostsByProblem.keySet()) {
            out.add(k.severity() == Diagnostic.Severity.ERROR ? Diagnostic.error(k.pos(), k.message(), k.fix()) : Diagnostic.warning(k.pos(), k.message(), k.fix()));
        }
        return out;
    }

    List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<Key, List<String>> e : hostsByProblem.entrySet()) {
            Key k = e.getKey();
            String message = who(e.getValue()) + ": " + k.message();
            out.add(k.severity() == Diagnostic.Severity.ERROR ? Diagnostic.error(k.pos(), message, k.fix()) : Diagnostic.warning(k.pos(), message, k.fix()));
        }
        return out;
    }

    private static String who(List<String> hosts) {
        if (hosts.size() == 1) return "host " + hosts.get(0);
        String shown = String.join(", ", hosts.subList(0, Math.min(NAMES_SHOWN, hosts.size())));
        int more = hosts.size() - NAMES_SHOWN;
        return "hosts " + shown + (more > 0 ? " and " + more + " more" : "");
    }
}

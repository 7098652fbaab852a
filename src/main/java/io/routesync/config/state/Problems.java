package io.routesync.config.state;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every diagnostic of one load, so all errors are reported at once. The same diagnostic
 * twice (an uplink field feeds several generated entries) is kept once.
 */
final class Problems {
    private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();

    void error(SourcePos pos, String message, String fix) {
        diagnostics.add(Diagnostic.error(pos, message, fix));
    }

    void warning(SourcePos pos, String message, String fix) {
        diagnostics.add(Diagnostic.warning(pos, message, fix));
    }

    void addAll(List<Diagnostic> more) {
        diagnostics.addAll(more);
    }

    boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** A count that lets a caller see whether a step added errors. */
    int errorCount() {
        return (int) diagnostics.stream().filter(Diagnostic::isError).count();
    }

    List<Diagnostic> errors() {
        return sorted(true);
    }

    List<Diagnostic> warnings() {
        return sorted(false);
    }

    private List<Diagnostic> sorted(boolean errors) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            if (d.isError() == errors) out.add(d);
        }
        out.sort(null);
        return out;
    }
}

package io.routesync.config;

import java.util.List;

/** Raised with every error found in the input at once; the CLI prints them and exits 65. */
public final class InvalidInputException extends Exception {
    private final List<Diagnostic> diagnostics;

    public InvalidInputException(List<Diagnostic> diagnostics) {
        super(diagnostics.size() + " error(s) in the input");
        this.diagnostics = diagnostics.stream().sorted().toList();
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}

package io.routesync.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code --metrics-file PATH}: written whole or not at all, so node_exporter's textfile collector never
 * reads half of one: a temporary file in the same directory (a dot name the collector skips), then a
 * rename over PATH ({@link ReplacedFile}: only a regular file is replaced, and the new one is readable by
 * all, as the collector usually runs as a user of its own). A failure never changes how the run ends: it
 * is reported on stderr in one line, once until a write succeeds again (a watch writes after every action).
 */
final class MetricsFile {
    private final Path path;
    private final PrintWriter err;
    private boolean failing;

    MetricsFile(Path path, PrintWriter err) {
        this.path = path;
        this.err = err;
    }

    /** Replaces the file with {@code text}; true when it was written. */
    boolean write(String text) {
        try {
            ReplacedFile.replace(path, text);
            failing = false;
            return true;
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                err.println("warning: cannot write the metrics file " + path + ": " + ReplacedFile.why(e).replaceAll("[\\r\\n]+", " "));
                err.flush();
            }
            failing = true;
            return false;
        }
    }
}

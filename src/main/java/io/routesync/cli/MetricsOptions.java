package io.routesync.cli;

import io.routesync.render.MetricsView;
import io.routesync.render.RunMetrics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/** {@code --metrics-file PATH} of apply, pull and watch: the run's metrics for node_exporter (docs/metrics.md). */
final class MetricsOptions {
    @Option(names = "--metrics-file", paramLabel = "PATH",
            description = "Write the run's metrics (watch: after each action) to PATH, a .prom file in node_exporter's textfile"
                + " directory, in Prometheus's text format. The file is replaced whole by a rename, never written through a"
                + " symbolic link; a failure to write it is one warning and does not change the exit code. See docs/metrics.md.")
    Path path;

    /** How a one-shot run ended, as its metrics say it; null: nothing to write. */
    @FunctionalInterface
    interface Ending {
        RunMetrics metrics(int exitCode, Instant ended, Duration took);
    }

    private MetricsFile file;

    /** The file to keep up to date (one for the run, so a failure is reported once), or null without --metrics-file. */
    MetricsFile file(PrintWriter err) {
        if (path != null && file == null) file = new MetricsFile(path, err);
        return file;
    }

    /** A target's labels: its namespace (--netns), or none (this host: node_exporter names the instance). */
    static Map<String, String> labels(String netns) {
        return netns == null ? Map.of() : Map.of("netns", netns);
    }

    /**
     * Runs {@code body} and then, however it ends (its exit code, or the code its exception maps to), writes
     * the metrics {@code ending} makes of it; the run's own result and exception stay as they were.
     */
    int around(PrintWriter err, Callable<Integer> body, Ending ending) throws Exception {
        if (path == null) return body.call();
        long t0 = System.nanoTime();
        int code = ExitCodes.FAILED;
        try {
            code = body.call();
            return code;
        } catch (Exception e) {
            code = ErrorReporter.exitCode(e);
            throw e;
        } finally {
            write(err, ending, code, t0);
        }
    }

    /** Writes the metrics of a run that ended with {@code code} and began at {@code t0} (nanoTime). */
    void write(PrintWriter err, Ending ending, int code, long t0) {
        if (path == null) return;
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        String text;
        try {
            RunMetrics m = ending.metrics(code, Instant.now(), took);
            if (m == null) return;
            text = MetricsView.text(m);
        } catch (RuntimeException e) {
            err.println("warning: cannot write the metrics file " + path + ": " + e);
            err.flush();
            return;
        }
        file(err).write(text);
    }
}

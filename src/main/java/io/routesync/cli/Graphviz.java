package io.routesync.cli;

import io.routesync.transport.ProcessRunner;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.TransportException;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code --format svg}: the DOT picture rendered by Graphviz's {@code dot -Tsvg}, found on PATH and run
 * with a fixed argument list (no shell); the DOT text is its only input. Without {@code dot} the command
 * stops before it reads the host, with exit 64 and the ways out: {@code --format dot} or installing Graphviz.
 */
final class Graphviz {
    /** A picture of 100,000 routes takes dot minutes; a bound keeps a hung dot from hanging the command. */
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private Graphviz() {
    }

    /** The {@code dot} program on {@code path} (a PATH value; null or empty: none). */
    static Path find(String path) {
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "dot");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** The {@code dot} program on this process's PATH, or a usage error saying how to do without it. */
    static Path require() throws UserError {
        return require(System.getenv("PATH"));
    }

    static Path require(String path) throws UserError {
        Path dot = find(path);
        if (dot == null) {
            throw new UserError(ExitCodes.USAGE, "--format svg needs Graphviz's dot program, which is not on PATH: install"
                    + " Graphviz (apt-get install graphviz, dnf install graphviz) or use --format dot and render the picture"
                    + " elsewhere (dot -Tsvg policy.dot > policy.svg)");
        }
        return dot;
    }

    /** The SVG {@code dot} makes of {@code source}. */
    static String svg(Path dot, String source) throws UserError {
        ScriptResult r;
        try {
            r = ProcessRunner.run("dot", List.of(dot.toString(), "-Tsvg"), source.getBytes(StandardCharsets.UTF_8), TIMEOUT);
        } catch (TransportException e) {
            throw new UserError(ExitCodes.FAILED, "Graphviz could not render the picture: " + e.getMessage(), e);
        }
        if (r.exitCode() != 0) {
            String why = r.stderr().strip().lines().findFirst().orElse("no message");
            throw new UserError(ExitCodes.FAILED, "Graphviz's dot -Tsvg failed (exit " + r.exitCode() + "): " + why
                    + "; --format dot prints the picture's source");
        }
        return r.stdout();
    }
}

package io.routesync.fleet;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import java.nio.file.Path;

/**
 * How a fleet run shows the names of its input files. An inventory is read through a source whose
 * paths are relative to a root (so host_vars/NAME cannot climb out of it); the user knows the files
 * by the path they typed. Names are shown relative to the working directory when the file is under
 * it, else absolute.
 */
public final class SourceNames {
    private final Path root;
    private final Path workingDir;

    public SourceNames(Path root, Path workingDir) {
        this.root = root.toAbsolutePath().normalize();
        this.workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** Names as they are: for sources that are not files on disk (a git tree, a test's strings). */
    public static SourceNames identity() {
        return new SourceNames(Path.of(""), Path.of(""));
    }

    /** The name the user knows for a source-relative path; an option standing in for a file ({@code --limit}) as it is. */
    public String shown(String sourcePath) {
        if (root.equals(workingDir) || sourcePath.startsWith("-")) return sourcePath;
        Path file = root.resolve(sourcePath).normalize();
        return file.startsWith(workingDir) ? workingDir.relativize(file).toString() : file.toString();
    }

    public SourcePos shown(SourcePos pos) {
        return new SourcePos(shown(pos.file()), pos.line(), pos.column());
    }

    public Diagnostic shown(Diagnostic d) {
        return new Diagnostic(d.severity(), shown(d.pos()), d.message(), d.fix());
    }
}

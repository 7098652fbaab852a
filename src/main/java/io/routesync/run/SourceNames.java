package io.routesync.run;

import io.routesync.config.Diagnostic;
import io.routesync.config.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * How a fleet run shows the names of its input files. An inventory is read through a source whose
 * paths are relative to a root (a directory, so host_vars/NAME cannot climb out of it; or a git
 * commit's tree); the user knows the files by the path they typed, or as {@code COMMIT:path}.
 * An option standing in for a file ({@code --limit}) is shown as it is.
 */
public final class SourceNames {
    private final UnaryOperator<String> naming;

    private SourceNames(UnaryOperator<String> naming) {
        this.naming = naming;
    }

    /** Names as they are. */
    public static SourceNames identity() {
        return new SourceNames(UnaryOperator.identity());
    }

    /** Files under {@code root}: relative to the working directory when they are under it, else absolute. */
    public static SourceNames directory(Path root, Path workingDir) {
        Path r = root.toAbsolutePath().normalize();
        Path cwd = workingDir.toAbsolutePath().normalize();
        if (r.equals(cwd)) return identity();
        return new SourceNames(name -> {
            Path file = r.resolve(name).normalize();
            return file.startsWith(cwd) ? cwd.relativize(file).toString() : file.toString();
        });
    }

    /** Files of a commit, named by {@code label} (for example {@code 0123456789ab:states/edge.yml}). */
    public static SourceNames commit(UnaryOperator<String> label) {
        return new SourceNames(label);
    }

    /** The name the user knows for a source-relative path. */
    public String shown(String sourcePath) {
        return sourcePath.startsWith("-") ? sourcePath : naming.apply(sourcePath);
    }

    public SourcePos shown(SourcePos pos) {
        return new SourcePos(shown(pos.file()), pos.line(), pos.column());
    }

    public Diagnostic shown(Diagnostic d) {
        return new Diagnostic(d.severity(), shown(d.pos()), d.message(), d.fix());
    }

    public List<Diagnostic> shown(List<Diagnostic> ds) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : ds) out.add(shown(d));
        return out;
    }
}

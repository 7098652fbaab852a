package io.routesync.git;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * Renames the files in diagnostics to {@code SHORT_ID:path}, so an error read from a commit says
 * which commit it is in (the readers name files by their path inside the source only).
 */
final class CommitDiagnostics {
    private CommitDiagnostics() {
    }

    static InvalidInputException relabel(InvalidInputException e, RepoCommit commit) {
        return new InvalidInputException(relabel(e.diagnostics(), commit));
    }

    static List<Diagnostic> relabel(List<Diagnostic> diagnostics, RepoCommit commit) {
        List<Diagnostic> out = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            SourcePos p = d.pos();
            String file = p.file().startsWith(commit.shortId() + ":") ? p.file() : commit.label(p.file());
            out.add(new Diagnostic(d.severity(), new SourcePos(file, p.line(), p.column()), d.message(), d.fix()));
        }
        return out;
    }
}

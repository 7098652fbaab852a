package io.routesync.formats.export;

import java.util.List;

/** What an export made: the files, and the entries it could not write (each with its reasons). */
public record Exported(List<ExportFile> files, List<Refusal> refused) {
    public Exported {
        files = List.copyOf(files);
        refused = List.copyOf(refused);
    }
}

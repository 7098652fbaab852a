package io.routesync.formats.export;

import io.routesync.model.TableName;
import java.util.List;

/** The comment lines every exported file starts with: what wrote it, for which version, table names, notes. */
final class Header {
    private Header() {
    }

    /** The lines, each starting with {@code #} (a comment in all three formats), ending in a newline. */
    static String of(String fileName, String format, String target, ExportInput in, List<String> notes) {
        StringBuilder out = new StringBuilder(256);
        out.append("# ").append(fileName).append(": written by routesync export --to ").append(format)
                .append(", for ").append(target).append(".\n");
        List<TableName> names = in.state().tableNames();
        if (!names.isEmpty()) {
            out.append("# Tables are written by number:");
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? " " : ", ").append(names.get(i).id().id()).append(' ').append(names.get(i).name());
            }
            out.append(".\n");
        }
        for (String note : notes) out.append("# ").append(note).append('\n');
        return out.toString();
    }
}

package io.routesync.formats;

import io.routesync.config.Diagnostic;
import io.routesync.iproute2.IpSyntax;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.RtTablesParser;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import java.util.ArrayList;
import java.util.List;

/** Runs an import on texts, as a test writes them, and shows the result as lines to compare. */
final class ImportRun {
    static final int TAG = 245;
    private final Imported imported;

    private ImportRun(Imported imported) {
        this.imported = imported;
    }

    /** The host's names: the seed's rt2 = 1 and isp = 100. */
    static Names names() {
        try {
            return Names.builtin().withTableEntries(RtTablesParser.parseTables("rt_tables", "1 rt2\n100 isp\n"))
                    .withProtocol("routesync", TAG);
        } catch (OutputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code files}: pairs of absolute path and text. */
    static ImportRun of(ImportFormat format, String... files) {
        List<FormatFile> list = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) list.add(new FormatFile(files[i], files[i], files[i + 1]));
        return new ImportRun(FormatImport.read(format, list, names(), TAG));
    }

    Imported imported() {
        return imported;
    }

    /** Each entry as "rule ARGS  @file:line" / "route ARGS table T  @file:line" (protocol shown unless it is the tag). */
    List<String> entries() {
        List<String> out = new ArrayList<>();
        Names n = imported.names();
        for (Imported.Sourced<Rule> r : imported.rules()) {
            Rule rule = r.entry().protocol() == TAG ? r.entry().withProtocol(-1) : r.entry();
            String family = rule.family() == io.routesync.model.Family.INET6 ? "-6 " : "";
            out.add("rule " + family + IpSyntax.ruleArgs(rule, n) + "  @" + Entries.place(r.at()));
        }
        for (Imported.Sourced<Route> r : imported.routes()) {
            String args = IpSyntax.routeArgs(r.entry(), n, true);
            if (r.entry().protocol() == TAG) args = args.replace(" proto routesync", "");
            out.add("route " + args + "  @" + Entries.place(r.at()));
        }
        return out;
    }

    /** Each problem as "file:line:col: error|warning: message". */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : imported.problems()) out.add(d.pos() + ": " + (d.isError() ? "error" : "warning") + ": " + d.message());
        return out;
    }

    /** The entries without where they came from, sorted: what two imports of one configuration must share. */
    List<String> entrySet() {
        return entries().stream().map(e -> e.substring(0, e.indexOf("  @"))).sorted().toList();
    }

    /** Reads test resource {@code import/NAME}. */
    static String resource(String name) {
        try (java.io.InputStream in = ImportRun.class.getResourceAsStream("/import/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("test resource import/" + name, e);
        }
    }

    /** Both, for a quick look when a test fails. */
    @Override
    public String toString() {
        return String.join("\n", entries()) + "\n--\n" + String.join("\n", problems());
    }
}

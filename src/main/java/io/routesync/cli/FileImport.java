package io.routesync.cli;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.formats.FormatFile;
import io.routesync.formats.FormatImport;
import io.routesync.formats.ImportFormat;
import io.routesync.formats.Imported;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.RtTablesParser;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import io.routesync.render.StateYamlRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code routesync import --from FORMAT FILE...}: reads the given files (through the input limits) and
 * the rt_tables/rt_protos files of {@code --etc-dir}, hands their text to {@link FormatImport}, and
 * prints the state with each entry's source as a comment. What was not translated is listed in the
 * file's header and on stderr; when any of it may be routing (an error, not a note), the exit code is
 * 65 so a script does not take the file for the whole story.
 */
final class FileImport {
    private static final String DEFAULT_ETC = "/etc/iproute2";
    static final String LINE_BREAKS = "[\\r\\n\\u0085\\u2028\\u2029]";

    private FileImport() {
    }

    static int run(PrintWriter out, PrintWriter err, String formatWord, List<Path> paths, TargetOptions target, int protocolTag)
            throws UserError, InvalidInputException {
        if (target.netns != null) {
            throw new UserError(ExitCodes.USAGE, "--from reads files, not a host: --netns does not go with it (import without --from"
                    + " reads a namespace)");
        }
        String etcDir = target.etcDir;
        ImportFormat format = ImportFormat.of(formatWord);
        if (format == null) {
            throw new UserError(ExitCodes.USAGE, "--from " + formatWord + " is not a format routesync imports: use "
                    + Arrays.stream(ImportFormat.values()).map(ImportFormat::word).collect(Collectors.joining(", ")));
        }
        if (paths.isEmpty()) {
            throw new UserError(ExitCodes.USAGE, "--from " + formatWord + " needs the files to read, e.g. routesync import --from "
                    + formatWord + " " + example(format));
        }
        List<SourceFile> texts = StateOptions.readAll(paths);
        List<FormatFile> files = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            files.add(new FormatFile(texts.get(i).name(), paths.get(i).toAbsolutePath().normalize().toString(), texts.get(i).content()));
        }
        Names names = names(Path.of(etcDir == null ? DEFAULT_ETC : etcDir), err).withProtocol(Ownership.PROTOCOL_NAME, protocolTag);
        Imported imported = FormatImport.read(format, files, names, protocolTag);
        out.print(render(format, files, imported, protocolTag));
        int errors = 0;
        for (Diagnostic d : imported.problems()) {
            err.println(d.format());
            if (d.isError()) errors++;
        }
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " line or value was" : " lines or values were") + " not imported; the state above"
                    + " lacks what they make (see the list at its top).");
            return ExitCodes.DATA;
        }
        return ExitCodes.OK;
    }

    private static String example(ImportFormat f) {
        switch (f) {
            case INTERFACES: return "/etc/network/interfaces /etc/network/interfaces.d/*";
            case SCRIPT: return "/etc/rc.local";
            case NETPLAN: return "/etc/netplan/*.yaml";
            default: return "/etc/systemd/network/*.network";
        }
    }

    /** The names of the rt_tables and rt_protos files under {@code etc} (missing files name nothing). */
    private static Names names(Path etc, PrintWriter err) throws InvalidInputException {
        Names names = Names.builtin();
        List<Diagnostic> problems = new ArrayList<>();
        for (String kind : List.of("rt_tables", "rt_protos")) {
            for (Path file : nameFiles(etc, kind)) {
                try {
                    RtTablesParser.NameFile parsed = RtTablesParser.read(file.toString(), InputFiles.read(file));
                    if (parsed.corruptLine() > 0) {
                        err.println(file + ":" + parsed.corruptLine() + ": warning: iproute2 stops reading this file here, and so does routesync");
                    }
                    names = kind.equals("rt_tables") ? names.withTableEntries(usable(file, parsed.entries(), err))
                            : names.withProtocolEntries(parsed.entries());
                } catch (OutputException e) {
                    problems.add(Diagnostic.error(new io.routesync.config.SourcePos(file.toString(), 0, 0), e.getMessage(), ""));
                } catch (IOException e) {
                    problems.add(io.routesync.config.UnreadableInput.diagnostic(file.toString(), e));
                }
            }
        }
        if (!problems.isEmpty()) throw new InvalidInputException(problems);
        return names;
    }

    /** The entries whose names a state file can declare (others could break the YAML written with them). */
    private static List<RtTablesParser.Entry> usable(Path file, List<RtTablesParser.Entry> entries, PrintWriter err) {
        List<RtTablesParser.Entry> out = new ArrayList<>();
        for (RtTablesParser.Entry e : entries) {
            try {
                TableName.checkName(e.name());
                out.add(e);
            } catch (InvalidValueException bad) {
                err.println(oneLine(file + ":" + e.line() + ": warning: " + bad.getMessage() + "; table " + e.id()
                        + " is written by number"));
            }
        }
        return out;
    }

    /** {@code etc/KIND} and {@code etc/KIND.d/*.conf} in name order, as iproute2 reads them. */
    private static List<Path> nameFiles(Path etc, String kind) {
        List<Path> out = new ArrayList<>();
        if (Files.isRegularFile(etc.resolve(kind))) out.add(etc.resolve(kind));
        Path dir = etc.resolve(kind + ".d");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.getFileName().toString().endsWith(".conf") && Files.isRegularFile(p)).sorted().forEach(out::add);
            } catch (IOException e) {
                // an unreadable directory names nothing; a table it would have named is reported where it is used
            }
        }
        return out;
    }

    static String render(ImportFormat format, List<FormatFile> files, Imported imported, int protocolTag) {
        Names names = imported.names();
        Map<Object, String> from = new IdentityHashMap<>();
        List<Rule> rules = new ArrayList<>();
        for (Imported.Sourced<Rule> r : imported.rules()) {
            rules.add(r.entry());
            from.put(r.entry(), "from " + place(r));
        }
        Map<TableId, List<Route>> routes = new LinkedHashMap<>();
        for (Imported.Sourced<Route> r : imported.routes()) {
            routes.computeIfAbsent(r.entry().table(), t -> new ArrayList<>()).add(r.entry());
            from.put(r.entry(), "from " + place(r));
        }
        Set<TableId> used = new LinkedHashSet<>();
        for (Rule r : rules) if (r.table() != null) used.add(r.table());
        used.addAll(routes.keySet());
        Map<String, TableId> declared = new LinkedHashMap<>();
        for (TableId id : used) {
            String name = names.tableName(id);
            if (!id.isKernelTable() && !name.equals(Long.toString(id.id()))) declared.put(name, id);
        }
        List<String> header = new ArrayList<>();
        header.add("Imported by routesync from " + format.word() + ": "
                + oneLine(files.stream().map(FormatFile::name).collect(Collectors.joining(", "))) + ".");
        header.add("Each entry says where it came from. Entries without proto/protocol get routesync's tag when applied;");
        header.add("tables under 'tables:' are owned: routesync deletes routes in them that this file does not list.");
        if (!imported.problems().isEmpty()) {
            header.add("");
            header.add("Not imported (" + imported.problems().size() + "): write what routing these make by hand, if any.");
            for (Diagnostic d : imported.problems()) {
                header.add("  " + oneLine(d.pos() + ": " + (d.isError() ? "" : "(note) ") + d.message()));
            }
        }
        StateYamlRenderer.Remarks remarks = new StateYamlRenderer.Remarks() {
            @Override
            public String rule(Rule rule) {
                return from.get(rule);
            }

            @Override
            public String route(Route route) {
                return from.get(route);
            }

            @Override
            public String table(TableId table) {
                return null;
            }
        };
        return StateYamlRenderer.render(header, declared, rules, routes, names, remarks, protocolTag);
    }

    private static String place(Imported.Sourced<?> s) {
        return oneLine(s.at().line() == 0 ? s.at().file() : s.at().file() + ":" + s.at().line());
    }

    /**
     * Text for a YAML comment: every character YAML 1.1 takes for a line break (a quoted netplan value,
     * a file name may hold one) becomes a space, so nothing read can end the comment and become YAML.
     */
    static String oneLine(String text) {
        return text.replaceAll(LINE_BREAKS, " ");
    }
}

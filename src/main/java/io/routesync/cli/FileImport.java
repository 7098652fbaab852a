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
import io.routesync.model.TableName;
import io.routesync.render.FileImportView;
import io.routesync.run.InputFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code routesync import --from FORMAT FILE...}: reads the given files (through the input limits) and
 * the rt_tables/rt_protos files of {@code --etc-dir}, hands their text to {@link FormatImport}, and
 * prints the state with each entry's source as a comment ({@link FileImportView}). What was not translated is listed in the
 * file's header and on stderr; when any of it may be routing (an error, not a note), the exit code is
 * 65 so a script does not take the file for the whole story.
 */
final class FileImport {
    private static final String DEFAULT_ETC = "/etc/iproute2";

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
        out.print(FileImportView.render(format.word(), files.stream().map(FormatFile::name).toList(), imported, protocolTag));
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
                    RtTablesParser.NameFile parsed = RtTablesParser.read(file.toString(), InputFile.read(file));
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
                err.println(FileImportView.oneLine(file + ":" + e.line() + ": warning: " + bad.getMessage() + "; table " + e.id()
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

}

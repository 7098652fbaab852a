package io.routesync.cli;

import io.routesync.config.state.LoadedState;
import io.routesync.formats.export.ExportFile;
import io.routesync.formats.export.ExportFormat;
import io.routesync.formats.export.ExportInput;
import io.routesync.formats.export.Exported;
import io.routesync.formats.export.NetplanWriter;
import io.routesync.formats.export.Refusal;
import io.routesync.model.Interface;
import io.routesync.model.InvalidValueException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code routesync export}: the desired state as netplan, systemd-networkd or ifupdown configuration. */
@Command(name = "export", sortOptions = false,
        description = {"Write the desired state (-f, --var) as another tool's configuration: netplan YAML (netplan 0.106),"
                + " systemd-networkd .network files (systemd 252) or ifupdown interfaces stanzas, routes and rules per"
                + " interface. An entry the format cannot express is an error that names it and why; nothing is written"
                + " then. Touches no host. See docs/export-formats.md."},
        footer = {"", "Exit codes: 0 written, 64 bad command line, 65 invalid state, or entries the format cannot express"
                + " (nothing written), 1 the output directory could not be written."})
final class ExportCommand implements Callable<Integer> {
    /** The words of --to; lower case so picocli's completion and help list them as typed. */
    enum Format { netplan, networkd, interfaces }

    @Spec
    CommandSpec spec;

    @Option(names = "--to", paramLabel = "FORMAT", required = true,
            description = "The format: ${COMPLETION-CANDIDATES}.")
    Format to;

    @Mixin
    StateOptions state;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the files into DIR (created if missing; files of the same name are replaced) instead of"
                    + " printing them.")
    Path out;

    @Option(names = "--interface", paramLabel = "NAME",
            description = "The interface for a rule or route that names none and whose table's routes do not name exactly"
                    + " one (default: refuse such entries).")
    String fallback;

    @Override
    public Integer call() throws Exception {
        if (state.usesInventory()) {
            throw new UserError(ExitCodes.USAGE, "export writes one host's state: give it with -f FILE (and --var), not -i");
        }
        ExportFormat format = ExportFormat.valueOf(to.name().toUpperCase(Locale.ROOT));
        Interface anchor = fallbackInterface();
        LoadedState loaded = state.load();
        Exported exported = format.write(new ExportInput(loaded.state(), state.protocolTag(), loaded.names(), anchor));
        if (!exported.refused().isEmpty()) throw refused(format, exported);
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            String separator = "";
            for (ExportFile f : exported.files()) {
                stdout.print(separator + f.text());
                separator = "\n";
            }
        } else {
            for (ExportFile f : exported.files()) stdout.println("wrote " + write(f));
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private Interface fallbackInterface() throws UserError {
        if (fallback == null) return null;
        try {
            return Interface.of(fallback);
        } catch (InvalidValueException e) {
            throw new UserError(ExitCodes.USAGE, "--interface " + fallback + ": " + e.getMessage());
        }
    }

    private static UserError refused(ExportFormat format, Exported exported) {
        int n = exported.refused().size();
        StringBuilder message = new StringBuilder(256).append(format.target()).append(" cannot express ")
                .append(n == 1 ? "1 entry" : n + " entries").append(" of the state, so nothing was written:");
        for (Refusal r : exported.refused()) message.append("\n  ").append(r.format());
        message.append("\nExport to another format (interfaces expresses every entry that names or gets an interface),"
                + " or leave these entries out of the state given to export (docs/export-formats.md).");
        return new UserError(ExitCodes.DATA, message.toString());
    }

    private Path write(ExportFile f) throws UserError {
        Path file = out.resolve(f.name());
        try {
            Files.createDirectories(out);
            Files.writeString(file, f.text());
            // netplan warns about configuration that others can read (it may hold secrets)
            String mode = f.name().equals(NetplanWriter.FILE) ? "rw-------" : "rw-r--r--";
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        } catch (IOException | UnsupportedOperationException e) {
            throw new UserError(ExitCodes.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}

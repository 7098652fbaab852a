package io.routesync.cli;

import io.routesync.config.Diagnostic;
import io.routesync.config.inventory.DirectorySource;
import io.routesync.config.inventory.Host;
import io.routesync.config.inventory.Inventory;
import io.routesync.render.InventoryGraphView;
import io.routesync.render.InventoryJsonView;
import io.routesync.run.InventoryDirectory;
import io.routesync.run.SourceNames;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code routesync inventory}: what routesync read from an inventory, shaped like
 * {@code ansible-inventory} (--list, --host, --graph), to debug an inventory or compare the two.
 */
@Command(name = "inventory", sortOptions = false,
        description = {"Show what routesync reads from an inventory, like ansible-inventory: --list (JSON of groups and every host's"
            + " variables), --host NAME (one host's variables, and what routesync makes of them), or --graph. Variables are shown"
            + " as written (untemplated), like ansible-inventory. Touches no host."},
        footer = {"", "Exit codes: 0 ok, 64 bad command line, 65 invalid inventory, or a host or group it does not have."})
final class InventoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE", required = true, description = "The inventory file (YAML or INI).")
    Path inventory;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--list", description = "Every group and host, like ansible-inventory --list.")
        boolean list;

        @Option(names = "--host", paramLabel = "NAME", description = "One host's variables, like ansible-inventory --host.")
        String host;

        @Option(names = "--graph", arity = "0..1", paramLabel = "GROUP", fallbackValue = "all",
                description = "The tree of groups and hosts below GROUP (default all), like ansible-inventory --graph.")
        String graph;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path file = inventory.toAbsolutePath().normalize();
        java.util.Optional<String> other = DirectorySource.otherKind(file);
        if (other.isPresent()) {
            throw new UserError(ExitCodes.DATA, inventory + ": this is " + other.get() + ", not an inventory file");
        }
        if (!Files.isRegularFile(file)) throw new UserError(ExitCodes.USAGE, inventory + ": no such inventory file");
        InventoryDirectory directory = InventoryDirectory.of(file);
        SourceNames names = directory.names();
        Inventory inv = directory.read();
        for (Diagnostic w : names.shown(inv.warnings())) err.println(w.format());
        if (action.list) {
            out.println(InventoryJsonView.list(inv));
        } else if (action.host != null) {
            Host h = inv.host(action.host).orElseThrow(() -> new UserError(ExitCodes.DATA, "host '" + action.host + "' is not in " + inventory));
            out.println(InventoryJsonView.host(h));
            // what routesync would say about the host if a run selected it
            for (Diagnostic d : names.shown(h.problems())) err.println(new Diagnostic(d.severity(), d.pos(), "host " + h.name() + ": " + d.message(), d.fix()).format());
        } else {
            if (!inv.groups().containsKey(action.graph)) throw new UserError(ExitCodes.DATA, "no group '" + action.graph + "' in " + inventory);
            out.print(InventoryGraphView.render(inv, action.graph));
        }
        out.flush();
        return ExitCodes.OK;
    }
}

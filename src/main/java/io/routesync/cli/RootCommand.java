package io.routesync.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code routesync}: the top command; everything happens in its subcommands. */
@Command(name = "routesync",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Keeps Linux policy routing (routing tables, their routes and ip rules) in a declared state,"
                + " on this host, in a network namespace, or on a fleet over SSH.", ""},
        subcommands = {
            ValidateCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            ShowCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            PullCommand.class,
            WatchCommand.class,
            ExplainCommand.class,
            InventoryCommand.class,
            ConfirmCommand.class,
            RollbackCommand.class,
            DemoCommand.class,
            CompletionCommand.class,
            BenchCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 1 failed (rolled back), 2 changes pending (--detailed-exitcode), 64 bad command"
            + " line, 65 invalid state or inventory, 69 host unreachable, 75 lock held. With -i (a fleet), the most"
            + " serious host decides: failed (1), then unreachable (69), then changes pending (2)."})
public final class RootCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of unexpected failures.")
    boolean debug;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour the output (also: NO_COLOR=1).")
    boolean noColor;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The terminal the run writes to, if any (fleet progress and line widths). */
    final Screen screen;

    RootCommand(Screen screen) {
        this.screen = screen;
    }

    RootCommand() {
        this(Screen.NONE);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package io.routesync.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code routesync}: the top command; everything happens in its subcommands. They are not in the
 * annotation but added by {@link #commandLine}: picocli builds the model of every command it is given
 * (reflection over each class, its mixins and options), the largest part of a short run's start, so a
 * run gets only the subcommand it names.
 */
@Command(name = "routesync",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Keeps Linux policy routing (routing tables, their routes and ip rules) in a declared state,"
                + " on this host, in a network namespace, or on a fleet over SSH.", ""},
        footer = {"", "Exit codes: 0 ok, 1 failed (rolled back), 2 changes pending (--detailed-exitcode), 64 bad command"
            + " line, 65 invalid state or inventory, 69 host unreachable, 75 lock held. With -i (a fleet), the most"
            + " serious host decides: failed (1), then unreachable (69), then changes pending (2)."})
public final class RootCommand implements Runnable {
    /** The subcommands, in the order help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ValidateCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            ShowCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            PullCommand.class,
            WatchCommand.class,
            ExplainCommand.class,
            TestCommand.class,
            InventoryCommand.class,
            ConfirmCommand.class,
            RollbackCommand.class,
            DemoCommand.class,
            CompletionCommand.class,
            BenchCommand.class);

    /**
     * Commands that share the state options but work on one target: they refuse -i and --limit with a
     * sentence that says what to do instead, so the options still parse there, but help, man pages and
     * completion do not offer them.
     */
    private static final Set<Class<?>> ONE_TARGET = Set.of(ExportCommand.class, WatchCommand.class);

    private static void hideInventoryOptions(CommandLine sub) {
        CommandSpec spec = sub.getCommandSpec();
        // removed and added again in their order, so every option keeps its place in the model
        List<OptionSpec> options = List.copyOf(spec.options());
        for (OptionSpec o : options) spec.remove(o);
        for (OptionSpec o : options) {
            boolean inventory = List.of(o.names()).contains("-i") || List.of(o.names()).contains("--limit");
            spec.addOption(inventory ? o.toBuilder().hidden(true).build() : o);
        }
    }

    /** Top-level options that neither print help nor take a value: they may come before the subcommand's name. */
    private static final Set<String> PLAIN_FLAGS = Set.of("--debug", "--no-color", "-V", "--version");

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

    /** routesync with every subcommand: for help, completion scripts and man pages. */
    static CommandLine commandLine(RootCommand root) {
        return withSubcommands(root, SUBCOMMANDS);
    }

    /**
     * The top command with {@code subs}, built in the order picocli builds annotated subcommands, so
     * each one lists the inherited options as before: --debug and --no-color, then -h and -V.
     */
    private static CommandLine withSubcommands(RootCommand root, List<Class<?>> subs) {
        CommandLine cli = new CommandLine(root);
        cli.getCommandSpec().mixinStandardHelpOptions(false);
        for (Class<?> sub : subs) {
            cli.addSubcommand(sub);
            if (ONE_TARGET.contains(sub)) hideInventoryOptions(cli.getSubcommands().get(sub.getAnnotation(Command.class).name()));
        }
        // added again, last, and given to every subcommand (scope INHERIT)
        cli.getCommandSpec().mixinStandardHelpOptions(true);
        return cli;
    }

    /**
     * routesync as {@code args} need it: only the subcommand they name, none for a bare
     * {@code --version}, and every one otherwise (usage, a misspelt name's suggestions, completion,
     * which lists them all). The output is the same either way.
     */
    static CommandLine commandLine(RootCommand root, String... args) {
        int first = 0;
        while (first < args.length && PLAIN_FLAGS.contains(args[first])) first++;
        if (first == args.length && List.of(args).stream().anyMatch(a -> a.equals("-V") || a.equals("--version"))) {
            return new CommandLine(root);
        }
        if (first < args.length && !args[first].equals("completion")) {
            for (Class<?> sub : SUBCOMMANDS) {
                if (sub.getAnnotation(Command.class).name().equals(args[first])) return withSubcommands(root, List.of(sub));
            }
        }
        return commandLine(root);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

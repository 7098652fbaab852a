package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A run builds the picocli model of the subcommand it names only (RootCommand.commandLine), and a bare
 * --version none: what each prints must be what the whole model prints, to the byte, including the
 * order of the inherited options (--debug, --no-color, then -h, -V) in every command's help.
 */
class StartModelTest {
    @Test
    void aRunBuildsOnlyTheCommandItNames() {
        assertEquals(List.of("plan"), names("plan", "-f", "x.yml"));
        assertEquals(List.of("apply"), names("--debug", "--no-color", "apply"));
        assertEquals(List.of(), names("--version"));
        assertEquals(List.of(), names("--debug", "-V"));
        List<String> all = names();
        assertEquals(RootCommand.SUBCOMMANDS.size(), all.size());
        // help, a misspelt name's suggestions and completion scripts list every command
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"-h", "plan"}, new String[] {"plna"},
                new String[] {"completion", "bash"}, new String[] {"--debug"})) {
            assertEquals(all, names(args), String.join(" ", args));
        }
    }

    @Test
    void everyCommandsHelpIsTheWholeModelsHelp() {
        CommandLine whole = RootCommand.commandLine(new RootCommand());
        for (var entry : whole.getSubcommands().entrySet()) {
            String expected = entry.getValue().getUsageMessage();
            CommandLine lazy = RootCommand.commandLine(new RootCommand(), entry.getKey(), "--help");
            if (!entry.getKey().equals("completion")) assertEquals(List.of(entry.getKey()), List.copyOf(lazy.getSubcommands().keySet()));
            assertEquals(expected, lazy.getSubcommands().get(entry.getKey()).getUsageMessage(), entry.getKey() + " --help");
            for (var nested : entry.getValue().getSubcommands().entrySet()) {
                assertEquals(nested.getValue().getUsageMessage(),
                        lazy.getSubcommands().get(entry.getKey()).getSubcommands().get(nested.getKey()).getUsageMessage(),
                        entry.getKey() + " " + nested.getKey() + " --help");
            }
        }
    }

    /**
     * The order picocli gave the inherited options when the subcommands were in RootCommand's
     * annotation (checked against that build's help): --debug, --no-color, then -h, -V; pull declares
     * -h and -V itself, so they come first there. addSubcommand alone would put -h, -V first everywhere.
     */
    @Test
    void inheritedOptionsKeepTheirFormerOrder() {
        CommandLine whole = RootCommand.commandLine(new RootCommand());
        List<CommandLine> commands = new ArrayList<>(whole.getSubcommands().values());
        commands.addAll(whole.getSubcommands().get("bench").getSubcommands().values());
        for (CommandLine c : commands) {
            var options = c.getCommandSpec().options();
            List<String> last = options.subList(options.size() - 4, options.size()).stream().map(o -> o.longestName()).toList();
            List<String> expected = c.getCommandName().equals("pull") ? List.of("--help", "--version", "--debug", "--no-color")
                    : List.of("--debug", "--no-color", "--help", "--version");
            assertEquals(expected, last, c.getCommandName());
        }
    }

    /** export and watch work on one target: -i and --limit are not offered, but still refused with what to do instead. */
    @Test
    void oneTargetCommandsDoNotOfferTheInventoryOptions() {
        for (List<String> command : List.of(List.of("export", "--to", "netplan"), List.of("watch"))) {
            CliRunner.Result help = CliRunner.run(command.get(0), "--help");
            assertEquals(0, help.exitCode());
            assertEquals(false, help.out().contains("--inventory"), help.out());
            assertEquals(false, help.out().contains("--limit"), help.out());
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("-i", "inventory/hosts.yml"));
            CliRunner.Result refused = CliRunner.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, refused.exitCode(), refused::toString);
            assertEquals(true, refused.err().contains("not -i") || refused.err().contains("not an inventory"), refused::toString);
        }
        assertEquals(true, CliRunner.run("plan", "--help").out().contains("-i, --inventory=FILE"), "plan still offers -i");
    }

    @Test
    void versionPrintsWhatPicocliPrints() {
        StringWriter expected = new StringWriter();
        RootCommand.commandLine(new RootCommand()).printVersionHelp(new PrintWriter(expected, true));
        for (String flag : List.of("--version", "-V")) {
            CliRunner.Result r = CliRunner.run(flag);
            assertEquals(0, r.exitCode());
            assertEquals(expected.toString(), r.out(), flag);
            assertEquals("", r.err(), flag);
        }
    }

    private static List<String> names(String... args) {
        return new ArrayList<>(RootCommand.commandLine(new RootCommand(), args).getSubcommands().keySet());
    }
}

package io.routesync.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code routesync completion bash|zsh}: prints the shell completion script. */
@Command(name = "completion", sortOptions = false,
        description = {"Print the completion script for bash or zsh, generated from routesync's own options.",
            "bash: source <(routesync completion bash) in ~/.bashrc.",
            "zsh: routesync completion zsh > ~/.zfunc/_routesync, with ~/.zfunc in $fpath before compinit."
                + " The Debian package installs both."},
        footer = {"", "Exit codes: 0 ok, 64 bad command line."})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        picocli.CommandLine root = spec.root().commandLine();
        spec.commandLine().getOut().print(shell == Shell.bash ? Completion.bash(root) : Completion.zsh(root));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}

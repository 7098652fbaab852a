package io.routesync.cli;

import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Shell completion scripts, generated from the picocli model at run time so they never drift from
 * the options. bash: picocli's own script. zsh: the same script run by zsh's bashcompinit (picocli
 * has no native zsh generator), wrapped so it also works as an autoloaded {@code _routesync} file
 * in $fpath, which is how the Debian package installs it.
 */
public final class Completion {
    private Completion() {
    }

    /** The bash completion script for {@code root} (the top command's CommandLine). */
    public static String bash(CommandLine root) {
        String script = AutoComplete.bash(root.getCommandName(), root);
        // a completion script is sourced, never run: no "#!/usr/bin/env bash" (lintian warns about one)
        return script.startsWith("#!") ? script.substring(script.indexOf('\n') + 1) : script;
    }

    /** The zsh completion script: a {@code #compdef} file that can also be sourced. */
    public static String zsh(CommandLine root) {
        String name = root.getCommandName();
        String bash = bash(root);
        // zsh only autoloads a file whose first line is #compdef
        return "#compdef " + name + "\n"
                + "# zsh completion for " + name + ": picocli's bash completion, run by zsh's bashcompinit.\n"
                + "# Install: put this file as _" + name + " in a directory of $fpath (the Debian package uses\n"
                + "# /usr/share/zsh/vendor-completions), or source it from ~/.zshrc.\n"
                + "#\n"
                // the functions below are parsed before picocli's `alias compopt=complete` exists, so an
                // autoloaded copy would call a missing command: zsh has no compopt, a no-op is right
                + "(( $+functions[compopt] )) || compopt() { :; }\n"
                + bash
                + "\n# Autoloaded from $fpath, this file is the body of _" + name + " and the `complete` line above has\n"
                + "# only now registered the completer: run it for this first TAB too.\n"
                + "if [[ -n $ZSH_VERSION && ${funcstack[1]-} == _" + name + " ]]; then\n"
                + "  _bash_complete -F _complete_" + name + " -o default\n"
                + "fi\n";
    }
}

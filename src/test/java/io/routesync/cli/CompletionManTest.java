package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completion scripts and man pages come from the picocli model: this walks the model (every visible
 * command, every visible option name) and finds each in the bash and zsh completion and in the
 * command's man page, so neither can drift from the options.
 */
class CompletionManTest {
    private static final String VERSION = "9.9.9-test";

    @Test
    void everyCommandAndOptionIsInBashAndZshCompletion() {
        CliRunner.Result bash = CliRunner.run("completion", "bash");
        CliRunner.Result zsh = CliRunner.run("completion", "zsh");
        assertEquals(0, bash.exitCode(), bash.toString());
        assertEquals(0, zsh.exitCode(), zsh.toString());
        assertTrue(zsh.out().startsWith("#compdef routesync\n"), "zsh autoloads only a #compdef file");
        assertTrue(bash.out().contains("complete -F _complete_routesync"), bash.out());
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (CommandSpec spec : ManPages.visible(ManPages.routesync().getCommandSpec())) {
            // picocli names each command's function after its path: _picocli_routesync_plan
            String function = "function _picocli_" + spec.qualifiedName("_") + "()";
            for (String script : List.of(bash.out(), zsh.out())) {
                if (!script.contains(function)) missing.add(function);
            }
            if (spec.parent() != null && !bash.out().contains(spec.name())) missing.add("command " + spec.name());
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) continue;
                for (String name : o.names()) {
                    checked++;
                    if (!bash.out().contains("'" + name + "'")) missing.add("bash: " + spec.qualifiedName() + " " + name);
                    if (!zsh.out().contains("'" + name + "'")) missing.add("zsh: " + spec.qualifiedName() + " " + name);
                }
            }
        }
        assertTrue(checked > 100, "walked only " + checked + " option names");
        assertEquals(List.of(), missing);
    }

    @Test
    void everyCommandHasAManPageNamingEachOfItsOptions() {
        CommandLine root = ManPages.routesync();
        Map<String, String> pages = ManPages.render(root, VERSION);
        List<String> missing = new ArrayList<>();
        for (CommandSpec spec : ManPages.visible(root.getCommandSpec())) {
            String page = pages.get(spec.qualifiedName("-") + ".1");
            if (page == null) {
                missing.add("page " + spec.qualifiedName("-") + ".1");
                continue;
            }
            if (!page.contains("routesync " + ManPages.escape(VERSION))) missing.add(spec.qualifiedName() + ": version");
            for (OptionSpec o : spec.options()) {
                if (o.hidden()) continue;
                for (String name : o.names()) {
                    if (!page.contains("\\fB" + ManPages.escape(name) + "\\fR")) missing.add(spec.qualifiedName() + " " + name);
                }
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(pages.containsKey("routesync-plan.1") && pages.containsKey("routesync-completion.1"), pages.keySet().toString());
        assertTrue(pages.keySet().stream().noneMatch(p -> p.startsWith("routesync-bench")), "hidden commands get no page");
        assertTrue(pages.get("routesync.1").contains(".SH EXIT STATUS"), pages.get("routesync.1"));
    }

    @Test
    void bashCompletesCommandsAndOptions(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("routesync.bash");
        Files.writeString(script, CliRunner.run("completion", "bash").out());
        assertEquals("plan", complete(script, "routesync", "pl"));
        assertEquals("--state --state-dir", complete(script, "routesync", "plan", "--sta"));
        assertEquals("--detailed-exitcode", complete(script, "routesync", "plan", "--detailed"));
        assertEquals("bash zsh", complete(script, "routesync", "completion", ""));
    }

    /** What bash's programmable completion offers for the last word, as the user would see it. */
    private static String complete(Path script, String... words) throws Exception {
        StringBuilder quoted = new StringBuilder();
        for (String w : words) quoted.append(" '").append(w).append("'");
        // compopt works only inside a completion bash itself started: a no-op stands in for it here
        String program = "source '" + script + "'\ncompopt() { :; }\n"
                + "COMP_WORDS=(" + quoted + " )\nCOMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
                + "_complete_routesync routesync \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\" | sort | tr '\\n' ' '\n";
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }
}

package io.routesync.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages (troff, section 1) rendered from the picocli model: one page per visible command, so
 * they never drift from the options. picocli-codegen's ManPageGenerator writes AsciiDoc, which
 * needs asciidoctor (Ruby) to become a man page; a plain troff writer keeps the build Java-only.
 */
final class ManPages {
    private ManPages() {
    }

    /** The top command as routesync runs it. */
    static CommandLine routesync() {
        return RootCommand.commandLine(new RootCommand());
    }

    /** Every visible command's page, by file name (routesync.1, routesync-plan.1, ...), in model order. */
    static Map<String, String> render(CommandLine root, String version) {
        Map<String, String> pages = new LinkedHashMap<>();
        List<CommandSpec> all = visible(root.getCommandSpec());
        for (CommandSpec spec : all) pages.put(pageName(spec) + ".1", page(spec, all, version));
        return pages;
    }

    /** The command and its non-hidden subcommands, depth first. */
    static List<CommandSpec> visible(CommandSpec spec) {
        List<CommandSpec> out = new ArrayList<>();
        out.add(spec);
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            // aliases map to the same CommandLine: list each command once
            if (s.usageMessage().hidden() || out.contains(s)) continue;
            for (CommandSpec d : visible(s)) if (!out.contains(d)) out.add(d);
        }
        return out;
    }

    static String pageName(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    private static String page(CommandSpec spec, List<CommandSpec> all, String version) {
        StringBuilder b = new StringBuilder();
        String name = pageName(spec);
        String[] description = spec.usageMessage().description();
        b.append(".TH \"").append(name.toUpperCase(java.util.Locale.ROOT)).append("\" 1 \"\" \"routesync ")
                .append(escape(version)).append("\" \"routesync manual\"\n");
        b.append(".SH NAME\n").append(escape(name)).append(" \\- ")
                .append(escape(description.length == 0 ? spec.qualifiedName() : firstSentence(text(description[0])))).append('\n');
        b.append(".SH SYNOPSIS\n.nf\n");
        CommandLine.Help help = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        String synopsis = help.synopsis(0).replaceFirst("^Usage: ", "").strip();
        for (String line : synopsis.split("\n")) b.append(escape(line.strip())).append('\n');
        b.append(".fi\n");
        b.append(".SH DESCRIPTION\n");
        paragraphs(b, description);
        List<PositionalParamSpec> params = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) if (!p.hidden()) params.add(p);
        if (!params.isEmpty()) {
            b.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : params) {
                b.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n");
                paragraphs(b, p.description());
            }
        }
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) if (!o.hidden()) options.add(o);
        if (!options.isEmpty()) {
            b.append(".SH OPTIONS\n");
            for (OptionSpec o : options) {
                b.append(".TP\n");
                List<String> names = new ArrayList<>();
                for (String n : o.names()) names.add("\\fB" + escape(n) + "\\fR");
                b.append(String.join(", ", names));
                if (o.arity().max() > 0) b.append(' ').append("\\fI").append(escape(o.paramLabel())).append("\\fR");
                b.append('\n');
                paragraphs(b, o.description());
            }
        }
        List<CommandSpec> subs = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (!s.usageMessage().hidden() && !subs.contains(s)) subs.add(s);
        }
        if (!subs.isEmpty()) {
            b.append(".SH COMMANDS\n");
            for (CommandSpec s : subs) {
                String[] d = s.usageMessage().description();
                b.append(".TP\n\\fB").append(escape(pageName(s))).append("\\fR(1)\n")
                        .append(escape(d.length == 0 ? "" : text(d[0]))).append('\n');
            }
        }
        String[] footer = spec.usageMessage().footer();
        if (String.join("", footer).contains("Exit codes")) {
            b.append(".SH EXIT STATUS\n");
            paragraphs(b, footer);
        } else if (!String.join("", footer).isBlank()) {
            b.append(".SH NOTES\n");
            paragraphs(b, footer);
        }
        b.append(".SH SEE ALSO\n");
        List<String> see = new ArrayList<>();
        if (spec.parent() == null) {
            for (CommandSpec s : all) if (s != spec) see.add("\\fB" + escape(pageName(s)) + "\\fR(1)");
        } else {
            see.add("\\fBroutesync\\fR(1)");
        }
        see.add("\\fBip\\-rule\\fR(8)");
        see.add("\\fBip\\-route\\fR(8)");
        b.append(String.join(",\n", see)).append('\n');
        return b.toString();
    }

    private static void paragraphs(StringBuilder b, String[] lines) {
        boolean first = true;
        for (String raw : lines) {
            String t = text(raw);
            if (t.isBlank()) continue;
            if (!first) b.append(".PP\n");
            for (String line : t.split("\n")) if (!line.isBlank()) b.append(escape(line.strip())).append('\n');
            first = false;
        }
    }

    /** picocli's description markup as plain text: %n line breaks, %% percent, @|style text|@ as text. */
    static String text(String s) {
        return s.replace("%n", "\n").replace("%%", "%").replaceAll("@\\|[\\w,]+ (.*?)\\|@", "$1");
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        return (dot < 0 ? s : s.substring(0, dot)).replaceAll("\\.$", "");
    }

    /** troff-safe text: backslashes, minus signs, and a leading dot or quote that would read as a request. */
    static String escape(String s) {
        String e = s.replace("\\", "\\e").replace("-", "\\-");
        return e.startsWith(".") || e.startsWith("'") ? "\\&" + e : e;
    }
}

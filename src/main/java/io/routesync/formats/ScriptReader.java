package io.routesync.formats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell script of {@code ip} commands ({@code /etc/rc.local}, a hand-written setup script) or an
 * {@code ip -batch} file, read top to bottom as {@code sh} would run it, without running it: {@code
 * NAME=value} (and {@code export}/{@code readonly} ones) set variables that later lines use; {@code ip}
 * lines and batch lines become entries; {@code exit} ends the script. What the shell decides while it
 * runs is listed instead of guessed: lines inside {@code if}/{@code for}/{@code while}/{@code case}
 * blocks and functions, values of {@code $(...)}, arguments, anything not set earlier in the file. The
 * here-document of {@code ip [-4|-6] -batch - <<EOF} is read as batch lines; any other here-document is
 * data, noted line by line.
 */
final class ScriptReader {
    private static final Pattern ASSIGNMENT = Pattern.compile("^[ \t]*(?:(?:export|readonly)[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern FIRST = Pattern.compile("^[ \t]*([^ \t;&|<>()]*)");
    private static final Pattern OPENS = Pattern.compile("if|for|while|until|case|select|function|\\{|[A-Za-z_][A-Za-z0-9_]*\\(\\)");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");
    /** {@code ip [-4|-6] -batch - <<WORD}: the here-document is ip's batch input. */
    private static final Pattern IP_BATCH = Pattern.compile("^[ \t]*(?:/(?:usr/)?s?bin/)?ip((?:[ \t]+-[46])*)[ \t]+-b(?:atch)?[ \t]+-[ \t]*<<");
    private static final Pattern CLOSES = Pattern.compile(".*(^|[ \t;])(fi|done|esac|\\})[ \t]*(#.*)?$");

    private ScriptReader() {
    }

    static void read(List<FormatFile> files, Entries into) {
        for (FormatFile f : files) file(f, into);
    }

    private static void file(FormatFile f, Entries into) {
        Map<String, String> vars = new HashMap<>();
        int depth = 0;
        int blockLine = 0;
        List<LogicalLine> lines = LogicalLine.of(f.name(), f.text(), true);
        HereDocument here = null;
        for (int n = 0; n < lines.size(); n++) {
            LogicalLine line = lines.get(n);
            String text = line.text();
            String trimmed = text.strip();
            if (here != null) {
                if ((here.dash ? text.replaceFirst("^\t+", "") : text).equals(here.end)) here = null;
                else here.line(line, vars, into);
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
            Matcher h = HEREDOC.matcher(text);
            if (depth == 0 && h.find()) {
                Matcher batch = IP_BATCH.matcher(text);
                here = new HereDocument(h.group(3), !h.group(1).isEmpty(), line.number(), batch.find() ? batch.group(1).strip() : null);
                if (here.ipOptions != null) continue; // the lines that follow are the command's input
            }
            Matcher first = FIRST.matcher(text);
            String word = first.find() ? first.group(1) : "";
            boolean opens = OPENS.matcher(word).matches() || trimmed.matches("[A-Za-z_][A-Za-z0-9_]*[ \t]*\\(\\).*");
            boolean closes = CLOSES.matcher(trimmed).matches();
            if (opens && depth == 0) blockLine = line.number();
            if (opens || depth > 0) {
                into.problem(line.start(), depth == 0 && opens
                        ? "'" + word + "' starts shell control flow (to its end): whether and how often its lines run is decided"
                                + " when the script runs, which routesync does not do; the lines in it are not read"
                        : "inside the block that starts at line " + blockLine + ": not read (whether it runs is decided when the"
                                + " script runs)", "write the entries that should always exist as plain ip lines outside the block");
                if (opens && !closes) depth++;
                if (closes && !opens) depth--;
                continue;
            }
            Matcher a = ASSIGNMENT.matcher(text);
            if (a.find()) {
                assign(line, a, vars, into);
                continue;
            }
            if (word.equals("set") || word.equals("true") || word.equals(":") || word.equals("export")) continue;
            if (word.equals(".") || word.equals("source")) {
                into.problem(line.start(), "'" + word + "' runs another file in this shell: its variables and commands are not read"
                        + " here", "import that file too (--from script FILE...), with the variables it needs set in it");
                continue;
            }
            if (word.equals("exit")) {
                for (int k = n + 1; k < lines.size(); k++) {
                    String rest = lines.get(k).text().strip();
                    if (!rest.isEmpty() && !rest.startsWith("#")) {
                        into.problem(lines.get(k).start(), "after 'exit' at line " + line.number() + ": the script never runs this",
                                "move it before the exit if it should run");
                        break;
                    }
                }
                return;
            }
            Commands.read(line, 0, vars, into, Entries.Phase.UP, "the script", true);
        }
    }

    /** The text after a {@code <<WORD} line up to WORD: ip batch input, or data of another command. */
    private static final class HereDocument {
        final String end;
        final boolean dash;
        final int startLine;
        /** The options of {@code ip [-4|-6] -batch -}, or null when the text is not ip's. */
        final String ipOptions;

        HereDocument(String end, boolean dash, int startLine, String ipOptions) {
            this.end = end;
            this.dash = dash;
            this.startLine = startLine;
            this.ipOptions = ipOptions;
        }

        void line(LogicalLine line, Map<String, String> vars, Entries into) {
            String t = line.text().strip();
            if (t.isEmpty() || t.startsWith("#")) return;
            if (ipOptions == null) {
                into.note(line.start(), "text of the here-document at line " + startLine + ": input of that command, not commands",
                        "nothing to do, unless that command makes routing");
                return;
            }
            List<Word> words;
            try {
                words = new ArrayList<>(ShellLine.words(line, 0, vars));
            } catch (ShellLine.Unreadable e) {
                into.problem(line.at(e.column), e.getMessage(), "write the line with literal values or variables this file sets");
                return;
            }
            List<Word> options = new ArrayList<>();
            for (String o : ipOptions.isEmpty() ? new String[0] : ipOptions.split("[ \t]+")) options.add(new Word(o, line.start()));
            words.addAll(0, options);
            IpCommand.read(words, 0, line.start(), into, Entries.Phase.UP);
        }
    }

    /** {@code NAME=value}: the value as one shell word (quotes, earlier variables); null when it cannot be known. */
    private static void assign(LogicalLine line, Matcher a, Map<String, String> vars, Entries into) {
        String name = a.group(1);
        String rest = line.text().substring(a.end());
        if ((rest.startsWith(" ") || rest.startsWith("\t")) && !rest.isBlank()) {
            // 'NAME= cmd' runs cmd with NAME empty in its environment
            vars.put(name, null);
            into.problem(line.at(a.end() + 1), "'" + name + "=' followed by a command: not read", "one NAME=\"value\" per line");
            return;
        }
        try {
            List<Word> value = ShellLine.words(line, a.end(), vars);
            if (value.size() > 1) {
                vars.put(name, null);
                into.problem(value.get(1).pos(), "more than an assignment on this line (a command, or a value with blanks not"
                        + " quoted): not read", "one NAME=\"value\" per line");
                return;
            }
            // a value starting with a blank is an empty assignment followed by a command in sh; kept as one word here
            vars.put(name, value.isEmpty() ? "" : value.get(0).text());
        } catch (ShellLine.Unreadable e) {
            vars.put(name, null);
            into.note(line.at(e.column), "$" + name + " gets a value only known when the script runs (" + e.getMessage()
                    + "); lines that use it are listed", "set it to a literal value");
        }
    }
}

package io.routesync.formats;

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
 * blocks and functions, values of {@code $(...)}, arguments, anything not set earlier in the file.
 */
final class ScriptReader {
    private static final Pattern ASSIGNMENT = Pattern.compile("^[ \t]*(?:(?:export|readonly)[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern FIRST = Pattern.compile("^[ \t]*([^ \t;&|<>()]*)");
    private static final Pattern OPENS = Pattern.compile("if|for|while|until|case|select|function|\\{|[A-Za-z_][A-Za-z0-9_]*\\(\\)");
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
        for (int n = 0; n < lines.size(); n++) {
            LogicalLine line = lines.get(n);
            String text = line.text();
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) continue;
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

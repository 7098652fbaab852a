package io.routesync.config.inventory;

import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.SourcePos;
import io.routesync.config.yaml.YamlNode;
import io.routesync.config.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an INI inventory value into the same kind of value a YAML inventory gives. Ansible reads INI
 * values with Python's literal_eval: a quoted string loses its quotes and {@code ['a', 'b']} becomes a
 * list. Here a quoted string is unquoted and a value starting with '[' or '{' is read as a YAML flow
 * collection (which Python's list and dict literals are); anything else stays text, as in Ansible when
 * literal_eval fails. Numbers and booleans stay text too, as every inventory value does here.
 */
final class IniValues {
    private IniValues() {
    }

    /**
     * A value from a {@code [group:vars]} line: everything after '='. Ansible keeps a trailing
     * {@code # comment} as part of the value, except where Python's literal_eval reads the value
     * anyway because it skips comments ({@code True # c}, {@code 22 # c}, {@code 'a' # c}).
     */
    static YamlNode fromVarsLine(String raw, SourcePos pos) {
        int lead = 0;
        while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) lead++;
        String whole = raw.substring(lead).strip();
        String uncommented = stripComment(whole).strip();
        String text = uncommented.equals(whole) || pythonLiteral(uncommented) ? uncommented : whole;
        return literal(text, pos.plusColumns(lead));
    }

    private static final java.util.regex.Pattern PYTHON_NUMBER = java.util.regex.Pattern.compile("[-+]?(0|[1-9][0-9_]*)(\\.[0-9]*)?([eE][-+]?[0-9]+)?");

    // What literal_eval reads with a comment after it: a string, a number, True/False/None, a list or dict.
    private static boolean pythonLiteral(String text) {
        if (pythonString(text) != null || PYTHON_NUMBER.matcher(text).matches()) return true;
        if (text.equals("True") || text.equals("False") || text.equals("None")) return true;
        if (text.startsWith("[") || text.startsWith("{")) {
            try {
                YamlReader.read(new SourceFile("-", text));
                return true;
            } catch (InvalidInputException e) {
                return false;
            }
        }
        return false;
    }

    /** A value from a host line, already split and unquoted like a shell word. */
    static YamlNode fromHostLine(String word, SourcePos pos) {
        return literal(word, pos);
    }

    private static YamlNode literal(String text, SourcePos pos) {
        String unquoted = pythonString(text);
        if (unquoted != null) return new YamlNode.Scalar(pos, unquoted);
        if (text.startsWith("[") || text.startsWith("{")) {
            try {
                return shift(YamlReader.read(new SourceFile(pos.file(), text)), pos);
            } catch (InvalidInputException e) {
                // not a collection after all: Ansible keeps such a value as a string, and so do we
            }
        }
        return new YamlNode.Scalar(pos, text);
    }

    /** The text inside a single Python string literal ('...' or "..."), or null when it is not one. */
    private static String pythonString(String text) {
        if (text.length() < 2) return null;
        char quote = text.charAt(0);
        if ((quote != '\'' && quote != '"') || text.charAt(text.length() - 1) != quote) return null;
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c == quote) return null; // two literals side by side, or a stray quote: not one string
            if (c == '\\' && i + 1 < text.length() - 1) {
                char next = text.charAt(++i);
                switch (next) {
                    case 'n': out.append('\n'); break;
                    case 't': out.append('\t'); break;
                    case '\\': case '\'': case '"': out.append(next); break;
                    default: out.append('\\').append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // A ';' or '#' after whitespace and outside quotes starts a comment (Ansible's own INI examples
    // write "has_java = True # comment", which its literal_eval happens to accept).
    private static String stripComment(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if ((c == '#' || c == ';') && i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    // The flow text was read as a one-line file of its own: move its positions to where it sits in the INI line.
    private static YamlNode shift(YamlNode node, SourcePos base) {
        SourcePos at = base.plusColumns(node.pos().column() - 1);
        if (node instanceof YamlNode.Scalar) return new YamlNode.Scalar(at, ((YamlNode.Scalar) node).text());
        if (node instanceof YamlNode.Sequence) {
            List<YamlNode> items = new ArrayList<>();
            for (YamlNode item : ((YamlNode.Sequence) node).items()) items.add(shift(item, base));
            return new YamlNode.Sequence(at, items);
        }
        if (node instanceof YamlNode.Mapping) {
            List<YamlNode.Field> fields = new ArrayList<>();
            for (YamlNode.Field f : ((YamlNode.Mapping) node).fields()) {
                fields.add(new YamlNode.Field(f.key(), base.plusColumns(f.keyPos().column() - 1), shift(f.value(), base)));
            }
            return new YamlNode.Mapping(at, fields);
        }
        throw new AssertionError(node);
    }
}

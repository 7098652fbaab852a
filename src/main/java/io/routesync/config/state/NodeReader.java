package io.routesync.config.state;

import io.routesync.config.SourcePos;
import io.routesync.config.Variables;
import io.routesync.config.yaml.YamlNode;
import java.util.List;

/**
 * Reads the values of one state file: checks node kinds, substitutes variables and cuts scalars into
 * the words the grammar takes. Every problem becomes a diagnostic; the methods return null then.
 */
final class NodeReader {
    /** The file's text and where its lines start (not a copy of every line: a large file has many). */
    private final ScalarPlace.Lines lines;
    private final VariableSubstitution template;
    private final Problems problems;

    NodeReader(String content, Variables variables, Problems problems) {
        this.lines = new ScalarPlace.Lines(content);
        this.template = new VariableSubstitution(variables, problems);
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** The node as a mapping, or null after an error; {@code what} says what it should hold. */
    YamlNode.Mapping mapping(YamlNode node, String name, String what, String fix) {
        if (node instanceof YamlNode.Mapping) return (YamlNode.Mapping) node;
        problems.error(node.pos(), "'" + name + "' must be a mapping (" + what + "), not " + kind(node), fix);
        return null;
    }

    /** The node as a list; a YAML null (an empty section) is an empty list. */
    List<YamlNode> list(YamlNode node, String name, String what) {
        if (node instanceof YamlNode.Sequence) return ((YamlNode.Sequence) node).items();
        if (isEmpty(node)) return List.of();
        problems.error(node.pos(), "'" + name + "' must be a list (" + what + "), not " + kind(node),
                "write each item on its own line starting with '- '");
        return null;
    }

    /** A scalar's text with variables substituted (null after an error). */
    Expanded expand(YamlNode.Scalar scalar) {
        return template.expand(scalar, ScalarPlace.of(scalar, lines));
    }

    /**
     * An iproute2 shorthand string cut into words, each with its own column. Every variable must fill
     * exactly one word, as in the structured form: a value with spaces would add keywords of its own
     * ({@code dev: "eth1 metric 5 onlink"}), an empty one would shift the words after it.
     */
    List<Token> words(YamlNode.Scalar scalar) {
        Expanded e = expand(scalar);
        if (e == null) return null;
        boolean ok = true;
        for (Expanded.Substitution s : e.substitutions()) {
            String value = e.text().substring(s.from(), s.to());
            if (value.isEmpty()) {
                problems.error(e.posOf(s), "variable '" + s.name() + "' is empty, and in a shorthand entry each variable must be one word",
                        "give the variable a value");
                ok = false;
            } else if (value.chars().anyMatch(Character::isWhitespace)) {
                problems.error(e.posOf(s), "variable '" + s.name() + "' puts \"" + value + "\" into a shorthand entry, where each variable must be one word",
                        "give the variable a value without spaces; several words need a variable each");
                ok = false;
            }
        }
        return ok ? e.words() : null;
    }

    /**
     * The value of {@code field} as exactly one word: one token for the grammar. Empty values and values
     * with whitespace are refused, so a value can never smuggle in extra keywords.
     */
    Token word(YamlNode.Field field) {
        YamlNode node = field.value();
        if (!(node instanceof YamlNode.Scalar)) {
            problems.error(node.pos(), "'" + field.key() + "' takes a single value, not " + kind(node),
                    "one value per key; for several values, write one entry for each");
            return null;
        }
        YamlNode.Scalar scalar = (YamlNode.Scalar) node;
        if (scalar.isNull() || scalar.text().isBlank()) {
            problems.error(field.keyPos(), "'" + field.key() + "' has no value", "give it a value or remove the key");
            return null;
        }
        Expanded e = expand(scalar);
        if (e == null) return null;
        if (e.text().isEmpty()) {
            Expanded.Substitution s = e.substitutionAt(0);
            problems.error(e.start(), "'" + field.key() + "' is empty after substituting variable '"
                    + (s == null ? "?" : s.name()) + "'", "give the variable a value");
            return null;
        }
        int space = e.firstWhitespace();
        if (space >= 0) {
            Expanded.Substitution s = e.substitutionAt(space);
            if (s != null) {
                problems.error(e.posOf(s), "variable '" + s.name() + "' puts \"" + e.text() + "\" into '" + field.key()
                        + "', which takes one word", "give the variable a value without spaces");
            } else {
                problems.error(e.posAt(space), "'" + field.key() + "' takes one word, not \"" + e.text() + "\"",
                        "one value per key; write further options as keys of their own");
            }
            return null;
        }
        return Token.whole(e); // placed when a diagnostic asks: the file's lines need not be counted
    }

    /** A yes/no key: {@code true} or {@code false}. */
    Boolean bool(YamlNode.Field field) {
        Token t = word(field);
        if (t == null) return null;
        if (t.text().equals("true")) return Boolean.TRUE;
        if (t.text().equals("false")) return Boolean.FALSE;
        problems.error(t.pos(), "'" + field.key() + "' is true or false, not '" + t.text() + "'", "write true or false");
        return null;
    }

    void error(SourcePos pos, String message, String fix) {
        problems.error(pos, message, fix);
    }

    /** True for a value left out ({@code key:} with nothing after it, {@code ~}, {@code ""}): an empty section. */
    static boolean isEmpty(YamlNode node) {
        return node instanceof YamlNode.Scalar && (((YamlNode.Scalar) node).isNull() || ((YamlNode.Scalar) node).text().isEmpty());
    }

    static String kind(YamlNode node) {
        if (isEmpty(node)) return "empty";
        return node.kind();
    }
}

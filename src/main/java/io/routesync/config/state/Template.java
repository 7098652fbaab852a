package io.routesync.config.state;

import io.routesync.config.Nearest;
import io.routesync.config.Variables;
import io.routesync.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes {@code {{ name }}} in a scalar, whole or embedded ({@code "{{ net }}.0/24"}). Only plain
 * names: filters and expressions would make a state mean different things on different tools.
 */
final class Template {
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private final Variables variables;
    private final Problems problems;

    Template(Variables variables, Problems problems) {
        this.variables = variables;
        this.problems = problems;
    }

    /** The scalar's text with its variables substituted, or null after reporting why it cannot be. */
    Expanded expand(YamlNode.Scalar scalar, ScalarPlace place) {
        String raw = scalar.text() == null ? "" : scalar.text();
        StringBuilder text = new StringBuilder(raw.length());
        List<Integer> origin = new ArrayList<>(raw.length());
        List<Expanded.Substitution> substitutions = new ArrayList<>();
        boolean ok = true;
        int i = 0;
        while (i < raw.length()) {
            int open = raw.indexOf("{{", i);
            int literalEnd = open < 0 ? raw.length() : open;
            for (int k = i; k < literalEnd; k++) {
                text.append(raw.charAt(k));
                origin.add(k);
            }
            if (open < 0) break;
            int close = raw.indexOf("}}", open + 2);
            if (close < 0) {
                problems.error(place.at(open), "'{{' is not closed in \"" + raw + "\"",
                        "write a variable as {{ name }}, with the closing '}}'");
                return null;
            }
            String reference = raw.substring(open, close + 2);
            Matcher m = REFERENCE.matcher(reference);
            i = close + 2;
            if (!m.matches()) {
                problems.error(place.at(open), "'" + reference + "' is not a variable reference",
                        "write {{ name }} with a plain name (letters, digits, '_'); filters and expressions are not supported");
                ok = false;
                continue;
            }
            String name = m.group(1);
            String value = variables.lookup(name);
            if (value == null) {
                String near = Nearest.word(name, variables.names());
                problems.error(place.at(open), "variable '" + name + "' is not defined " + variables.origin(),
                        variables.howToDefine(name) + (near == null ? ", or correct the name" : ", or correct the name (did you mean '" + near + "'?)"));
                ok = false;
                continue;
            }
            substitutions.add(new Expanded.Substitution(name, open, text.length(), text.length() + value.length()));
            for (int k = 0; k < value.length(); k++) {
                text.append(value.charAt(k));
                origin.add(open);
            }
        }
        if (!ok) return null;
        int[] offsets = origin.stream().mapToInt(Integer::intValue).toArray();
        return new Expanded(text.toString(), offsets, substitutions, place);
    }
}

package io.routesync.config.state;

import io.routesync.config.ExpansionBudget;
import io.routesync.config.Nearest;
import io.routesync.config.Template;
import io.routesync.config.Variables;
import io.routesync.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Substitutes {@code {{ name }}} in a scalar, whole or embedded ({@code "{{ net }}.0/24"}), with the
 * references {@link Template} finds. Only plain names: filters and expressions would make a state mean
 * different things on different tools.
 */
final class VariableSubstitution {
    private final Variables variables;
    private final Problems problems;
    private final ExpansionBudget budget = new ExpansionBudget(ExpansionBudget.STATE_FILE_LIMIT);

    VariableSubstitution(Variables variables, Problems problems) {
        this.variables = variables;
        this.problems = problems;
    }

    /** The scalar's text with its variables substituted, or null after reporting why it cannot be. */
    Expanded expand(YamlNode.Scalar scalar, ScalarPlace place) {
        String raw = scalar.text() == null ? "" : scalar.text();
        // most values have no template at all: their text is their own, character for character
        if (!Template.isTemplate(raw)) return Expanded.literal(raw, place);
        StringBuilder text = new StringBuilder(raw.length());
        List<Integer> origin = new ArrayList<>(raw.length());
        List<Expanded.Substitution> substitutions = new ArrayList<>();
        boolean ok = true;
        for (Template.Part part : Template.parse(raw)) {
            if (part instanceof Template.Literal) {
                String literal = ((Template.Literal) part).text();
                for (int k = 0; k < literal.length(); k++) {
                    text.append(literal.charAt(k));
                    origin.add(part.start() + k);
                }
            } else if (part instanceof Template.Unsupported) {
                Template.Unsupported u = (Template.Unsupported) part;
                if (!u.closed() && u.expression().startsWith("{{")) {
                    problems.error(place.at(u.start()), "'{{' is not closed in \"" + raw + "\"",
                            "write a variable as {{ name }}, with the closing '}}'");
                    return null;
                }
                problems.error(place.at(u.start()), "'" + u.expression() + "' is not a variable reference",
                        "write {{ name }} with a plain name (letters, digits, '_'); filters and expressions are not supported");
                ok = false;
            } else {
                Template.Reference ref = (Template.Reference) part;
                String value = variables.lookup(ref.name());
                String unusable = value == null ? variables.whyUnusable(ref.name()) : null;
                if (unusable != null) {
                    problems.error(place.at(ref.start()), "variable '" + ref.name() + "' cannot be used: " + unusable,
                            "give '" + ref.name() + "' a plain value for this host, or pass --var " + ref.name() + "=VALUE");
                    ok = false;
                    continue;
                }
                if (value == null) {
                    String near = Nearest.word(ref.name(), variables.names());
                    problems.error(place.at(ref.start()), "variable '" + ref.name() + "' is not defined " + variables.origin(),
                            variables.howToDefine(ref.name()) + (near == null ? ", or correct the name"
                                    : ", or correct the name (did you mean '" + near + "'?)"));
                    ok = false;
                    continue;
                }
                boolean first = !budget.exhausted();
                if (!budget.spend(value.length())) {
                    if (first) problems.error(place.at(ref.start()), "variable '" + ref.name() + "' makes this file's values expand to more than "
                            + budget.limit() + " characters", "write long values out instead of repeating variables");
                    return null;
                }
                substitutions.add(new Expanded.Substitution(ref.name(), ref.start(), text.length(), text.length() + value.length()));
                for (int k = 0; k < value.length(); k++) {
                    text.append(value.charAt(k));
                    origin.add(ref.start());
                }
            }
        }
        if (!ok) return null;
        int[] offsets = origin.stream().mapToInt(Integer::intValue).toArray();
        return new Expanded(text.toString(), offsets, substitutions, place);
    }
}

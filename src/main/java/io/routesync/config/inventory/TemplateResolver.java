package io.routesync.config.inventory;

import io.routesync.config.Diagnostic;
import io.routesync.config.ExpansionBudget;
import io.routesync.config.Nearest;
import io.routesync.config.SourcePos;
import io.routesync.config.Template;
import io.routesync.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves {@code {{ name }}} references inside one host's merged variables, as Ansible templates
 * them: against the host's final variables, so a host can override a name that a group's variable
 * refers to. A value that is exactly one reference takes the referenced value as it is (a list stays a
 * list); a reference inside longer text must be a single value.
 *
 * <p>Lazily, like Ansible: a variable is templated only when it is asked for, so Jinja that routesync
 * cannot evaluate (filters, facts, lookups), an undefined name, a cycle or an inline {@code !vault}
 * value is an error only for a host and a variable that routesync actually uses. {@code !unsafe}
 * values are never templated. Ansible's magic variables are given by the caller (see {@link
 * MagicVariables}) and win over the inventory's own definitions, as in Ansible. Results are cached per name.
 */
final class TemplateResolver implements Host.Templates {
    static final String UNSAFE = "!unsafe";

    private final Map<String, Variable> defined;
    private final Map<String, YamlNode> magic;
    private final Map<String, YamlNode> done = new HashMap<>();
    private final Map<String, List<Diagnostic>> failed = new HashMap<>();
    private final List<String> resolving = new ArrayList<>();
    private final ExpansionBudget budget = new ExpansionBudget(ExpansionBudget.INVENTORY_LIMIT);
    // the problems of each name being resolved, innermost last; a failure's problems go to every name that uses it,
    // each once (a variable used twice must not double them: a doubling chain would grow them exponentially)
    private final java.util.ArrayDeque<java.util.LinkedHashSet<Diagnostic>> collecting = new java.util.ArrayDeque<>();

    TemplateResolver(Map<String, Variable> defined, Map<String, YamlNode> magic) {
        this.defined = defined;
        this.magic = magic;
    }

    @Override
    public Host.Resolved resolve(String name) {
        Variable v = defined.get(name);
        YamlNode m = magic.get(name);
        if (v == null && m == null) return new Host.Resolved(Optional.empty(), List.of());
        collecting.push(new java.util.LinkedHashSet<>());
        YamlNode value = resolveName(name);
        java.util.LinkedHashSet<Diagnostic> top = collecting.pop();
        if (value == null) return new Host.Resolved(Optional.empty(), List.copyOf(failed.containsKey(name) ? failed.get(name) : top));
        SourcePos at = v != null && m == null ? v.definedAt() : value.pos();
        return new Host.Resolved(Optional.of(new Variable(name, value, at)), List.of());
    }

    // null means "could not be resolved": the reasons are in the innermost collecting set (and kept in failed)
    private YamlNode resolveName(String name) {
        if (magic.containsKey(name)) return magic.get(name);
        if (done.containsKey(name)) return done.get(name);
        List<Diagnostic> earlier = failed.get(name);
        if (earlier != null) {
            collecting.peek().addAll(earlier);
            return null;
        }
        int at = resolving.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(resolving.subList(at, resolving.size()));
            cycle.add(name);
            error(defined.get(cycle.get(0)).definedAt(), "variables refer to each other in a cycle: " + String.join(" -> ", cycle),
                    "give one of them a value that does not refer back");
            return null;
        }
        Variable v = defined.get(name);
        if (v == null) return magic.get(name);
        collecting.push(new java.util.LinkedHashSet<>());
        resolving.add(name);
        YamlNode value = resolveNode(v.value(), name);
        resolving.remove(resolving.size() - 1);
        java.util.LinkedHashSet<Diagnostic> mine = collecting.pop();
        collecting.peek().addAll(mine);
        if (value == null) failed.put(name, List.copyOf(mine));
        else done.put(name, value);
        return value;
    }

    private YamlNode resolveNode(YamlNode node, String owner) {
        if (node instanceof YamlNode.Scalar) return resolveScalar((YamlNode.Scalar) node, owner);
        boolean ok = true;
        if (node instanceof YamlNode.Sequence) {
            List<YamlNode> items = new ArrayList<>();
            for (YamlNode item : ((YamlNode.Sequence) node).items()) {
                YamlNode r = resolveNode(item, owner);
                ok &= r != null;
                items.add(r);
            }
            return ok ? new YamlNode.Sequence(node.pos(), items) : null;
        }
        if (node instanceof YamlNode.Mapping) {
            List<YamlNode.Field> fields = new ArrayList<>();
            for (YamlNode.Field f : ((YamlNode.Mapping) node).fields()) {
                YamlNode r = resolveNode(f.value(), owner);
                ok &= r != null;
                fields.add(new YamlNode.Field(f.key(), f.keyPos(), r));
            }
            return ok ? new YamlNode.Mapping(node.pos(), fields) : null;
        }
        throw new AssertionError(node);
    }

    private YamlNode resolveScalar(YamlNode.Scalar scalar, String owner) {
        if (Variable.VAULT.equals(scalar.tag())) {
            error(scalar.pos(), "variable '" + owner + "' is encrypted with ansible-vault (!vault), which routesync cannot decrypt",
                    "keep the variables routesync needs in plain text; a vaulted value is never used as its ciphertext");
            return null;
        }
        // Ansible never templates an !unsafe value: it is text, braces and all
        if (UNSAFE.equals(scalar.tag()) || !Template.isTemplate(scalar.text())) return scalar;
        List<Template.Part> parts = Template.parse(scalar.text());
        if (parts.size() == 1 && parts.get(0) instanceof Template.Reference) {
            return charged(lookup(((Template.Reference) parts.get(0)).name(), owner, scalar.pos()), owner, scalar.pos());
        }
        StringBuilder text = new StringBuilder();
        boolean ok = true;
        for (Template.Part part : parts) {
            if (part instanceof Template.Literal) {
                text.append(((Template.Literal) part).text());
            } else if (part instanceof Template.Unsupported) {
                ok = false;
                error(scalar.pos(), "variable '" + owner + "' uses '" + ((Template.Unsupported) part).expression()
                                + "', which routesync cannot evaluate",
                        "routesync resolves only {{ name }}; write the value itself, or put it in a variable and refer to that");
            } else if (part instanceof Template.Reference) {
                String name = ((Template.Reference) part).name();
                YamlNode value = charged(lookup(name, owner, scalar.pos()), owner, scalar.pos());
                if (value == null) {
                    ok = false;
                } else if (!(value instanceof YamlNode.Scalar) || ((YamlNode.Scalar) value).isNull()) {
                    ok = false;
                    boolean empty = value instanceof YamlNode.Scalar;
                    error(scalar.pos(), "variable '" + owner + "' puts '" + name + "' into text, but '" + name + "' "
                                    + (empty ? "has no value" : "is " + value.kind()),
                            empty ? "give '" + name + "' a value"
                                    : "only a single value can be part of text; write \"{{ " + name + " }}\" alone to use the whole " + value.kind().substring(2));
                } else {
                    text.append(((YamlNode.Scalar) value).text());
                }
            } else {
                throw new AssertionError(part);
            }
        }
        return ok ? new YamlNode.Scalar(scalar.pos(), text.toString()) : null;
    }

    /**
     * {@code value}, counted against the host's expansion budget; null once that is spent. Reported every
     * time: with lazy templating a failure without its own reason would look like an undefined name.
     */
    private YamlNode charged(YamlNode value, String owner, SourcePos at) {
        if (value == null) return null;
        if (budget.spend(value)) return value;
        error(at, "variable '" + owner + "' " + budget.message(), "write the value out instead of repeating variables");
        return null;
    }

    private YamlNode lookup(String name, String owner, SourcePos at) {
        if (!defined.containsKey(name) && !magic.containsKey(name)) {
            Set<String> known = new TreeSet<>(defined.keySet());
            known.addAll(magic.keySet());
            error(at, "variable '" + owner + "' refers to undefined variable '" + name + "'" + Nearest.hint(name, known),
                    MagicVariables.UNKNOWN_TO_ROUTESYNC.contains(name)
                            ? "'" + name + "' exists only while Ansible runs a play; routesync has no value for it: write the value itself"
                            : "define '" + name + "' for this host: in host_vars/, group_vars/ or the inventory");
            return null;
        }
        return resolveName(name);
    }

    private void error(SourcePos pos, String message, String fix) {
        collecting.peek().add(Diagnostic.error(pos, message, fix));
    }
}

package io.routesync.config.inventory;

import io.routesync.config.ExpansionBudget;
import io.routesync.config.Nearest;
import io.routesync.config.SourcePos;
import io.routesync.config.Template;
import io.routesync.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves {@code {{ name }}} references inside one host's merged variables, as Ansible templates
 * them: against the host's final variables, so a host can override a name that a group's variable
 * refers to. A value that is exactly one reference takes the referenced value as it is (a list stays a
 * list); a reference inside longer text must be a single value. Undefined names, cycles and Jinja
 * beyond plain names are errors at the variable's position. The magic {@code inventory_hostname} and
 * {@code inventory_hostname_short} are available unless the inventory defines them.
 */
final class TemplateResolver {
    private final String host;
    private final Map<String, Variable> defined;
    private final Map<String, YamlNode> magic = new HashMap<>();
    private final HostProblems problems;
    private final Map<String, YamlNode> done = new HashMap<>();
    private final Set<String> failed = new HashSet<>();
    private final List<String> resolving = new ArrayList<>();
    private final ExpansionBudget budget = new ExpansionBudget(ExpansionBudget.INVENTORY_LIMIT);

    TemplateResolver(String host, SourcePos hostPos, Map<String, Variable> defined, HostProblems problems) {
        this.host = host;
        this.defined = defined;
        this.problems = problems;
        magic.put("inventory_hostname", new YamlNode.Scalar(hostPos, host));
        int dot = host.indexOf('.');
        magic.put("inventory_hostname_short", new YamlNode.Scalar(hostPos, dot < 0 ? host : host.substring(0, dot)));
    }

    /** Every variable with its references resolved, by name; failed ones are left out (and reported). */
    Map<String, Variable> resolveAll() {
        Map<String, Variable> out = new TreeMap<>();
        for (String name : new TreeSet<>(defined.keySet())) {
            YamlNode value = resolve(name);
            if (value != null) out.put(name, new Variable(name, value, defined.get(name).definedAt()));
        }
        return out;
    }

    // null means "could not be resolved", already reported; callers pass it on without more noise
    private YamlNode resolve(String name) {
        if (done.containsKey(name)) return done.get(name);
        if (failed.contains(name)) return null;
        int at = resolving.indexOf(name);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(resolving.subList(at, resolving.size()));
            cycle.add(name);
            failed.addAll(cycle);
            problems.error(host, defined.get(cycle.get(0)).definedAt(), "variables refer to each other in a cycle: " + String.join(" -> ", cycle),
                    "give one of them a value that does not refer back");
            return null;
        }
        Variable v = defined.get(name);
        if (v == null) return magic.get(name);
        resolving.add(name);
        YamlNode value = resolveNode(v.value(), name);
        resolving.remove(resolving.size() - 1);
        if (value == null) failed.add(name);
        else if (!failed.contains(name)) done.put(name, value);
        return failed.contains(name) ? null : value;
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
        if (!Template.isTemplate(scalar.text())) return scalar;
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
                problems.error(host, scalar.pos(), "variable '" + owner + "' uses '" + ((Template.Unsupported) part).expression()
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
                    problems.error(host, scalar.pos(), "variable '" + owner + "' puts '" + name + "' into text, but '" + name + "' "
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

    /** {@code value}, counted against the host's expansion budget; null once that is spent (reported the first time). */
    private YamlNode charged(YamlNode value, String owner, SourcePos at) {
        if (value == null) return null;
        boolean first = !budget.exhausted();
        if (budget.spend(value)) return value;
        if (first) problems.error(host, at, "variable '" + owner + "' " + budget.message(), "write the value out instead of repeating variables");
        return null;
    }

    private YamlNode lookup(String name, String owner, SourcePos at) {
        if (!defined.containsKey(name) && !magic.containsKey(name)) {
            Set<String> known = new TreeSet<>(defined.keySet());
            known.addAll(magic.keySet());
            problems.error(host, at, "variable '" + owner + "' refers to undefined variable '" + name + "'" + Nearest.hint(name, known),
                    "define '" + name + "' for this host: in host_vars/, group_vars/ or the inventory");
            return null;
        }
        return resolve(name);
    }
}

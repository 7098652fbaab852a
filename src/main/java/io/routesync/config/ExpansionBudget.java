package io.routesync.config;

import io.routesync.config.yaml.YamlNode;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How much {@code {{ name }}} substitution may copy: a value that repeats a variable which repeats
 * another grows exponentially (a 1.4 KB inventory whose variables double at each level expands to
 * gigabytes), so every copy is counted and the first one past the limit is refused. Values read as
 * written cost nothing; only what substitution adds is counted, in characters of text plus one per
 * list item or mapping key.
 */
public final class ExpansionBudget {
    /** What one host's inventory variables may add by substitution: 16 Mi. */
    public static final long INVENTORY_LIMIT = 16L << 20;
    /** What the substitutions in one state file may add: 16 Mi (a million routes with a gateway variable each is 15 Mi). */
    public static final long STATE_FILE_LIMIT = 16L << 20;

    private final long limit;
    private long spent;
    private boolean exhausted;
    // a resolved value is a DAG (a variable used twice is shared): sizes are memoized so counting stays linear
    private final Map<YamlNode, Long> sizes = new IdentityHashMap<>();

    public ExpansionBudget(long limit) {
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** Counts a copy of {@code value}; false when that goes past the limit (and from then on). */
    public boolean spend(YamlNode value) {
        return spend(size(value));
    }

    /** Counts {@code units} characters or items; false when that goes past the limit (and from then on). */
    public boolean spend(long units) {
        spent += units;
        if (spent > limit) exhausted = true;
        return !exhausted;
    }

    /** True once the limit was passed: the first refusal is reported, the ones it causes are not. */
    public boolean exhausted() {
        return exhausted;
    }

    /** The sentence after "variable 'x' ...". */
    public String message() {
        return "expands to more than " + limit + " characters with the variables it uses (a variable that repeats another"
                + " which repeats another grows exponentially)";
    }

    private long size(YamlNode node) {
        Long known = sizes.get(node);
        if (known != null) return known;
        long size = 1;
        if (node instanceof YamlNode.Scalar) {
            String text = ((YamlNode.Scalar) node).text();
            size += text == null ? 0 : text.length();
        } else if (node instanceof YamlNode.Sequence) {
            for (YamlNode item : ((YamlNode.Sequence) node).items()) size = plus(size, size(item));
        } else if (node instanceof YamlNode.Mapping) {
            for (YamlNode.Field f : ((YamlNode.Mapping) node).fields()) size = plus(size, plus(f.key().length(), size(f.value())));
        } else {
            throw new AssertionError(node);
        }
        sizes.put(node, size);
        return size;
    }

    // saturating: an exponential DAG must not wrap around to a small size
    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE / 2 : Math.min(sum, Long.MAX_VALUE / 2);
    }
}

package io.routesync.iproute2;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One of iproute2's small name databases (protocols, scopes, dsfield, realms, IP protocols): numbers
 * 0..255 with at most one name each for printing, and any number of names for reading. Immutable.
 */
final class NameTable {
    private final String[] byNumber;
    private final Map<String, Integer> byName;

    private NameTable(String[] byNumber, Map<String, Integer> byName) {
        this.byNumber = byNumber;
        this.byName = byName;
    }

    static NameTable of(Object... numberNamePairs) {
        NameTable t = new NameTable(new String[256], new HashMap<>());
        for (int i = 0; i < numberNamePairs.length; i += 2) {
            t.bind((Integer) numberNamePairs[i], (String) numberNamePairs[i + 1]);
        }
        return t;
    }

    /** A copy that also knows {@code name}; as in iproute2, the first binding of a name or a number wins. */
    NameTable with(String name, int number) {
        if (number < 0 || number > 255) throw new IllegalArgumentException("number " + number + " is not 0-255");
        if (byName.containsKey(name) && byNumber[number] != null) return this;
        NameTable copy = new NameTable(Arrays.copyOf(byNumber, 256), new HashMap<>(byName));
        copy.bind(number, name);
        return copy;
    }

    private void bind(int number, String name) {
        byName.putIfAbsent(name, number);
        if (byNumber[number] == null) byNumber[number] = name;
    }

    /** The number of a name, or -1. */
    int number(String name) {
        Integer n = byName.get(name);
        return n == null ? -1 : n;
    }

    /** The name to print for a number, or null. */
    String name(int number) {
        return number >= 0 && number < 256 ? byNumber[number] : null;
    }
}

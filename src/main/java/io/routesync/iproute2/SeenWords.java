package io.routesync.iproute2;

/**
 * The keywords a reader has read so far, each with the index of its word: a route has a few, so a
 * short array beats a hash map made for every route of a large state.
 */
final class SeenWords {
    private String[] keys = new String[4];
    private int[] at = new int[4];
    private int size;

    boolean containsKey(String key) {
        return indexOf(key) >= 0;
    }

    /** The index {@code key} was read at, or null. */
    Integer get(String key) {
        int k = indexOf(key);
        return k < 0 ? null : at[k];
    }

    int getOrDefault(String key, int otherwise) {
        int k = indexOf(key);
        return k < 0 ? otherwise : at[k];
    }

    /** Records {@code key} at {@code index} unless it was read before; returns the earlier index, or null. */
    Integer putIfAbsent(String key, int index) {
        int k = indexOf(key);
        if (k >= 0) return at[k];
        if (size == keys.length) {
            keys = java.util.Arrays.copyOf(keys, size * 2);
            at = java.util.Arrays.copyOf(at, size * 2);
        }
        keys[size] = key;
        at[size++] = index;
        return null;
    }

    private int indexOf(String key) {
        for (int k = 0; k < size; k++) {
            if (keys[k].equals(key)) return k;
        }
        return -1;
    }
}

package io.routesync.model;

/**
 * One step of a plan. {@code entry} is what is added, the new form of a replaced route, or the
 * observed entry being deleted; {@code previous} is the observed entry a replace overwrites (else null).
 */
public record Change(Action action, Entry entry, Entry previous) {
    public Change {
        if (action == null || entry == null) throw new NullPointerException("action and entry are required");
        if ((action == Action.REPLACE) != (previous != null)) {
            throw new IllegalArgumentException("a replace, and only a replace, names the entry it overwrites");
        }
        if (action == Action.REPLACE && !(entry instanceof Route)) {
            throw new IllegalArgumentException("only routes can be replaced; rules and names are deleted and added");
        }
    }

    public static Change add(Entry entry) {
        return new Change(Action.ADD, entry, null);
    }

    public static Change delete(Entry entry) {
        return new Change(Action.DELETE, entry, null);
    }

    public static Change replace(Route previous, Route entry) {
        return new Change(Action.REPLACE, entry, previous);
    }
}

package io.routesync.model;

import java.util.regex.Pattern;

/**
 * A table name bound to an id, as written to {@code rt_tables.d/routesync.conf}. Names follow the
 * shape iproute2 reads back ({@code ID NAME} per line) and that is safe in any shell.
 */
public record TableName(String name, TableId id) implements Entry, Comparable<TableName> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    public TableName {
        checkName(name);
        if (id == null) throw new NullPointerException("id");
        if (id.id() >= 0x8000_0000L) {
            throw new InvalidValueException("table id " + id + " cannot be named: iproute2 only reads names for ids below 2^31",
                    "an id below 2147483648, or refer to the table by number");
        }
    }

    /** Validates a table name without binding it. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidValueException("'" + name + "' is not a valid table name",
                    "a letter or '_' followed by up to 63 letters, digits, '_', '.' or '-'");
        }
        if (isNumeric(name)) {
            throw new InvalidValueException("'" + name + "' is a number, not a name", "a name starting with a letter");
        }
        return name;
    }

    private static boolean isNumeric(String s) {
        return s.chars().allMatch(Character::isDigit);
    }

    @Override
    public int compareTo(TableName other) {
        int c = id.compareTo(other.id);
        return c != 0 ? c : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return id.id() + " " + name;
    }
}

package io.routesync.model;

/**
 * A network interface name. The kernel allows 1-15 bytes without '/', ':' or whitespace; routesync
 * is stricter (letters, digits, '_', '.', '-', '+', '@') so a name can never carry shell syntax.
 */
public record Interface(String name) implements Comparable<Interface> {

    public Interface {
        check(name);
    }

    public static Interface of(String name) {
        return new Interface(name);
    }

    private static void check(String name) {
        if (name == null || name.isEmpty() || name.length() > 15 || name.equals(".") || name.equals("..")) {
            throw invalid(name);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-' || c == '+' || c == '@';
            if (!ok) throw invalid(name);
        }
    }

    private static InvalidValueException invalid(String name) {
        return new InvalidValueException("'" + name + "' is not a valid interface name",
                "1 to 15 characters from letters, digits, '_', '.', '-', '+', '@' (not '.' or '..')");
    }

    @Override
    public int compareTo(Interface other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}

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
        String expected = "1 to 15 characters from letters, digits, '_', '.', '-', '+', '@' (not '.' or '..')";
        // flagged when only routesync refuses it: read from a host, it is the host's setup, not broken output
        return new InvalidValueException("'" + name + "' is not a valid interface name", expected, kernelAllows(name));
    }

    /** The kernel's rule (dev_valid_name): 1-15 bytes, not '.' or '..', without '/', ':' or whitespace. */
    private static boolean kernelAllows(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..")) return false;
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 15) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b || c == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(Interface other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }

    // equals and hashCode as the record would make them (written out: see docs/speed.md, start-up)
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Interface x && name.equals(x.name);
    }

    @Override
    public int hashCode() {
        int h = 0;
        h = 31 * h + name.hashCode();
        return h;
    }
}

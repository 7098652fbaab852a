package io.routesync.config.inventory;

import io.routesync.model.Family;
import io.routesync.model.IpAddress;
import io.routesync.model.InvalidValueException;

/**
 * Checks the values that end up as arguments of the OpenSSH client: host names and addresses, user
 * names, ports, file paths. Each check returns null when the value is fine, else the reason in words.
 * The character sets are allow-lists: shell metacharacters, whitespace and control characters never
 * pass, and a leading '-' is refused everywhere so a value can never be read as an ssh option.
 */
final class ConnectionValues {
    private ConnectionValues() {
    }

    static String hostProblem(String value) {
        String common = common(value, "._:%-");
        if (common != null) return common;
        if (value.indexOf(':') >= 0) return ipv6Problem(value);
        if (value.indexOf('%') >= 0) return "contains '%', which only an IPv6 address may have (before a zone)";
        if (value.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return parses(value, Family.INET) ? null : "is not a valid IPv4 address";
        }
        if (value.length() > 253) return "is longer than 253 characters";
        for (String label : value.split("\\.", -1)) {
            if (label.isEmpty()) return "has an empty label (two dots in a row, or a dot at an end)";
            if (label.length() > 63) return "has a label longer than 63 characters";
            if (label.startsWith("-") || label.endsWith("-")) return "has a label that starts or ends with '-'";
        }
        return null;
    }

    static String userProblem(String value) {
        String common = common(value, "._-");
        if (common != null) return common;
        if (value.length() > 32) return "is longer than 32 characters";
        return null;
    }

    static String portProblem(String value) {
        if (value.isEmpty() || value.length() > 5 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "is not a port number";
        }
        // YAML 1.1, which Ansible reads, takes 0022 as octal (port 18): refuse rather than guess
        if (value.length() > 1 && value.charAt(0) == '0') return "has a leading zero, which Ansible's YAML reads as an octal number (0022 is port 18)";
        int port = Integer.parseInt(value);
        return port >= 1 && port <= 65535 ? null : "is outside 1-65535";
    }

    static String pathProblem(String value) {
        String common = common(value, "._/~+@%,=:-");
        if (common != null) return common;
        if (value.indexOf('~', 1) >= 0) return "has '~' after the start";
        return null;
    }

    /** Null, or the first reason {@code value} is not made of letters, digits and {@code extra} only. */
    static String common(String value, String extra) {
        if (value.isEmpty()) return "is empty";
        if (value.charAt(0) == '-') return "starts with '-', which ssh would read as an option";
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || extra.indexOf(c) >= 0;
            if (!ok) return "contains " + describe(c) + ", which is not allowed here";
        }
        return null;
    }

    static String describe(char c) {
        if (c == ' ') return "a space";
        if (c == '\t') return "a tab";
        if (c == '\n' || c == '\r') return "a line break";
        if (Character.isISOControl(c)) return "a control character";
        return "'" + c + "'";
    }

    private static String ipv6Problem(String value) {
        int percent = value.indexOf('%');
        String address = percent < 0 ? value : value.substring(0, percent);
        if (percent >= 0) {
            String zone = value.substring(percent + 1);
            if (zone.isEmpty() || !zone.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-')) {
                return "has an invalid IPv6 zone after '%'";
            }
        }
        return parses(address, Family.INET6) ? null : "is not a valid IPv6 address";
    }

    private static boolean parses(String text, Family family) {
        try {
            return IpAddress.parse(text).family() == family;
        } catch (InvalidValueException e) {
            return false;
        }
    }
}

package io.routesync.config.inventory;

/**
 * Checks of the values ssh options take that {@link ConnectionValues} does not cover: jump hosts, interface
 * names, algorithm lists, and one or two plain words. Each returns why a value is refused, or null.
 */
final class SshValues {
    private SshValues() {
    }

    /**
     * ProxyJump (and -J): one jump host, [user@]host[:port], or {@code none}. routesync connects through
     * it with a ProxyCommand of its own (so its batch mode, host key checking and connect timeout hold
     * for the jump too), which ssh runs through the shell: each part is a plain name, no '-' first, no
     * shell syntax, no '%' (expanded by ssh), no brackets. A chain of jumps would need nested shell quoting:
     * it belongs in the operator's ~/.ssh/config.
     */
    static String jumpsProblem(String value) {
        if (value.equals("none")) return null;
        if (value.isEmpty()) return "is empty";
        if (value.contains(",")) {
            return "has more than one jump host: routesync gives one jump host its own connection options (batch mode,"
                    + " host key checking, connect timeout); chain jumps in your ~/.ssh/config (a Host alias with ProxyJump)";
        }
        for (String hop : value.split(",", -1)) {
            if (hop.isEmpty()) return "has an empty jump host (two commas in a row, or one at an end)";
            String host = hop;
            int at = host.lastIndexOf('@');
            if (at >= 0) {
                String userProblem = ConnectionValues.userProblem(host.substring(0, at));
                if (userProblem != null) return "has a jump user that " + userProblem;
                host = host.substring(at + 1);
            }
            if (host.startsWith("[")) {
                return "has an IPv6 jump host: a jump is [user@]host[:port], host a name or an IPv4 address; give an IPv6"
                        + " jump host a Host alias in your ~/.ssh/config";
            }
            int colon = host.indexOf(':');
            if (colon >= 0) {
                String portProblem = ConnectionValues.portProblem(host.substring(colon + 1));
                if (portProblem != null) return "has a jump port that " + portProblem;
                host = host.substring(0, colon);
            }
            String hostProblem = ConnectionValues.common(host, "._-");
            if (hostProblem == null) hostProblem = ConnectionValues.hostProblem(host);
            if (hostProblem != null) {
                return "has a jump host that " + hostProblem + " (a jump is [user@]host[:port], host a name or an IPv4 address;"
                        + " an IPv6 jump host needs a Host alias in your ~/.ssh/config)";
            }
        }
        return null;
    }

    static String interfaceProblem(String value) {
        String common = ConnectionValues.common(value, "._-");
        if (common != null) return common;
        return value.length() > 15 ? "is longer than an interface name (15 characters)" : null;
    }

    static String algorithmsProblem(String value) {
        if (value.isEmpty()) return "is empty";
        String first = value.substring(0, 1);
        String rest = "+-^".contains(first) ? value.substring(1) : value;
        return ConnectionValues.common(rest, "._@,-");
    }

    // RekeyLimit "1G 1h", IPQoS "af21 cs1": one or two plain words
    static String wordsProblem(String value) {
        String[] words = value.split(" ", -1);
        if (words.length > 2) return "has more than two words";
        for (String w : words) {
            String problem = ConnectionValues.common(w, "");
            if (problem != null) return problem;
        }
        return null;
    }
}

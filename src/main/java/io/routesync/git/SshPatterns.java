package io.routesync.git;

/**
 * OpenSSH's pattern lists ({@code match.c}), as {@code ssh-keygen} matches principals and namespaces of an
 * allowed-signers line: comma-separated patterns with {@code *} and {@code ?}, case-sensitive; a pattern
 * starting with {@code !} that matches makes the whole list fail, whatever else matches.
 */
final class SshPatterns {
    private SshPatterns() {
    }

    /** Whether {@code text} matches {@code pattern} ({@code *} any run of characters, {@code ?} any one). */
    static boolean matches(String text, String pattern) {
        return matches(text, 0, pattern, 0);
    }

    private static boolean matches(String s, int si, String p, int pi) {
        while (true) {
            if (pi == p.length()) return si == s.length();
            char c = p.charAt(pi);
            if (c == '*') {
                while (pi < p.length() && p.charAt(pi) == '*') pi++;
                if (pi == p.length()) return true;
                for (int i = si; i <= s.length(); i++) {
                    if (matches(s, i, p, pi)) return true;
                }
                return false;
            }
            if (si == s.length()) return false;
            if (c != '?' && c != s.charAt(si)) return false;
            si++;
            pi++;
        }
    }

    /**
     * Whether {@code text} matches the comma-separated {@code list}: true when a positive pattern matches
     * and no negated one does (OpenSSH's {@code match_pattern_list(...) == 1}).
     */
    static boolean matchesList(String text, String list) {
        boolean positive = false;
        for (String item : list.split(",", -1)) {
            boolean negated = item.startsWith("!");
            String pattern = negated ? item.substring(1) : item;
            if (matches(text, pattern)) {
                if (negated) return false;
                positive = true;
            }
        }
        return positive;
    }
}

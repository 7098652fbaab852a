package io.routesync.config;

import java.util.Collection;
import java.util.Locale;

/** Finds the valid word a misspelt one was probably meant to be, for the "did you mean" part of a fix. */
public final class Nearest {
    private Nearest() {
    }

    /**
     * The closest candidate (optimal string alignment distance, ties to the alphabetically first), or a
     * candidate the word is a cut-short start of ({@code child} for {@code children}); null when none is
     * close enough to be a plausible typo.
     */
    public static String word(String typed, Collection<String> candidates) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(lower, c);
            if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
                best = c;
                bestDistance = d;
            }
        }
        // a third of the word may be wrong, at least 2 edits for short words; further is noise
        if (best != null && bestDistance <= Math.max(2, typed.length() / 3)) return best;
        return candidates.stream().filter(c -> typed.length() >= 3 && c.startsWith(typed)).sorted().findFirst().orElse(null);
    }

    /** {@code " (did you mean 'x'?)"}, or empty. */
    public static String hint(String typed, Collection<String> candidates) {
        String near = word(typed, candidates);
        return near == null ? "" : " (did you mean '" + near + "'?)";
    }

    /** Insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}

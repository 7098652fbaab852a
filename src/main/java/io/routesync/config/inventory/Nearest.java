package io.routesync.config.inventory;

import java.util.Collection;
import java.util.Optional;

/** Picks the known name closest to a misspelt one, for the "did you mean" part of a fix line. */
final class Nearest {
    private Nearest() {
    }

    static Optional<String> among(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(word, candidate);
            if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        // further than this, a suggestion is noise rather than help
        int limit = Math.max(2, word.length() / 3);
        if (best != null && bestDistance <= limit) return Optional.of(best);
        // a cut-short word ("child" for "children") is far by edit distance but obvious to a reader
        return candidates.stream().filter(c -> word.length() >= 3 && c.startsWith(word)).sorted().findFirst();
    }

    /** " (did you mean 'x'?)" or "". */
    static String hint(String word, Collection<String> candidates) {
        return among(word, candidates).map(n -> " (did you mean '" + n + "'?)").orElse("");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.RouteMetric;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The keyword table: iproute2's decision order, and the lists that follow from it. */
class KeywordsTest {
    @ParameterizedTest
    @CsvSource({
            // the first test that accepts a word decides, and the two commands try different tests first
            "p, priority, metric", "pr, priority, metric", "pre, priority, pref", "pri, priority, metric",
            "t, tun_id, table", "ta, table, table", "d, tos, tos", "dev, iif, dev", "oif, oif, dev",
            "r, realms, reordering", "re, realms, reordering", "realm, realms, realms", "rt, , rttvar", "rtt, , rtt",
            "black, blackhole, blackhole", "brd, broadcast, broadcast", "any, anycast, anycast", "u, unreachable, unreachable",
            "n, nop, ", "nat, nat, nat", "m, nat, metric", "w, , window", "c, , cwnd", "in, , initcwnd",
            "proto, protocol, protocol", "l, , ", "lookup, table, ", "type, type, ", "f, , features", "fr, , ",
            "from, from, from", "e, , ", "expires, , expires", "fastopen, , fastopen_no_cookie", "x, xresolve, xresolve"})
    void iproute2DecidesInItsOwnOrder(String word, String asRule, String asRoute) {
        assertEquals(asRule, Keywords.rule(word), () -> "ip rule add ... " + word);
        assertEquals(asRoute, Keywords.route(word), () -> "ip route add ... " + word);
    }

    @Test
    void everyRouteMetricIsARouteKeywordUnderItsOwnWordAndInTheHint() {
        for (RouteMetric m : RouteMetric.values()) {
            assertEquals(m.word(), Keywords.route(m.word()), m.word());
            assertTrue(Keywords.ROUTE_WORDS.contains(m.word()), m.word());
        }
    }

    @Test
    void theHintsNameOnlyWordsTheReadersTake() {
        for (String w : Keywords.RULE_WORDS) {
            assertEquals(w, assertDoesNotThrow(() -> Keywords.ruleWord(w, 0)), w);
        }
        for (String w : Keywords.ROUTE_WORDS) {
            String k = assertDoesNotThrow(() -> Keywords.routeWord(List.of(w), 0), w);
            assertEquals(w.equals("proto") ? "protocol" : w, k);
        }
    }

    @Test
    void keywordsIproute2TakesButRoutesyncCannotReproduceAreRefusedWithTheWordAsWritten() {
        SyntaxException e = assertThrows(SyntaxException.class, () -> Keywords.ruleWord("bro", 3));
        assertEquals(3, e.token());
        assertTrue(e.getMessage().startsWith("'bro' is a route type; as a rule action iproute2 would send its number (3, nop)"),
                e.getMessage());
        e = assertThrows(SyntaxException.class, () -> Keywords.routeWord(List.of("10.0.0.0/8", "tab", "7"), 1));
        assertEquals("the route without 'table 7', under the table's key in routes:", e.expected());
        assertNull(Keywords.route("10.0.0.0/8"));
    }

    @Test
    void theLookupTableAnswersAsTheTestsInTheirOrder() {
        // every word any test takes, its one-letter-longer misspellings and some non-keywords
        java.util.Set<String> words = new java.util.TreeSet<>(List.of("", "default", "10.0.0.0/8", "-", "DEV", "tablee"));
        for (List<Keywords.Test> tests : List.of(Keywords.ruleTests(), Keywords.routeTests())) {
            for (Keywords.Test t : tests) {
                for (int n = 0; n <= t.pattern().length(); n++) {
                    words.add(t.pattern().substring(0, n));
                    words.add(t.pattern().substring(0, n) + "x");
                }
            }
        }
        for (String w : words) {
            assertEquals(Keywords.first(Keywords.ruleTests(), w), Keywords.rule(w), () -> "rule word '" + w + "'");
            assertEquals(Keywords.first(Keywords.routeTests(), w), Keywords.route(w), () -> "route word '" + w + "'");
        }
    }
}

package io.routesync.config.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Shorthand entries are cut at exactly the characters Java calls whitespace. */
class ExpandedWhitespaceTest {
    @Test
    void agreesWithCharacterIsWhitespaceOnEveryChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertEquals(Character.isWhitespace((char) c), Expanded.isWhitespace((char) c), "U+" + Integer.toHexString(c));
        }
    }
}

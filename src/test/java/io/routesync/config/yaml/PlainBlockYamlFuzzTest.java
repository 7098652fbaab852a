package io.routesync.config.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plain-block reader against the full reader on random documents built from the pieces YAML gives
 * meaning to (indentation, "- ", ": ", comments, quotes, flow brackets, anchors, tags, block scalars,
 * null words, typed words): whatever it takes, the full reader must read to the very same tree; what
 * the full reader refuses, it must not take. A fixed seed, so a failure names a reproducible text.
 */
class PlainBlockYamlFuzzTest {
    private static final String[] KEYS = {"a", "tables", "routes", "rules", "main", "x-y", "k_1", "a b", "a:b", "?", "-", "#c", "on", "~", "1"};
    private static final String[] VALUES = {"1", "0x66", "yes", "no", "null", "~", "Null", "", " ", "default via 192.0.2.1 dev eth0",
            "10.0.0.0/8", "2001:db8::1", "a: b", "a #c", "a#c", "'q'", "\"q\"", "{a: 1}", "[1, 2]", "&x v", "*x", "!t v", "|", ">",
            "- a", "-", "x:", ".inf", "1:20", "2001-12-14", "a, b", "{{ v }}", "%x", "@x", "`x`", "a ", "-4 d", "? a", ": a", "--- a",
            "{ a: 1, b: x }", "{a: \"q\"}", "{ a: \"{{ v }}\" }  # c", "\"a b\"", "\"a\\\"b\"", "\"{{ v }}\"", "\"\"", "\"q\" x", "\"q\"#c",
            "{ a: b: c }", "{ a: [1] }", "{ a: 1,}", "{ a: 1, a: 2 }", "{ a: }", "{ a }", "{ \"a\": 1 }", "{ a: 'q' }", "{ a: x y }",
            "{ a: -1 }", "{ a: - }", "{ a: 1 } x", "{ }", "{}", "{ a: null }", "{ <<: x }", "{ a: 1:2 }", "{ a: x#y }", "{ a: true, b: 0x1 }",
            "{ to: 10.0.0.0/8, via: 192.0.2.1 }", "{ a: ~ }", "{ a: .5, b: +1 }", "{ a: x,b: y }", "{a:b}"};
    private static final String[] INDENTS = {"", " ", "  ", "   ", "    ", "      "};

    @Test
    void takesOnlyWhatTheFullReaderReadsToTheSameTree() {
        Random random = new Random(20261205);
        int taken = 0;
        int runs = 200_000;
        for (int n = 0; n < runs; n++) {
            String text = document(random);
            if (tookAsTheFullReader(text)) taken++;
        }
        // the generator must reach the fast path often enough for the comparison to mean something
        assertTrue(taken > runs / 100, "only " + taken + " of " + runs + " random documents were taken");
    }

    /** One-line flow mappings and double-quoted values from their pieces, as list items and mapping values. */
    @Test
    void takesOnlyFlowLinesTheFullReaderReadsToTheSameTree() {
        String[] keys = {"a", "to", "via", "x-y", "k_1", "a b", "\"a\"", "", "<<", "1", "-a", "a.b", "{{ v }}"};
        String[] values = {"1", "x", "x y", "\"q\"", "\"{{ v }}\"", "\"\"", "\"a\\\"b\"", "'q'", "null", "~", "", "true", "-1", "-",
            "10.0.0.0/8", "2001:db8::1", "a:b", "a#b", "a #b", "[1]", "{b: 1}", "x=y", "@x", "%x", ".5", "+1", "*x", "&x y", "!t x"};
        String[] gaps = {"", " ", "  "};
        Random random = new Random(20261205);
        int taken = 0;
        int runs = 100_000;
        for (int n = 0; n < runs; n++) {
            StringBuilder flow = new StringBuilder("{").append(pick(random, gaps));
            for (int k = random.nextInt(4); k > 0; k--) {
                flow.append(pick(random, keys)).append(random.nextInt(8) == 0 ? ":" : ": ").append(pick(random, gaps)).append(pick(random, values))
                        .append(pick(random, gaps));
                if (k > 1 || random.nextInt(10) == 0) flow.append(',').append(pick(random, gaps));
            }
            flow.append(random.nextInt(20) == 0 ? "" : "}").append(random.nextInt(4) == 0 ? "  # c" : random.nextInt(10) == 0 ? " x" : "");
            String text = random.nextBoolean() ? "r:\n  - " + flow + "\n  - " + pick(random, values) + "\n" : "m: " + flow + "\nn: " + pick(random, values) + "\n";
            if (tookAsTheFullReader(text)) taken++;
        }
        assertTrue(taken > runs / 50, "only " + taken + " of " + runs + " flow lines were taken");
    }

    /** Whether the plain-block reader took {@code text}; when it did, the full reader must read it to the same tree. */
    private static boolean tookAsTheFullReader(String text) {
        YamlNode plain = PlainBlockYaml.read("f.yml", text);
        if (plain == null) return false;
        YamlNode full;
        try {
            full = YamlReader.readEvents(new SourceFile("f.yml", text));
        } catch (InvalidInputException e) {
            throw new AssertionError("the plain-block reader took a text the full reader refuses (" + e.diagnostics() + "):\n" + text, e);
        }
        assertEquals(full, plain, text);
        return true;
    }

    private static String document(Random random) {
        StringBuilder out = new StringBuilder();
        int lines = 1 + random.nextInt(6);
        for (int i = 0; i < lines; i++) {
            String indent = INDENTS[random.nextInt(INDENTS.length)];
            switch (random.nextInt(6)) {
                case 0 -> out.append(indent).append("- ").append(pick(random, VALUES));
                case 1 -> out.append(indent).append(pick(random, KEYS)).append(':');
                case 2 -> out.append(indent).append("# ").append(pick(random, VALUES));
                case 3 -> out.append(indent).append(pick(random, KEYS)).append(':').append(random.nextBoolean() ? "" : "   # c");
                default -> out.append(indent).append(pick(random, KEYS)).append(": ").append(pick(random, VALUES));
            }
            if (i < lines - 1 || random.nextBoolean()) out.append('\n');
        }
        return out.toString();
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }
}

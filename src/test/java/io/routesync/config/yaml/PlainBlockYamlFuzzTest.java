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
            "- a", "-", "x:", ".inf", "1:20", "2001-12-14", "a, b", "{{ v }}", "%x", "@x", "`x`", "a ", "-4 d", "? a", ": a", "--- a"};
    private static final String[] INDENTS = {"", " ", "  ", "   ", "    ", "      "};

    @Test
    void takesOnlyWhatTheFullReaderReadsToTheSameTree() {
        Random random = new Random(20261205);
        int taken = 0;
        int runs = 200_000;
        for (int n = 0; n < runs; n++) {
            String text = document(random);
            YamlNode plain = PlainBlockYaml.read("f.yml", text);
            if (plain == null) continue;
            taken++;
            YamlNode full;
            try {
                full = YamlReader.readEvents(new SourceFile("f.yml", text));
            } catch (InvalidInputException e) {
                throw new AssertionError("the plain-block reader took a text the full reader refuses (" + e.diagnostics() + "):\n" + text, e);
            }
            assertEquals(full, plain, text);
        }
        // the generator must reach the fast path often enough for the comparison to mean something
        assertTrue(taken > runs / 100, "only " + taken + " of " + runs + " random documents were taken");
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

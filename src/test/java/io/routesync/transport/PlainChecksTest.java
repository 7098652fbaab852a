package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The checks of a namespace name and of a target path, written as loops, accept exactly what their regular expressions accept. */
class PlainChecksTest {
    private static final Pattern NETNS = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9_.+@/-]*");
    private static final String ALPHABET = "aZ09_.-/+@ :\\é\u0000\n";

    private static String random(Random r) {
        StringBuilder s = new StringBuilder();
        for (int n = r.nextInt(r.nextInt(10) == 0 ? 80 : 8); n > 0; n--) s.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        return s.toString();
    }

    @Test
    void theLoopsAreTheRegularExpressions() {
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String s = random(r);
            assertEquals(NETNS.matcher(s).matches(), LocalTarget.validName(s), s);
            assertEquals(PATH.matcher(s).matches(), TargetPaths.plainPath(s), s);
            String slash = "/" + s;
            assertEquals(PATH.matcher(slash).matches(), TargetPaths.plainPath(slash), slash);
        }
        for (String s : new String[] {"", "a", "_", ".a", "-a", "a".repeat(64), "a".repeat(65), "/", "//", "/a b"}) {
            assertEquals(NETNS.matcher(s).matches(), LocalTarget.validName(s), s);
            assertEquals(PATH.matcher(s).matches(), TargetPaths.plainPath(s), s);
        }
        assertEquals(false, LocalTarget.validName(null));
        assertEquals(false, TargetPaths.plainPath(null));
    }
}

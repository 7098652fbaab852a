package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shorthand fast path cannot drift from the full grammar: for every line, random or from the
 * project's own state files, it either declines or builds exactly the route {@link RouteAddReader}
 * builds, and it declines every line the full grammar (or the state reader before it) refuses.
 */
class ShorthandRouteDifferentialTest {
    private static final Names NAMES = Names.builtin();
    private static final TableId TABLE = TableId.of(100);

    private static final String[] PREFIXES = {"10.0.0.0/28", "10.0.0.16/28", "10.0.0.1/28", "192.0.2.0/24", "192.0.2.7",
            "0.0.0.0/0", "0/8", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "010.0.0.0/8", "10.0.0/24", "256.0.0.0/8",
            "2001:db8::/32", "2001:db8::1/32", "2001:db8::1", "2001:db8::/129", "fd00::/8", "::/0", "1::", "1:2:3:4:5:6:7:8/128",
            "default", "all", "any", "blackhole", "unicast", "to", "-4", "10.0.0.0/8x", "1e:2::/32"};
    private static final String[] KEYS = {"via", "dev", "metric", "via", "dev", "metric", "onlink", "proto", "src", "table",
            "nexthop", "vi", "de", "met", "metrics", "priority", "weight", "mtu", "Via", "DEV"};
    private static final String[] VALUES = {"192.0.2.254", "192.0.2.1", "2001:db8::1", "fe80::1", "inet", "inet6", "0.0.0.0",
            "d0", "eth1", "br-lan", "a@b", "x", "table", "nexthop", "lo", "dev", "a/b", "abcdefghijklmnopq", ".", "..",
            "0", "5", "010", "0x10", "4294967295", "4294967296", "-1", "99999999999999999999", "1.2.3", "{{", "{{ gw }}", "é"};
    private static final String[] SEPARATORS = {" ", " ", " ", " ", " ", "  ", "\t", "\u00a0"};

    /** The full grammar's route, or null where it refuses the line. */
    private static Route full(String line, SharedValues shared) {
        try {
            return RouteGrammar.parseAdd(Fixtures.words(line), null, TABLE, NAMES, 245, shared);
        } catch (SyntaxException e) {
            return null;
        }
    }

    /** Checks one line; true when the fast path took it. */
    private static boolean agrees(ShorthandRoute fast, String line) {
        Route quick = fast.read(line, TABLE);
        if (quick == null) return false;
        assertEquals(full(line, null), quick, line);
        assertEquals(full(line, null).toString(), quick.toString(), line);
        // what the state reader refuses before the grammar: 'table' words, leading ip options, templates
        List<String> words = Fixtures.words(line);
        assertFalse(words.get(0).startsWith("-"), line);
        for (String w : words) assertFalse(w.equals("table") || w.contains("{"), line);
        return true;
    }

    @Test
    void randomLinesEitherDeclineOrMeanWhatTheFullGrammarMeans() {
        Random random = new Random(20261205);
        ShorthandRoute fast = new ShorthandRoute(245, new SharedValues());
        int taken = 0;
        int lines = 200_000;
        for (int n = 0; n < lines; n++) {
            String line = n % 2 == 0 ? anyWords(random) : likelyRoute(random);
            if (agrees(fast, line)) taken++;
        }
        // neither side of the comparison may be empty
        assertTrue(taken > 5_000, "fast path took " + taken);
        assertTrue(taken < lines - 50_000, "fast path took " + taken);
    }

    private static String pick(Random random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    /** Words of every kind in any order. */
    private static String anyWords(Random random) {
        StringBuilder line = new StringBuilder(pick(random, PREFIXES));
        int pairs = random.nextInt(5);
        for (int k = 0; k < pairs; k++) {
            line.append(pick(random, SEPARATORS)).append(pick(random, KEYS));
            if (random.nextInt(20) > 0) line.append(pick(random, SEPARATORS)).append(pick(random, VALUES));
        }
        if (random.nextInt(20) == 0) line.append(' ');
        return line.toString();
    }

    private static final String[] ADDRESSES = {"192.0.2.254", "192.0.2.1", "10.0.0.1", "2001:db8::1", "fe80::1", "::1", "0.0.0.0"};
    private static final String[] DEVICES = {"d0", "eth1", "br-lan", "eth0.100", "wg_0", "veth+1", "a@b", "x", "lo"};
    private static final String[] METRICS = {"0", "1", "100", "1024", "0x10", "4294967295"};

    /** The common form with each value of its kind, now and then one word swapped for any word. */
    private static String likelyRoute(Random random) {
        List<String> words = new ArrayList<>(List.of(pick(random, PREFIXES)));
        List<String> keys = new ArrayList<>(List.of("via", "dev", "metric"));
        java.util.Collections.shuffle(keys, random);
        for (String key : keys.subList(0, 1 + random.nextInt(3))) {
            words.add(key);
            words.add(pick(random, key.equals("via") ? ADDRESSES : key.equals("dev") ? DEVICES : METRICS));
        }
        if (random.nextInt(4) == 0) {
            int at = random.nextInt(words.size());
            words.set(at, pick(random, at == 0 ? PREFIXES : at % 2 == 1 ? KEYS : VALUES));
        }
        return String.join(random.nextInt(30) == 0 ? pick(random, SEPARATORS) : " ", words);
    }

    @Test
    void everyRouteLineOfTheProjectsStateFilesAgrees() throws IOException {
        ShorthandRoute fast = new ShorthandRoute(245, new SharedValues());
        int taken = 0;
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("states", "src/test/resources", "docs", "examples")) {
            if (!Files.isDirectory(Path.of(dir))) continue;
            try (Stream<Path> s = Files.walk(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml") || p.toString().endsWith(".md"))
                        .forEach(files::add);
            }
        }
        for (Path p : files) {
            for (String raw : Files.readAllLines(p)) {
                String t = raw.trim();
                if (!t.startsWith("- ")) continue;
                String line = t.substring(2).trim();
                if (line.length() > 1 && (line.startsWith("\"") && line.endsWith("\"") || line.startsWith("'") && line.endsWith("'"))) {
                    line = line.substring(1, line.length() - 1);
                }
                if (agrees(fast, line)) taken++;
            }
        }
        assertTrue(taken > 10, "fast path took " + taken + " corpus lines");
    }

    @Test
    void theCommonFormsAreTakenAndShareTheirPathWithTheFullGrammar() {
        SharedValues shared = new SharedValues();
        ShorthandRoute fast = new ShorthandRoute(245, shared);
        Route a = fast.read("10.0.0.0/28 via 192.0.2.254 dev d0", TABLE);
        Route b = fast.read("10.0.0.16/28 dev d0 metric 7 via 192.0.2.254", TABLE);
        assertNotNull(a);
        assertEquals(7, b.metric());
        assertSame(a.nexthops(), b.nexthops());
        assertSame(a.nexthops(), full("10.0.0.32/28 via 192.0.2.254 dev d0", shared).nexthops());
        assertNotNull(fast.read("2001:db8::/32 via fe80::1 dev eth1", TABLE));
        assertNotNull(fast.read("192.0.2.7 dev eth1", TABLE));
    }

    @Test
    void declinesWhatTheStateReaderOrTheGrammarRefuses() {
        ShorthandRoute fast = new ShorthandRoute(245, new SharedValues());
        for (String line : List.of("10.0.0.0/8 dev table", "10.0.0.1/8 dev d0", "10.0.0.0/8 via 2001:db8::1 dev d0",
                "10.0.0.0/8 via 192.0.2.1 via 192.0.2.2", "10.0.0.0/8 dev d0 metric 010", "10.0.0.0/8", "10.0.0.0/8 dev {{ d }}",
                "10.0.0.0/8 dev  d0", "10.0.0.0/8 dev d0 ", "2001:db8::/32 via fe80::1", "10.0.0.0/8 dev d0 table 5")) {
            assertNull(fast.read(line, TABLE), line);
        }
    }
}

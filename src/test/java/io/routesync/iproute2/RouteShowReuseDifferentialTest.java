package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.TableId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RouteShowParser} takes the words after a destination as read when they are the same text as
 * the last route line's (with a destination of the same family): held here to the parser reading every
 * line word by word, on every route fixture the kernel printed and on random dumps whose lines mix
 * those fixtures' destinations, attributes and nexthop lines (most lines repeating the line before's
 * attributes, some of them wrong for their family or not understood): the same routes, or the same error.
 */
class RouteShowReuseDifferentialTest {
    private static final Names NAMES = Names.builtin();
    private static final TableId TABLE = TableId.of(100);

    /** The routes read, or the error's message. */
    private static Object parse(String text, Family family, boolean reuse) {
        try {
            return new RouteShowParser(text, family, TABLE, NAMES, "ip route list", reuse).parse();
        } catch (OutputException e) {
            return "error: " + e.getMessage();
        } catch (InvalidValueException e) {
            return "invalid: " + e.getMessage();
        }
    }

    private static void assertSame(String text, Family family) {
        assertEquals(parse(text, family, false), parse(text, family, true), () -> "family " + family + ", output:\n" + text);
    }

    @Test
    void everyRouteFixtureReadsTheSame() {
        int files = 0;
        for (Path p : (Iterable<Path>) Fixtures.files(".txt")::iterator) {
            if (Fixtures.isRules(p) || !p.getFileName().toString().startsWith("route-")) continue;
            files++;
            String text = Fixtures.read(p);
            assertSame(text, null);
            assertSame(text, Fixtures.familyOf(p));
            assertTrue(parse(text, Fixtures.familyOf(p), true) instanceof List, p::toString);
        }
        assertTrue(files >= 12, "the fixtures were found");
    }

    /** A route line cut where its attributes start: after the destination (and a type word before it). */
    private record Line(String head, String rest) {
    }

    private static Line cut(String line) {
        String[] w = line.strip().split(" ", -1);
        boolean typed = w.length > 1 && (Character.isLetter(w[0].charAt(0)) && !w[0].equals("default") || w[0].length() <= 2);
        int headWords = typed ? 2 : 1;
        String head = String.join(" ", List.of(w).subList(0, Math.min(headWords, w.length)));
        return new Line(head, line.substring(Math.min(line.length(), line.indexOf(head) + head.length())));
    }

    @Test
    void randomDumpsOfRepeatedAttributesReadTheSame() {
        List<String> heads = new ArrayList<>(List.of("default", "10.9.0.0/16", "10.9.1.0/24", "192.0.2.7", "2001:db8:9::/48",
                "2001:db8::7", "unreachable 10.8.0.0/16", "7 10.13.0.0/16", "blackhole 2001:db8:8::/48", "10.9.2.0/23",
                "10.9.0.1/16", "::/0", "0.0.0.0/0", "fe80::/64"));
        List<String> rests = new ArrayList<>(List.of("", " ", " via 2001:db8::fe dev d0", " via inet6 fe80::1 dev d0 ",
                " dev d0 proto 245 metric x ", " via 192.0.2.254 dev d0 proto 245 ", " via 192.0.2.254 dev d0 proto 245 metric 7 ",
                " dev d0 mtu lock 1400 advmss 1360 ", " src 2001:db8::1 dev d0", " src 192.0.2.1 dev d0", " table 101 dev d0",
                " dev d0 frobnicate", " nhid 7 dev lo", " via 192.0.2.254", " dev d0 pref high", " dev d0 pref huge"));
        List<String> nexthops = new ArrayList<>(List.of("\tnexthop via 192.0.2.254 dev d0 weight 1 ", "\tnexthop dev d0 weight 300 "));
        for (Path p : (Iterable<Path>) Fixtures.files(".txt")::iterator) {
            if (Fixtures.isRules(p) || !p.getFileName().toString().startsWith("route-")) continue;
            for (String line : Fixtures.lines(p)) {
                if (line.isBlank()) continue;
                if (Character.isWhitespace(line.charAt(0))) {
                    nexthops.add(line);
                } else {
                    Line l = cut(line);
                    heads.add(l.head());
                    rests.add(l.rest());
                }
            }
        }
        Random random = new Random(20261205L);
        int errors = 0;
        int dumps = 20_000;
        for (int d = 0; d < dumps; d++) {
            StringBuilder text = new StringBuilder();
            String rest = rests.get(random.nextInt(rests.size()));
            int lines = 1 + random.nextInt(12);
            for (int i = 0; i < lines; i++) {
                // most lines repeat the line before's attributes, as a dump of routes through one gateway does
                if (random.nextInt(10) >= 7) rest = rests.get(random.nextInt(rests.size()));
                text.append(heads.get(random.nextInt(heads.size()))).append(rest).append('\n');
                if (random.nextInt(8) == 0) text.append(nexthops.get(random.nextInt(nexthops.size()))).append('\n');
                if (random.nextInt(30) == 0) text.append('\n');
            }
            Family family = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> Family.INET;
                default -> Family.INET6;
            };
            assertSame(text.toString(), family);
            if (!(parse(text.toString(), family, true) instanceof List)) errors++;
        }
        // both kinds of dump are held to the reference: ones that read, and ones with a line to refuse
        assertTrue(errors > dumps / 20 && errors < dumps * 19 / 20, "dumps with an error: " + errors);
    }
}

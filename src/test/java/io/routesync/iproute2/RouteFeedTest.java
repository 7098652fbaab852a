package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link RouteFeed} against the parse it stands in for: a read script's output (name file, version, rules,
 * route dumps of both families built from the route fixtures' lines, long enough to be cut in blocks, some
 * with lines that do not parse, with nexthop and blank lines) fed in random pieces, then split by
 * {@link ReadingParser}. Each route section it gives routes for must be one the whole parse
 * ({@link RouteGrammar#parseShow}, as {@link ObservedBuilder} does it) reads without an error, to the same
 * routes, and each it reads must be one (when the output is ASCII); a section the whole parse refuses must get
 * none; and the reading is the same with it or without.
 */
class RouteFeedTest {
    private static final String M = "rsT";

    @Test
    void theRoutesFedAreTheWholeParsesRoutes() {
        // the fixtures' route lines cut after their destination, by family (a line of the other family is an error)
        java.util.Map<String, List<String>> heads = new java.util.HashMap<>();
        java.util.Map<String, List<String>> rests = new java.util.HashMap<>();
        List<String> nexthops = new ArrayList<>(List.of("\tnexthop via 192.0.2.254 dev d0 weight 1 "));
        for (Path p : (Iterable<Path>) Fixtures.files(".txt")::iterator) {
            if (Fixtures.isRules(p) || !p.getFileName().toString().startsWith("route-")) continue;
            String f = Fixtures.familyOf(p) == Family.INET6 ? "6" : "4";
            for (String line : Fixtures.lines(p)) {
                if (line.isBlank()) continue;
                if (Character.isWhitespace(line.charAt(0))) {
                    nexthops.add(line);
                } else {
                    int space = line.indexOf(' ', Character.isLetter(line.charAt(0)) && !line.startsWith("default") ? line.indexOf(' ') + 1 : 0);
                    heads.computeIfAbsent(f, k -> new ArrayList<>()).add(space < 0 ? line : line.substring(0, space));
                    rests.computeIfAbsent(f, k -> new ArrayList<>()).add(space < 0 ? "" : line.substring(space));
                }
            }
        }
        // and lines that read, most sections then without an error: long ones are fed in several blocks
        java.util.Map<String, List<String>> cleanRests = java.util.Map.of(
                "4", List.of(" via 192.0.2.254 dev d0 proto 245 ", " dev d0 proto kernel scope link src 192.0.2.1 ",
                        " via 192.0.2.1 dev d0 metric 7 ", " proto 245 \n\tnexthop via 192.0.2.1 dev d0 weight 1 \n\tnexthop via 192.0.2.2 dev d0 weight 2 "),
                "6", List.of(" via 2001:db8::fe dev d0 proto 245 metric 1024 pref medium", " dev d0 proto kernel metric 256 expires 300sec pref medium",
                        " via fe80::1 dev d0 metric 1024 onlink pref medium"));
        Random random = new Random(20261205L);
        int fed = 0;
        int refused = 0;
        for (int round = 0; round < 150; round++) {
            String out = round % 2 == 0 ? reading(random, null, cleanRests, List.of()) : reading(random, heads, rests, nexthops);
            if (round % 25 == 0) out = out.replace(" dev ", " dev \u00e9");
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            RouteFeed feed = new RouteFeed(M);
            for (int at = 0; at < bytes.length; ) {
                int n = Math.min(bytes.length - at, 1 + random.nextInt(random.nextBoolean() ? 100 : 70_000));
                byte[] piece = new byte[n + 2];
                System.arraycopy(bytes, at, piece, 1, n);
                feed.accept(piece, 1, n);
                at += n;
            }
            feed.finish();
            Reading reading = ReadingParser.parse(out, M, feed);
            assertEquals(ReadingParser.parse(out, M), reading, "round " + round);
            for (Reading.CommandSection c : reading.commands()) {
                if (!c.words().get(0).equals("route")) continue;
                Family family = c.words().get(1).equals("6") ? Family.INET6 : Family.INET;
                Object whole = whole(c.output(), family, TableId.of(Long.parseLong(c.words().get(2))));
                List<Route> routes = feed.routes(c);
                if (round % 25 == 0) assertNull(routes, "not ASCII: nothing fed");
                // an ASCII section the whole parse reads is always fed: the feed gives up on errors only
                if (round % 25 != 0 && whole instanceof List) assertTrue(routes != null, "round " + round + ", " + c.describe());
                if (routes != null) {
                    assertEquals(whole, routes, "round " + round + ", " + c.describe());
                    fed++;
                } else if (!(whole instanceof List)) {
                    refused++;
                }
            }
        }
        assertTrue(fed > 100 && refused > 10, fed + " sections fed, " + refused + " refused by the whole parse");
    }

    /** The routes the whole parse reads, or its error. */
    private static Object whole(String text, Family family, TableId table) {
        try {
            return RouteGrammar.parseShow(text, family, table, Names.builtin(), "ip route list");
        } catch (OutputException | InvalidValueException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String reading(Random random, java.util.Map<String, List<String>> allHeads, java.util.Map<String, List<String>> allRests,
            List<String> nexthops) {
        StringBuilder out = new StringBuilder();
        out.append(M).append(" begin 1\n").append(M).append(" cmd version\nip utility, iproute2-6.1.0\n").append(M).append(" rc 0\n");
        out.append(M).append(" file /etc/iproute2/rt_tables\n255\tlocal\n\n");
        out.append(M).append(" cmd rule 4\n0:\tfrom all lookup local\n").append(M).append(" rc 0\n");
        out.append(M).append(" tables 100 101\n");
        for (int t = 100; t <= 101; t++) {
            for (String f : List.of("4", "6")) {
                out.append(M).append(" cmd route ").append(f).append(' ').append(t).append('\n');
                List<String> heads = allHeads != null ? allHeads.get(f) : null;
                List<String> rests = allRests.get(f);
                String rest = rests.get(random.nextInt(rests.size()));
                // most dumps long enough to be parsed in several blocks
                int lines = random.nextInt(4) == 0 ? random.nextInt(5) : 500 + random.nextInt(3000);
                for (int i = 0; i < lines; i++) {
                    if (random.nextInt(10) >= 8) rest = rests.get(random.nextInt(rests.size()));
                    // a line that does not parse, now and then
                    String r = random.nextInt(heads != null ? 4000 : 40_000) == 0 ? " dev d0 frobnicate" : rest;
                    String head = heads != null ? heads.get(random.nextInt(heads.size()))
                            : f.equals("4") ? "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255) : "2001:db8:" + Integer.toHexString(i) + "::/64";
                    out.append(head).append(r).append('\n');
                    if (!nexthops.isEmpty() && random.nextInt(200) == 0) out.append(nexthops.get(random.nextInt(nexthops.size()))).append('\n');
                    if (random.nextInt(200) == 0) out.append('\n');
                }
                out.append(M).append(" rc 0\n");
            }
        }
        out.append(M).append(" end\n").append(M).append(" digest none\n");
        return out.toString();
    }
}

package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Change;
import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The re-read after a batch told with the lines guessed while the batch ran ({@link RereadPrediction}) is
 * what it is without them, route for route: a guessed line is the route its own text parses to, a line
 * that differs from its guess anywhere is parsed, and random route shapes (guessed or not) change nothing.
 */
class RereadPredictionTest {
    private static final TableId TABLE = TableId.of(100);
    private static final String HEAD = "M begin 1\nM cmd version\nip utility, iproute2-6.1.0, libbpf 1.1.2\nM rc 0\nM names a b\n"
            + "M cmd rule 4\n0:\tfrom all lookup 255 proto 2\nM rc 0\nM cmd rule 6\n0:\tfrom all lookup 255 proto 2\nM rc 0\n";

    private static String reading(String v4, String v6) {
        return HEAD + "M cmd route 4 100\n" + v4 + "M rc 0\nM cmd route 6 100\n" + v6 + "M rc 0\nM digest none\n";
    }

    private static Route parseOne(String line, Family family) throws OutputException {
        List<Route> routes = RouteGrammar.parseShow(line + "\n", family, TABLE, Names.builtin(), "test");
        assertEquals(1, routes.size(), line);
        return routes.get(0);
    }

    private static String line(Route r) {
        StringBuilder out = new StringBuilder();
        return RereadPrediction.appendLine(out, r) ? out.toString() : null;
    }

    private static Map<Route, Integer> counts(List<Route> routes) {
        Map<Route, Integer> m = new HashMap<>();
        for (Route r : routes) m.merge(r, 1, Integer::sum);
        return m;
    }

    /** Random routes of table 100 whose guessed line parses back alone, with the route it parses to. */
    private static List<Route> guessable(long seed, int count, Family family) {
        RandomEntries random = new RandomEntries(seed);
        List<Route> out = new ArrayList<>();
        for (int tries = 0; out.size() < count && tries < 200 * count; tries++) {
            Route r = random.route();
            if (r.family() != family) continue;
            r = r.toBuilder().table(TABLE).build();
            String l = line(r);
            if (l == null) continue;
            try {
                parseOne(l, family);
            } catch (OutputException | RuntimeException e) {
                continue;
            }
            out.add(r);
        }
        return out;
    }

    @Test
    void aGuessedLineIsTheRouteItsOwnTextParsesTo() throws Exception {
        for (Family f : Family.values()) {
            List<Route> routes = guessable(11 + f.ordinal(), 400, f);
            assertTrue(routes.size() > 200, f + ": only " + routes.size() + " random routes are guessed");
            RereadPrediction p = RereadPrediction.of(routes.stream().map(Change::add).toList());
            for (Route r : routes) {
                String l = line(r);
                String text = "x\n" + l + "\ny";
                Route guessed = p.route(f, TABLE, text, 2, 2 + l.length());
                assertNotNull(guessed, l);
                assertEquals(parseOne(l, f), guessed, l);
                // another table's listing, or the line with one character more or less, is no guess
                assertNull(p.route(f, TableId.of(101), text, 2, 2 + l.length()), l);
                assertNull(p.route(f, TABLE, text, 2, 1 + l.length()), l);
                assertNull(p.route(f, TABLE, text, 1, 2 + l.length()), l);
            }
        }
    }

    @Test
    void theBenchmarksShapesAreGuessedAsTheKernelPrintsThem() throws Exception {
        Route v4 = parseOne("10.0.0.0/28 via 192.0.2.254 dev d0 proto 245 ", Family.INET);
        assertEquals("10.0.0.0/28 via 192.0.2.254 dev d0 proto 245 ", line(v4));
        Route link = parseOne("10.0.1.0/28 dev d0 proto 245 scope 253 ", Family.INET);
        assertEquals("10.0.1.0/28 dev d0 proto 245 scope 253 ", line(link));
        Route metric = parseOne("10.0.2.0/28 via 192.0.2.254 dev d0 proto 245 src 192.0.2.1 metric 10 onlink ", Family.INET);
        assertEquals("10.0.2.0/28 via 192.0.2.254 dev d0 proto 245 src 192.0.2.1 metric 10 onlink ", line(metric));
        Route v6 = parseOne("2001:db8:1::/64 via 2001:db8::ff dev d0 proto 245 metric 1024 pref medium", Family.INET6);
        assertEquals("2001:db8:1::/64 via 2001:db8::ff dev d0 proto 245 metric 1024 pref medium", line(v6));
        Route dflt = parseOne("default via 2001:db8::ff dev d0 proto 245 metric 10 pref high", Family.INET6);
        assertEquals("default via 2001:db8::ff dev d0 proto 245 metric 10 pref high", line(dflt));
        // the shapes it does not guess: several paths, a reject route, a gateway without its device
        assertNull(line(parseOne("blackhole 10.0.5.0/24 proto 245 ", Family.INET)));
        assertNull(line(RouteGrammar.parseAdd(List.of("10.0.6.0/24", "via", "192.0.2.254"), Family.INET, TABLE, Names.builtin(), 245)));
    }

    @Test
    void aLineThatDiffersFromItsGuessAnywhereIsParsed() throws Exception {
        Route r = parseOne("10.0.0.0/28 via 192.0.2.254 dev d0 proto 245 metric 10 ", Family.INET);
        RereadPrediction p = RereadPrediction.of(List.of(Change.add(r)));
        for (String kernel : List.of("10.0.0.0/28 via 192.0.2.254 dev d0 proto 245 metric 11 ",
                "10.0.0.0/28 via 192.0.2.254 dev d0 proto 245 metric 10 linkdown ", "10.0.0.0/28 via 192.0.2.254 dev d0 proto 245 metric 10")) {
            assertNull(p.route(Family.INET, TABLE, kernel, 0, kernel.length()), kernel);
        }
    }

    /**
     * Random edits of a table (guessed routes the kernel prints as guessed, guessed routes it prints
     * otherwise, routes nothing guessed, several-path routes with continuation lines, deletes): the delta
     * with the guesses is the delta without them and the whole parse.
     */
    @Test
    void randomBatchesGiveTheSameRereadWithGuessesAsWithout() throws Exception {
        Random random = new Random(5);
        for (int round = 0; round < 30; round++) {
            List<Route> v4 = guessable(100 + round, 60, Family.INET);
            List<Route> v6 = guessable(200 + round, 60, Family.INET6);
            StringBuilder before4 = new StringBuilder();
            StringBuilder after4 = new StringBuilder();
            StringBuilder before6 = new StringBuilder();
            StringBuilder after6 = new StringBuilder();
            List<Change> plan = new ArrayList<>();
            int hits = 0;
            for (List<Route> routes : List.of(v4, v6)) {
                boolean inet = routes == v4;
                StringBuilder before = inet ? before4 : before6;
                StringBuilder after = inet ? after4 : after6;
                for (Route r : routes) {
                    String l = line(r);
                    switch (random.nextInt(6)) {
                        case 0: // there before and after: not a changed line
                            before.append(l).append('\n');
                            after.append(l).append('\n');
                            break;
                        case 1: // deleted by the batch
                            before.append(l).append('\n');
                            break;
                        case 2: // added, and printed otherwise than guessed: the kernel has another metric (often a line as long)
                            plan.add(Change.add(r));
                            after.append(line(r.toBuilder().metric(r.metric() ^ 1).build())).append('\n');
                            break;
                        case 3: // added by someone else: nothing guessed it
                            after.append(l).append('\n');
                            break;
                        default: // added as guessed
                            plan.add(Change.add(r));
                            after.append(l).append('\n');
                            hits++;
                    }
                }
            }
            after4.append("10.99.0.0/16 proto 245 \n\tnexthop via 192.0.2.254 dev d0 weight 1 \n\tnexthop via 192.0.2.253 dev d0 weight 2 \n");
            Reading first = ReadingParser.parse(reading(before4.toString(), before6.toString()), "M");
            Reading again = ReadingParser.parse(reading(after4.toString(), after6.toString()), "M");
            HostReading was = ObservedBuilder.build("h", first);
            HostReading slow = RereadDelta.after(first, was, again);
            HostReading fast = RereadDelta.after(first, was, again, RereadPrediction.of(plan));
            assertNotNull(slow, "round " + round);
            assertNotNull(fast, "round " + round);
            assertEquals(counts(slow.observed().routes()), counts(fast.observed().routes()), "round " + round);
            assertEquals(counts(ObservedBuilder.build("h", again).observed().routes()), counts(fast.observed().routes()), "round " + round);
            assertTrue(hits > 20, "round " + round + ": " + hits + " guessed lines");
        }
    }
}

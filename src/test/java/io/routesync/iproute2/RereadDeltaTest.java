package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.routesync.model.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A session's re-read told from the lines that changed since its first reading ({@link RereadDelta}) is
 * what parsing the whole re-read gives, route for route: whatever changed (the batch's routes, another
 * program's, the kernel's own expiry countdown), and it gives nothing (the caller parses the whole
 * re-read, with its errors) when anything but route lines differs.
 */
class RereadDeltaTest {
    private static final String HEAD = "M begin 1\nM cmd version\nip utility, iproute2-6.1.0, libbpf 1.1.2\nM rc 0\nM names a b\n"
            + "M file /etc/iproute2/rt_tables.d/routesync.conf\n100 bench\n\n";
    private static final String RULES = "M cmd rule 4\n0:\tfrom all lookup 255 proto 2\n32766:\tfrom all lookup 254 proto 2\nM rc 0\n"
            + "M cmd rule 6\n0:\tfrom all lookup 255 proto 2\nM rc 0\n";
    private static final String V6 = "2001:db8::/64 via fe80::1 dev d0 proto 245 metric 1024 expires 300sec pref medium\n";

    private static String reading(String rules, String v4, String v6) {
        return HEAD + rules + "M cmd route 4 100\n" + v4 + "M rc 0\nM cmd route 6 100\n" + v6 + "M rc 0\nM digest none\n";
    }

    private static String routes(int from, int to, int skipEvery) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (skipEvery > 0 && i % skipEvery == 0) continue;
            s.append("10.0.").append(i / 256).append('.').append(i % 256).append(" via 192.0.2.254 dev d0 proto 245 \n");
        }
        return s.toString();
    }

    /** The delta's reading, checked against the whole parse of {@code after}; null when it gave none. */
    private static HostReading check(String before, String after) throws Exception {
        Reading first = ReadingParser.parse(before, "M");
        Reading again = ReadingParser.parse(after, "M");
        HostReading was = ObservedBuilder.build("h", first);
        HostReading quick = RereadDelta.after(first, was, again);
        if (quick == null) return null;
        HostReading whole = ObservedBuilder.build("h", again);
        assertEquals(counts(whole.observed().routes()), counts(quick.observed().routes()));
        assertEquals(whole.observed().rules(), quick.observed().rules());
        assertEquals(whole.observed().tablesRead(), quick.observed().tablesRead());
        assertEquals(whole.observed().managedTableNames(), quick.observed().managedTableNames());
        assertEquals(whole.managedProtocolNames(), quick.managedProtocolNames());
        assertEquals(whole.warnings(), quick.warnings());
        assertEquals(whole.digest(), quick.digest());
        assertEquals(whole.keptDigest(), quick.keptDigest());
        return quick;
    }

    private static Map<Route, Integer> counts(List<Route> routes) {
        Map<Route, Integer> m = new HashMap<>();
        for (Route r : routes) m.merge(r, 1, Integer::sum);
        return m;
    }

    @Test
    void theBatchsAddsAndDeletesAndAForeignRouteAreAllSeen() throws Exception {
        String before = reading(RULES, routes(0, 2000, 100), V6);
        // the batch put the missing 20 back and deleted two; another program added one meanwhile
        String after = reading(RULES, routes(0, 2000, 0).replace("10.0.0.7 via 192.0.2.254 dev d0 proto 245 \n", "")
                .replace("10.0.1.9 via 192.0.2.254 dev d0 proto 245 \n", "") + "10.9.9.0/24 via 192.0.2.9 dev d0 \n", V6);
        HostReading quick = check(before, after);
        assertNotNull(quick);
        assertEquals(2000 - 2 + 1 + 1, quick.observed().routes().size());
    }

    @Test
    void nothingChangedIsTheSameReading() throws Exception {
        String r = reading(RULES, routes(0, 500, 0), V6);
        assertEquals(501, check(r, r).observed().routes().size());
    }

    @Test
    void aRouteTheKernelChangedOnItsOwnReadsAsItNowIs() throws Exception {
        // the expiry counts down between the readings (dropped when read); a multipath route's next hops changed
        String mp = "10.7.0.0/16 proto 245 \n\tnexthop via 192.0.2.1 dev d0 weight 1 \n\tnexthop via 192.0.2.2 dev d0 weight 1 \n";
        String mp2 = "10.7.0.0/16 proto 245 \n\tnexthop via 192.0.2.1 dev d0 weight 1 \n\tnexthop via 192.0.2.3 dev d0 weight 2 \n";
        String before = reading(RULES, routes(0, 300, 0) + mp + routes(300, 400, 0), V6);
        String after = reading(RULES, routes(0, 300, 0) + mp2 + routes(300, 400, 0), V6.replace("300sec", "297sec"));
        assertNotNull(check(before, after));
    }

    @Test
    void randomEditsAlwaysGiveTheWholeParse() throws Exception {
        Random random = new Random(10);
        for (int round = 0; round < 40; round++) {
            List<String> lines = new ArrayList<>(routes(0, 300, 0).lines().toList());
            List<String> edited = new ArrayList<>(lines);
            for (int e = random.nextInt(60); e > 0; e--) {
                int at = random.nextInt(edited.size() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> edited.add(at, "10.8." + random.nextInt(256) + ".0/24 via 192.0.2.8 dev d0 metric " + random.nextInt(3) + " ");
                    case 1 -> {
                        if (at < edited.size()) edited.remove(at);
                    }
                    default -> {
                        // a route moved (the same line elsewhere), or listed twice
                        if (at < edited.size()) edited.add(random.nextInt(edited.size()), edited.get(at));
                    }
                }
            }
            String before = reading(RULES, String.join("\n", lines) + "\n", "");
            String after = reading(RULES, String.join("\n", edited) + (edited.isEmpty() ? "" : "\n"), "");
            assertNotNull(check(before, after), "round " + round);
        }
    }

    @Test
    void anythingButRouteLinesThatDiffersGivesNoDelta() throws Exception {
        String before = reading(RULES, routes(0, 50, 0), V6);
        // a rule, a name file, a command that failed, a section missing, a line that does not parse
        assertNull(check(before, reading(RULES.replace("32766:", "32765:"), routes(0, 50, 0), V6)));
        assertNull(check(before, reading(RULES, routes(0, 50, 0), V6).replace("100 bench", "100 other")));
        assertNull(check(before, reading(RULES, routes(0, 50, 0), V6).replace("M rc 0\nM digest", "M rc 2\nM digest")));
        assertNull(check(before, reading(RULES, routes(0, 50, 0), V6).replace("M cmd route 6 100\n" + V6 + "M rc 0\n", "")));
        assertNull(check(before, reading(RULES, routes(0, 50, 0) + "10.9.0.0/16 via 192.0.2.1 dev d0 frobnicate 7 \n", V6)));
        assertNull(check(before, reading(RULES, routes(0, 50, 0), V6).replace("M digest none\n", "")));
    }

    /** The diff alone, on plain lines: before less removed is after less added, and what both share is neither. */
    @Test
    void theDiffSplitsLinesIntoSharedRemovedAndAdded() {
        RereadDelta.Lines d = RereadDelta.diff("a\nb\nc\n  c2\nd\ne\n", "a\nc\n  c2\nx\nd\ne\ny\n");
        assertEquals("b\n", d.removed());
        assertEquals("x\ny\n", d.added());
        // a line that moved is removed and added
        d = RereadDelta.diff("a\nb\n", "b\na\n");
        assertEquals("a\n", d.removed());
        assertEquals("a\n", d.added());
        assertEquals("", RereadDelta.diff("", "").added());
        // a listing that was empty: all of the new one is added, a line end given to its last route
        assertEquals("a\n  a2\nb\n", RereadDelta.diff("", "a\n  a2\nb\n").added());
        assertEquals("a\nb\n", RereadDelta.diff("", "a\nb").added());
        assertEquals("", RereadDelta.diff("", "a\nb").removed());
        // the rest of a listing at once, its last line without a line end
        d = RereadDelta.diff("a\nb\nc", "a\n");
        assertEquals("b\nc\n", d.removed());
        assertEquals("", d.added());
        d = RereadDelta.diff("a\n", "a\nb\n  b2\nc");
        assertEquals("b\n  b2\nc\n", d.added());
        assertEquals("n\n", RereadDelta.diff("", "n").added());
    }

}

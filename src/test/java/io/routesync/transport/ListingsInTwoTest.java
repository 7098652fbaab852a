package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.iproute2.Names;
import io.routesync.iproute2.OutputException;
import io.routesync.iproute2.RandomListings;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.model.Family;
import io.routesync.model.TableId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A listing read in two pieces at once gives the routes, or the error, that reading it whole gives. */
class ListingsInTwoTest {
    private static final TableId TABLE = TableId.of(100);

    private static Object read(ObservedListing how, RandomListings.Listing l) {
        try {
            return how.parse(l.text(), l.family());
        } catch (OutputException e) {
            return "error: " + e.getMessage();
        }
    }

    @FunctionalInterface
    private interface ObservedListing {
        Object parse(String text, Family family) throws OutputException;
    }

    @Test
    void twoPiecesReadAsTheWhole() {
        ListingsInTwo inTwo = new ListingsInTwo(0);
        ObservedListing whole = (t, f) -> RouteGrammar.parseShow(t, f, TABLE, Names.builtin(), "ip route list");
        ObservedListing two = (t, f) -> inTwo.parse(t, f, TABLE, Names.builtin(), "ip route list");
        RandomListings random = new RandomListings(7L);
        int errors = 0;
        for (int i = 0; i < 3000; i++) {
            RandomListings.Listing l = random.next(12);
            Object expected = read(whole, l);
            assertEquals(expected, read(two, l), l::text);
            if (!(expected instanceof List)) errors++;
        }
        assertTrue(errors > 20 && errors < 2980, "both kinds, listings with an error: " + errors);
        for (RandomListings.Listing f : RandomListings.fixtures()) assertEquals(read(whole, f), read(two, f));
    }

    @Test
    void aLargeTableIsCutInTwoAndASmallOneIsNot() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) text.append("10.").append(i >> 8).append('.').append(i & 255).append(".0/24 via 192.0.2.254 dev d0 proto 245 \n");
        String big = text.toString();
        assertTrue(big.length() > ListingsInTwo.MIN_LENGTH);
        var routes = new ListingsInTwo(ListingsInTwo.MIN_LENGTH).parse(big, Family.INET, TABLE, Names.builtin(), "ip route list");
        assertEquals(RouteGrammar.parseShow(big, Family.INET, TABLE, Names.builtin(), "ip route list"), routes);
        String bad = big.replace("10.100.7.0/24 via", "10.100.7.0/24 vai");
        String expected = null;
        try {
            RouteGrammar.parseShow(bad, Family.INET, TABLE, Names.builtin(), "ip route list");
        } catch (OutputException e) {
            expected = e.getMessage();
        }
        try {
            new ListingsInTwo(ListingsInTwo.MIN_LENGTH).parse(bad, Family.INET, TABLE, Names.builtin(), "ip route list");
            throw new AssertionError("read");
        } catch (OutputException e) {
            assertEquals(expected, e.getMessage());
            assertTrue(e.getMessage().contains("line 25608:"), e.getMessage());
        }
    }
}

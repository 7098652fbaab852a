package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The listing parser's shortcuts, each held to reading every line word by word in one piece, on every
 * route fixture the kernel printed and on 20,000 random listings ({@link RandomListings}): the same
 * routes, or the same error. {@link RouteShowParser} takes the words after a destination as read when
 * they are the last route line's text (with a destination of the same family); {@link RouteGrammar#pieces}
 * cut a listing into pieces read one by one.
 */
class RouteShowReuseDifferentialTest {
    private static final Names NAMES = Names.builtin();
    private static final TableId TABLE = TableId.of(100);
    private static final int LISTINGS = 20_000;

    /** The routes read, or the error's message. */
    private static Object reference(String text, Family family) {
        try {
            return new RouteShowParser(text, RouteGrammar.Piece.whole(text), family, TABLE, NAMES, "ip route list", false).parse();
        } catch (OutputException e) {
            return "error: " + e.getMessage();
        } catch (InvalidValueException e) {
            // as RouteGrammar.parseShow words it
            return "error: " + new OutputException("ip route list", 0, "", e.getMessage()).getMessage();
        }
    }

    /** {@code text} read piece by piece ({@code parts} at most), as {@link RouteGrammar#parseShow} reads each. */
    static Object inPieces(String text, Family family, int parts) {
        List<Route> all = new ArrayList<>();
        try {
            for (RouteGrammar.Piece p : RouteGrammar.pieces(text, parts)) {
                all.addAll(RouteGrammar.parseShow(text, p, family, TABLE, NAMES, "ip route list"));
            }
            return all;
        } catch (OutputException e) {
            return "error: " + e.getMessage();
        }
    }

    private static List<RandomListings.Listing> listings() {
        List<RandomListings.Listing> all = new ArrayList<>();
        for (RandomListings.Listing f : RandomListings.fixtures()) {
            all.add(f);
            all.add(new RandomListings.Listing(f.text(), null));
        }
        RandomListings random = new RandomListings(20261205L);
        for (int i = 0; i < LISTINGS; i++) all.add(random.next(12));
        return all;
    }

    @Test
    void aLineTakingTheLineBeforesAttributesReadsAsWordByWord() {
        int errors = 0;
        for (RandomListings.Listing l : listings()) {
            Object reused = inPieces(l.text(), l.family(), 1);
            assertEquals(reference(l.text(), l.family()), reused, () -> "family " + l.family() + ", output:\n" + l.text());
            if (!(reused instanceof List)) errors++;
        }
        // both kinds of listing are held to the reference: ones that read, and ones with a line to refuse
        assertTrue(errors > LISTINGS / 20 && errors < LISTINGS * 19 / 20, "listings with an error: " + errors);
        for (RandomListings.Listing f : RandomListings.fixtures()) assertTrue(inPieces(f.text(), f.family(), 1) instanceof List);
    }

    @Test
    void piecesReadAsTheWhole() {
        int cut = 0;
        for (RandomListings.Listing l : listings()) {
            for (int parts = 2; parts <= 5; parts++) {
                int p = parts;
                assertEquals(reference(l.text(), l.family()), inPieces(l.text(), l.family(), parts),
                        () -> p + " pieces, family " + l.family() + ", output:\n" + l.text());
                if (RouteGrammar.pieces(l.text(), parts).size() > 1) cut++;
            }
        }
        assertTrue(cut > LISTINGS, "listings were cut: " + cut);
    }

    @Test
    void piecesCutBeforeRouteLinesOnly() {
        String text = "10.1.0.0/16 via 192.0.2.1 dev d0\n10.2.0.0/16 proto 245\n\tnexthop via 192.0.2.1 dev d0\n\n"
                + "\tnexthop via 192.0.2.2 dev d0\n10.3.0.0/16 dev d0\n";
        for (int parts = 2; parts <= 8; parts++) {
            List<RouteGrammar.Piece> pieces = RouteGrammar.pieces(text, parts);
            assertEquals(0, pieces.get(0).from());
            assertEquals(text.length(), pieces.get(pieces.size() - 1).to());
            for (int i = 1; i < pieces.size(); i++) {
                RouteGrammar.Piece p = pieces.get(i);
                assertEquals(pieces.get(i - 1).to(), p.from());
                assertTrue(text.charAt(p.from() - 1) == '\n' && !Character.isWhitespace(text.charAt(p.from())), p::toString);
                assertEquals(text.substring(0, p.from()).split("\n", -1).length - 1, p.linesBefore(), p::toString);
            }
        }
    }
}

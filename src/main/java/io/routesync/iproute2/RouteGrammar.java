package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.List;

/** iproute2's route grammar, both {@code ip route add} arguments and {@code ip route list} output. */
public final class RouteGrammar {
    private RouteGrammar() {
    }

    /**
     * Parses what follows {@code ip route add}, without {@code table} (the table is given).
     * {@code family} null means: infer from the addresses. A route without {@code proto} gets
     * {@code defaultProtocol}; one without {@code scope} gets the scope {@code ip route add} would pick.
     */
    public static Route parseAdd(List<String> tokens, Family family, TableId table, Names names, int defaultProtocol)
            throws SyntaxException {
        return parseAdd(tokens, family, table, names, defaultProtocol, null);
    }

    /** The same, sharing equal next-hop lists with the other routes read through {@code shared} (null: none). */
    public static Route parseAdd(List<String> tokens, Family family, TableId table, Names names, int defaultProtocol,
            SharedValues shared) throws SyntaxException {
        try {
            return new RouteAddReader(tokens, family, table, names, shared).read(defaultProtocol);
        } catch (InvalidValueException e) {
            // a value the model refuses that no word check caught: still an error about the input, never a crash
            throw new SyntaxException(-1, e.getMessage(), e.expected());
        }
    }

    /**
     * Whether {@code word}, at a keyword position after {@code ip route add}, is iproute2's {@code table}
     * (it takes abbreviations: {@code tab}, {@code t}), for callers that read a table out of {@code ip}
     * words before handing the rest to {@link #parseAdd}.
     */
    public static boolean isTableKeyword(String word) {
        return "table".equals(Keywords.route(word));
    }

    /**
     * Parses the whole output of {@code ip [-6] [-d] [-N] route list table T} (multipath continuation lines
     * included) for table {@code table}; {@code command} names the command in errors. A {@code table}
     * word on a line (as {@code table all} prints) overrides {@code table}.
     */
    public static List<Route> parseShow(String output, Family family, TableId table, Names names, String command)
            throws OutputException {
        try {
            return new RouteShowParser(output, family, table, names, command).parse();
        } catch (InvalidValueException e) {
            throw new OutputException(command, 0, "", e.getMessage());
        }
    }
}

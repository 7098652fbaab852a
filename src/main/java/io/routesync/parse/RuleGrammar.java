package io.routesync.parse;

import io.routesync.model.Family;
import io.routesync.model.Rule;
import java.util.List;

/** iproute2's rule grammar, both the {@code ip rule add} arguments and {@code ip rule show} lines. (API stub.) */
public final class RuleGrammar {
    private RuleGrammar() {
    }

    /**
     * Parses what follows {@code ip rule add}. {@code family} null means: infer from the addresses
     * (IPv4 when there are none). A rule without {@code protocol} gets {@code defaultProtocol}.
     */
    public static Rule parseAdd(List<String> tokens, Family family, Names names, int defaultProtocol) throws SyntaxException {
        throw new UnsupportedOperationException("stub");
    }

    /** Parses one line of {@code ip [-d] [-N] [-6] rule show}. */
    public static Rule parseShow(String line, Family family, Names names) throws SyntaxException {
        throw new UnsupportedOperationException("stub");
    }
}

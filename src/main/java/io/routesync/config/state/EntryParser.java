package io.routesync.config.state;

import io.routesync.config.SourcePos;
import io.routesync.iproute2.Names;
import io.routesync.iproute2.RouteGrammar;
import io.routesync.iproute2.RuleGrammar;
import io.routesync.iproute2.SharedValues;
import io.routesync.iproute2.ShorthandRoute;
import io.routesync.iproute2.SyntaxException;
import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands positioned words to the one iproute2 grammar and turns its complaints into diagnostics at the
 * YAML place of the word it names. Structured and shorthand entries both end here, so they mean the same.
 */
final class EntryParser {
    private final Names names;
    private final int protocolTag;
    private final Problems problems;
    /** One load's routes share equal next-hop lists (a large state repeats a few gateways and devices). */
    private final SharedValues shared = new SharedValues();
    /** The common shorthand line, read without a word list (it declines everything else). */
    private final ShorthandRoute shorthand;

    EntryParser(Names names, int protocolTag, Problems problems) {
        this.names = names;
        this.protocolTag = protocolTag;
        this.problems = problems;
        this.shorthand = new ShorthandRoute(protocolTag, shared);
    }

    Names names() {
        return names;
    }

    /** The rule these words describe (what follows {@code ip rule add}), or null after an error. */
    Rule rule(List<Token> tokens, Family family, SourcePos entry) {
        try {
            List<SyntaxException> notes = new ArrayList<>();
            Rule rule = RuleGrammar.parseAdd(texts(tokens), family, names, protocolTag, notes);
            for (SyntaxException n : notes) {
                SourcePos at = n.token() < 0 || tokens.isEmpty() ? entry : tokens.get(Math.min(n.token(), tokens.size() - 1)).pos();
                problems.warning(at, n.getMessage(), n.expected());
            }
            return rule;
        } catch (SyntaxException e) {
            report(e, tokens, entry);
        } catch (InvalidValueException e) {
            problems.error(entry, e.getMessage(), e.expected());
        }
        return null;
    }

    /**
     * The route a shorthand line without variables describes, when it is the common kind
     * ({@code PREFIX via ADDR dev NAME [metric N]}) and valid; null: read it with {@link #route}.
     */
    Route shorthand(String line, TableId table) {
        return shorthand.read(line, table);
    }

    /** The route these words describe in {@code table} (what follows {@code ip route add}), or null. */
    Route route(List<Token> tokens, Family family, TableId table, SourcePos entry) {
        try {
            return RouteGrammar.parseAdd(texts(tokens), family, table, names, protocolTag, shared);
        } catch (SyntaxException e) {
            report(e, tokens, entry);
        } catch (InvalidValueException e) {
            problems.error(entry, e.getMessage(), e.expected());
        }
        return null;
    }

    private void report(SyntaxException e, List<Token> tokens, SourcePos entry) {
        int i = e.token();
        if (i < 0 || tokens.isEmpty()) {
            problems.error(entry, e.getMessage(), e.expected());
            return;
        }
        Token at = tokens.get(Math.min(i, tokens.size() - 1));
        if (i > 0 && i < tokens.size() && isTableKeyword(tokens.get(i - 1).text()) && !knownTable(at.text())) {
            // the grammar only knows "no such table"; here we know where names come from
            problems.error(at.pos(), "table '" + at.text() + "' is not declared",
                    "declare it under 'tables:' (" + at.text() + ": ID), or use a table number, or main");
            return;
        }
        problems.error(at.pos(), e.getMessage(), e.expected());
    }

    private static boolean isTableKeyword(String word) {
        return word.equals("table") || word.equals("lookup");
    }

    private boolean knownTable(String word) {
        try {
            return names.table(word) != null;
        } catch (InvalidValueException e) {
            return true; // a number, but a bad one: the grammar's own message says why
        }
    }

    private static List<String> texts(List<Token> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) out.add(tokens.get(i).text());
        return out;
    }
}

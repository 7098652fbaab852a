package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.InvalidValueException;
import io.routesync.model.Rule;
import java.util.List;

/** iproute2's rule grammar, both the {@code ip rule add} arguments and {@code ip rule show} lines. */
public final class RuleGrammar {
    private RuleGrammar() {
    }

    /**
     * Parses what follows {@code ip rule add}. {@code family} null means: infer from the addresses
     * (IPv4 when there are none). A rule without {@code protocol} gets {@code defaultProtocol}.
     */
    public static Rule parseAdd(List<String> tokens, Family family, Names names, int defaultProtocol) throws SyntaxException {
        return parseAdd(tokens, family, names, defaultProtocol, null);
    }

    /**
     * {@link #parseAdd(List, Family, Names, int)}, and what the words leave to iproute2's defaults goes to
     * {@code notes} (when not null) as a message with the index of the word it is about (-1: the rule):
     * today one case, a rule without action, which iproute2 adds as {@code lookup main}.
     */
    public static Rule parseAdd(List<String> tokens, Family family, Names names, int defaultProtocol, List<SyntaxException> notes)
            throws SyntaxException {
        try {
            RuleReader reader = new RuleReader(tokens, RuleReader.Mode.ADD, family, names);
            Rule rule = reader.read(defaultProtocol);
            if (notes != null && reader.defaultedAction()) {
                notes.add(new SyntaxException(-1, "this rule names no action, so it looks up table main: iproute2's default"
                        + " ('ip rule add' without table/goto/nop/... adds 'lookup main'), which routesync follows",
                        "write table main (or another action) to say so"));
            }
            return rule;
        } catch (InvalidValueException e) {
            throw new SyntaxException(-1, e.getMessage(), e.expected());
        }
    }

    /**
     * Parses one line of {@code ip [-d] [-N] [-6] rule show}. State marks ({@code [detached]},
     * {@code [unresolved]}) are dropped; a rule printed without {@code proto} (no {@code -d}) reads
     * as protocol 0 (unspec). The token index of an error counts the words of the line from 0.
     */
    public static Rule parseShow(String line, Family family, Names names) throws SyntaxException {
        try {
            return new RuleReader(Words.split(line), RuleReader.Mode.SHOW, family, names).read(Rule.PROTOCOL_UNSPEC);
        } catch (InvalidValueException e) {
            // a value the model refuses that no word check caught: still an error about the input, never a crash
            throw new SyntaxException(-1, e.getMessage(), e.expected());
        }
    }

    /**
     * Parses the whole output of {@code ip [-6] rule show}, one rule per non-empty line;
     * {@code command} names the command in errors.
     */
    public static List<Rule> parseShowOutput(String output, Family family, Names names, String command) throws OutputException {
        List<Rule> rules = new java.util.ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < output.length()) {
            int end = output.indexOf('\n', start);
            if (end < 0) end = output.length();
            lineNumber++;
            String line = output.substring(start, end);
            start = end + 1;
            if (line.isBlank()) continue;
            try {
                rules.add(parseShow(line, family, names));
            } catch (SyntaxException e) {
                throw new OutputException(command, lineNumber, line, e.getMessage(),
                        e.getCause() instanceof InvalidValueException && ((InvalidValueException) e.getCause()).unsupported());
            }
        }
        return rules;
    }
}

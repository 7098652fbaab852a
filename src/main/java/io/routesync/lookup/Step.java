package io.routesync.lookup;

import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;

/**
 * One rule the lookup looked at and what came of it, in evaluation order: the chain that explains a
 * result. {@code table} and {@code route} are set when the rule looked up a table.
 */
public record Step(Rule rule, Outcome outcome, TableId table, Route route) {

    public enum Outcome {
        /** The selectors did not match the packet. */
        NO_MATCH,
        /** A goto rule matched; evaluation continues at its target. */
        GOTO,
        /** A goto rule matched but no rule has its target priority: the kernel skips it. */
        GOTO_UNRESOLVED,
        /** A nop rule matched: nothing happens. */
        NOP,
        /** The table has no route for the packet (or does not exist): on to the next rule. */
        TABLE_MISS,
        /** The table's best route is a throw route: on to the next rule. */
        THROW,
        /** A route was found, but the rule's suppress_prefixlength or suppress_ifgroup rejects it. */
        SUPPRESSED,
        /** This rule decided the result: its action, or the route found in its table. */
        DECIDED
    }

    static Step of(Rule rule, Outcome outcome) {
        return new Step(rule, outcome, null, null);
    }
}

package io.routesync.apply;

import io.routesync.lookup.ExpectationCheck;
import io.routesync.transport.RouteGetScript;
import io.routesync.transport.TransportException;
import java.util.List;

/**
 * Runs on the host after a plan's batch verified: what the entries alone cannot show (the
 * expectations, answered by the kernel). A non-null answer says what is wrong, and the apply is
 * rolled back as a failed verify.
 */
public interface AfterVerify {
    /** What the check found: every expectation's result (for the report), and why the apply fails, or null. */
    record Found(List<ExpectationCheck.Result> results, String failure) {
        public Found {
            results = List.copyOf(results);
        }
    }

    Found check() throws TransportException;

    /** The flows to ask the kernel in the apply's own session, after its re-read (none: {@link #check()} asks them). */
    default List<List<String>> flows() {
        return List.of();
    }

    /** {@link #check()} with the answers to {@link #flows()} asked in the apply's session; null: they were not, ask now. */
    default Found check(List<RouteGetScript.Answer> answers) throws TransportException {
        return check();
    }

    AfterVerify NONE = () -> new Found(List.of(), null);
}

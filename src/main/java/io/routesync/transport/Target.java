package io.routesync.transport;

import java.time.Duration;
import java.util.List;

/**
 * A host routesync reads and changes. Everything it does there is one run of a fixed POSIX shell
 * script whose values arrive as positional arguments ({@code $1 ...}), so a read is one round trip
 * and nothing user-supplied is ever spliced into shell text.
 */
public interface Target {

    /** How messages name this target: {@code this host}, {@code netns blue}, {@code edge1}. */
    String name();

    /** The network namespace the script should work in ({@code ip -n}), or empty for the target itself. */
    String netns();

    /** Runs {@code script} with {@code args} as {@code $1...}, feeding {@code stdin}; waits at most {@code timeout}. */
    ScriptResult runScript(String script, List<String> args, byte[] stdin, Duration timeout) throws TransportException;

    /**
     * Runs {@code script} with {@code args} as a conversation ({@link ProcessRunner#converse}): its input is
     * the answer to its output up to the awaited line; the result's output is what followed that line.
     */
    ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout)
            throws TransportException;

    /**
     * The marker a run of {@code script} here must use, or null for a fresh one: a run already under way
     * that the next call may turn out to be ({@link EarlySession}).
     */
    default String presetMarker(Script script) {
        return null;
    }
}

package io.routesync.apply;

import io.routesync.transport.ForwardingTarget;
import io.routesync.transport.ProcessRunner;
import io.routesync.transport.Script;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.List;

/**
 * A target that remembers whether routesync started a script there that can change the host: an
 * apply, arming a confirm timer, or running its undo. After a failure, that decides between
 * "unreachable: nothing changed there" and "the host may be partly changed".
 */
final class WatchedTarget extends ForwardingTarget {
    private volatile boolean touched;

    WatchedTarget(Target target) {
        super(target);
    }

    boolean touched() {
        return touched;
    }

    @Override
    public ScriptResult runScript(String script, List<String> args, byte[] stdin, Duration timeout) throws TransportException {
        Script known = Script.of(script);
        if (known != null && known.changesHost()) touched = true;
        return target.runScript(script, args, stdin, timeout);
    }

    /** A session changes the host only once it is answered with something to apply. */
    @Override
    public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout)
            throws TransportException {
        Script known = Script.of(script);
        boolean changes = known != null && known.changesHost();
        return target.converse(script, args, conversation.whenAnswered(bytes -> {
            if (changes && bytes != null && bytes.length > 0) touched = true;
        }), timeout);
    }
}

package io.routesync.apply;

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
final class WatchedTarget implements Target {
    private final Target target;
    private volatile boolean touched;

    WatchedTarget(Target target) {
        this.target = target;
    }

    boolean touched() {
        return touched;
    }

    @Override
    public String name() {
        return target.name();
    }

    @Override
    public String netns() {
        return target.netns();
    }

    @Override
    public ScriptResult runScript(String script, List<String> args, byte[] stdin, Duration timeout) throws TransportException {
        Script known = Script.of(script);
        if (known != null && known.changesHost()) touched = true;
        return target.runScript(script, args, stdin, timeout);
    }
}

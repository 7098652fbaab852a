package io.routesync.apply;

import io.routesync.transport.ForwardingTarget;
import io.routesync.transport.ProcessRunner;
import io.routesync.transport.Script;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Wraps a target and counts the scripts run on it (an apply with nothing to do must run none), and notes them in order. */
final class CountingTarget extends ForwardingTarget {
    final AtomicInteger applies = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    /** The sessions (session.sh: read, plan and apply in one run). */
    final AtomicInteger sessions = new AtomicInteger();
    /** Every script run, in order. */
    final List<Script> runs = Collections.synchronizedList(new ArrayList<>());
    /** Of the other scripts: the route-get runs (routeget.sh) alone. */
    final AtomicInteger routeGets = new AtomicInteger();

    CountingTarget(Target inner) {
        super(inner);
    }

    @Override
    public ScriptResult runScript(String script, List<String> args, byte[] stdin, Duration timeout) throws TransportException {
        runs.add(Script.of(script));
        if (script.equals(Script.APPLY.text())) applies.incrementAndGet();
        else reads.incrementAndGet();
        if (script.equals(Script.ROUTE_GET.text())) routeGets.incrementAndGet();
        return target.runScript(script, args, stdin, timeout);
    }

    @Override
    public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout)
            throws TransportException {
        runs.add(Script.of(script));
        sessions.incrementAndGet();
        return target.converse(script, args, conversation, timeout);
    }
}

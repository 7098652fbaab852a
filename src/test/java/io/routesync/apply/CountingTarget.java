package io.routesync.apply;

import io.routesync.transport.ForwardingTarget;
import io.routesync.transport.ProcessRunner;
import io.routesync.transport.Script;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

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
    /** The names of the late parts sessions were sent (written after the batch: desired, record, ...), in order. */
    final List<String> late = Collections.synchronizedList(new ArrayList<>());

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
        Supplier<byte[]> later = conversation.later();
        if (later == null) return target.converse(script, args, conversation, timeout);
        return target.converse(script, args, new ProcessRunner.Conversation(conversation.awaited(), conversation.reply(), () -> {
            byte[] piece = later.get();
            if (piece != null) late.addAll(lateNames(piece));
            return piece;
        }), timeout);
    }

    /** The parts' names in a piece of late input: each "MARKER late NAME BYTES", then its BYTES bytes. */
    private static List<String> lateNames(byte[] piece) {
        List<String> names = new ArrayList<>();
        int at = 0;
        while (at < piece.length) {
            int end = at;
            while (piece[end] != '\n') end++;
            String[] words = new String(piece, at, end - at, StandardCharsets.US_ASCII).split(" ");
            names.add(words[2]);
            at = end + 1 + Integer.parseInt(words[3]);
        }
        return names;
    }
}

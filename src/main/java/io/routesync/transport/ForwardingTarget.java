package io.routesync.transport;

import java.time.Duration;
import java.util.List;

/**
 * A target that hands everything to another one: what a wrapper that adds to some runs (notes what they
 * touch, reads early, counts them in a test) extends, overriding only those.
 */
public abstract class ForwardingTarget implements Target {
    protected final Target target;

    protected ForwardingTarget(Target target) {
        this.target = target;
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
        return target.runScript(script, args, stdin, timeout);
    }

    @Override
    public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout)
            throws TransportException {
        return target.converse(script, args, conversation, timeout);
    }

    @Override
    public String presetMarker(Script script) {
        return target.presetMarker(script);
    }
}

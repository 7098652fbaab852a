package io.routesync.testing;

import io.routesync.transport.ForwardingTarget;
import io.routesync.transport.ProcessRunner;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.Target;
import io.routesync.transport.TransportException;
import java.time.Duration;
import java.util.List;

/**
 * A target that runs every script on another one through a test's hook, which may change the script,
 * fail, or change the result: how the failure tests inject a kill, a failing command, a lost
 * connection or unreadable output at an exact point of a real run.
 */
public final class InterceptedTarget extends ForwardingTarget {
    /** Runs a script on the real target. */
    @FunctionalInterface
    public interface Inner {
        ScriptResult run(String script, List<String> args, byte[] stdin, Duration timeout) throws TransportException;
    }

    /** The test's hook: gets the real target's run and the script run asked for. */
    @FunctionalInterface
    public interface Hook {
        ScriptResult run(Inner inner, String script, List<String> args, byte[] stdin, Duration timeout) throws TransportException;
    }

    /** The test's hook for a session: runs when routesync answers it (after its reading, before its batch). */
    @FunctionalInterface
    public interface AnswerHook {
        void answering(String script);
    }

    private final Hook hook;
    private final AnswerHook answerHook;

    public InterceptedTarget(Target inner, Hook hook) {
        this(inner, hook, script -> { });
    }

    public InterceptedTarget(Target inner, Hook hook, AnswerHook answerHook) {
        super(inner);
        this.hook = hook;
        this.answerHook = answerHook;
    }

    @Override
    public ScriptResult runScript(String script, List<String> args, byte[] stdin, Duration timeout) throws TransportException {
        return hook.run(target::runScript, script, args, stdin, timeout);
    }

    /** A session (session.sh) goes to the real target; the answer hook runs as it is answered. */
    @Override
    public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout)
            throws TransportException {
        return target.converse(script, args, conversation.whenAnswered(bytes -> answerHook.answering(script)), timeout);
    }
}

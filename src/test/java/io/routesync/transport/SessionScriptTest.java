package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.routesync.model.TableId;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A session that ends before it asks for its answer (a held lock, a step that failed, a host that cut it
 * short) is never answered, and says so as a read would: locked, the fatal step in words, or "reading
 * HOST failed" with the exit status and the first line of its errors.
 */
class SessionScriptTest {
    /** A host whose session prints {@code output} (given the run's marker) and exits with {@code exit}. */
    private static Target host(Function<String, String> output, int exit, String stderr) {
        return new Target() {
            @Override
            public String name() {
                return "edge1";
            }

            @Override
            public String netns() {
                return "";
            }

            @Override
            public ScriptResult runScript(String script, List<String> args, byte[] stdin, Duration timeout) {
                throw new AssertionError("a session runs as a conversation");
            }

            @Override
            public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation conversation, Duration timeout) {
                return new ScriptResult(exit, output.apply(args.get(0)), stderr);
            }
        };
    }

    private static void run(Target host) throws Exception {
        SessionScript session = new SessionScript(host, TargetPaths.of("", "/etc/iproute2", "/var/lib/routesync", "/run/lock"),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
        session.run(List.of(TableId.of(102)), null, false, read -> {
            throw new AssertionError("a session that never asked is not answered");
        });
    }

    @Test
    void aHostThatCutTheSessionShortFailsAsAReadDoes() {
        TransportException e = assertThrows(TransportException.class, () -> run(host(m -> m + " begin 1\n", 141, "sh: broken pipe\nmore")));
        assertEquals("reading edge1 failed (exit 141): sh: broken pipe", e.getMessage());
        assertFalse(e.unreachable());
    }

    @Test
    void aHeldLockIsExit75() {
        assertThrows(LockHeldException.class, () -> run(host(m -> m + " locked\n", 0, "")));
    }

    @Test
    void aFatalStepIsSaidInWords() {
        TransportException e = assertThrows(TransportException.class, () -> run(host(m -> m + " fatal no-flock\n", 0, "")));
        assertEquals(ScriptFailure.describe("edge1", "no-flock"), e.getMessage());
    }
}

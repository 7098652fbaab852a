package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.TableId;
import io.routesync.testing.HeldLock;
import io.routesync.testing.Netns;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An apply's session started while the state loads ({@link EarlySession}) is the apply's session when it
 * read what the apply's would have (one run of session.sh, through the wrappers on the way), or ends
 * unanswered and changes nothing, and the apply's own session runs as before.
 */
class EarlySessionNetnsTest {
    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Set<TableId> FOOTPRINT = Set.of(TableId.of(100));

    @TempDir
    Path dir;
    private Netns ns;
    private TargetPaths paths;
    private final AtomicInteger sessions = new AtomicInteger();
    private final List<String> answered = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        FootprintNamespace host = FootprintNamespace.create("esess", dir, 50);
        ns = host.ns();
        paths = host.paths();
    }

    @AfterEach
    void tearDown() {
        if (ns != null) ns.close();
    }

    /** The namespace, counting the runs of session.sh. */
    private Target counted() throws TransportException {
        return new ForwardingTarget(LocalTarget.netns(ns.name())) {
            @Override
            public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation c, Duration timeout)
                    throws TransportException {
                if (script.equals(Script.SESSION.text())) sessions.incrementAndGet();
                return target.converse(script, args, c, timeout);
            }
        };
    }

    /** A wrapper between the apply and the early session, as GuardedApply's WatchedTarget is: it notes the answers it sees. */
    private Target watched(Target early) {
        return new ForwardingTarget(early) {
            @Override
            public ScriptResult converse(String script, List<String> args, ProcessRunner.Conversation c, Duration timeout)
                    throws TransportException {
                return target.converse(script, args, c.whenAnswered(bytes -> answered.add(bytes == null ? "nothing" : "parts")), timeout);
            }
        };
    }

    /** A route added to table 100 in the session: what a planner with one change answers. */
    private static ScriptParts oneRoute() {
        return new ScriptParts().add("batch4-0001", "route add 10.1.0.0/24 via 192.0.2.254 dev d0 table 100 proto 245\n");
    }

    @Test
    void anEarlySessionThatReadTheTablesIsTheApplysOneRun() throws Exception {
        EarlySession early = EarlySession.start(counted(), paths, WAIT, TIMEOUT, FOOTPRINT, false);
        AtomicReference<SessionScript.Read> seen = new AtomicReference<>();
        ApplyScript.Outcome outcome = new SessionScript(watched(early), paths, WAIT, TIMEOUT).run(List.of(TableId.of(100)), null, false,
                read -> {
                    seen.set(read);
                    return oneRoute();
                });
        assertEquals(1, sessions.get(), "one run of session.sh: the early one");
        assertEquals(50, seen.get().reading().reading().observed().routes().size(), "the planner got the early reading");
        assertEquals(List.of("parts"), answered, "the wrapper saw the answer, as for any session");
        ApplyScript.Ran ran = assertInstanceOf(ApplyScript.Ran.class, outcome);
        assertNull(ran.failedBatch());
        assertEquals(51, ran.after().observed().routes().size(), "the re-read after the batch, parsed with the same marker");
        assertTrue(ns.ip("route", "show", "table", "100").contains("10.1.0.0/24"));
    }

    @Test
    void aTableTheFootprintLacksMeansASessionOfItsOwnAndTheEarlyOneChangesNothing() throws Exception {
        EarlySession early = EarlySession.start(counted(), paths, WAIT, TIMEOUT, FOOTPRINT, false);
        AtomicReference<SessionScript.Read> seen = new AtomicReference<>();
        new SessionScript(watched(early), paths, WAIT, TIMEOUT).run(List.of(TableId.of(100), TableId.of(200)), null, false, read -> {
            seen.set(read);
            return null;
        });
        assertEquals(2, sessions.get(), "the early session ended unanswered, then the apply's own");
        assertTrue(seen.get().reading().reading().observed().tablesRead().contains(TableId.of(200)), "the apply's own reading");
        assertEquals(List.of("nothing"), answered, "the planner answered once: its own session");
    }

    @Test
    void aWideSessionIsNotTakenFromAPlainEarlyOne() throws Exception {
        EarlySession early = EarlySession.start(counted(), paths, WAIT, TIMEOUT, FOOTPRINT, false);
        AtomicReference<SessionScript.Read> seen = new AtomicReference<>();
        new SessionScript(watched(early), paths, WAIT, TIMEOUT).run(List.of(TableId.of(100)), List.of(), false, read -> {
            seen.set(read);
            return null;
        });
        assertEquals(2, sessions.get());
        assertTrue(seen.get().reading().wide() != null, "the apply's own wide reading");
    }

    @Test
    void aWideEarlySessionAnswersAWideSessionWhoseExtraTablesItListed() throws Exception {
        ns.ip("rule", "add", "pref", "1000", "from", "192.0.2.0/24", "lookup", "101");
        ns.ip("route", "add", "10.9.0.0/16", "via", "192.0.2.254", "dev", "d0", "table", "101");
        EarlySession early = EarlySession.start(counted(), paths, WAIT, TIMEOUT, FOOTPRINT, true);
        AtomicReference<SessionScript.Read> seen = new AtomicReference<>();
        new SessionScript(watched(early), paths, WAIT, TIMEOUT).run(List.of(TableId.of(100)), List.of(TableId.of(101)), false, read -> {
            seen.set(read);
            return null;
        });
        assertEquals(1, sessions.get(), "table 101 is looked up by a rule: the early wide part listed it");
        assertTrue(seen.get().reading().wide().observed().tablesRead().contains(TableId.of(101)));
        sessions.set(0);
        EarlySession again = EarlySession.start(counted(), paths, WAIT, TIMEOUT, FOOTPRINT, true);
        new SessionScript(watched(again), paths, WAIT, TIMEOUT).run(List.of(TableId.of(100)), List.of(TableId.of(102)), false, read -> null);
        assertEquals(2, sessions.get(), "table 102 is looked up by nothing: the early one did not list it");
    }

    @Test
    void aHeldLockIsTheAnswerAndIsNotWaitedForTwice() throws Exception {
        try (HeldLock held = HeldLock.hold(Path.of(paths.lockFile()))) {
            EarlySession early = EarlySession.start(counted(), paths, WAIT, TIMEOUT, FOOTPRINT, false);
            LockHeldException e = assertThrows(LockHeldException.class, () -> new SessionScript(watched(early), paths, WAIT, TIMEOUT)
                    .run(List.of(TableId.of(100)), null, false, read -> oneRoute()));
            assertEquals(new LockHeldException(early.name(), WAIT).getMessage(), e.getMessage());
            assertEquals(1, sessions.get());
        }
        assertFalse(ns.ip("route", "show", "table", "100").contains("10.1.0.0/24"));
    }

    @Test
    void aCancelledEarlySessionEndsAndFreesTheLock() throws Exception {
        EarlySession early = EarlySession.start(counted(), paths, Duration.ofSeconds(60), TIMEOUT, FOOTPRINT, false);
        early.cancel();
        // a run that waits for no lock at all gets it: the early session ended
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ScriptResult r = null;
        while (System.nanoTime() < until) {
            try {
                HostReader.read(LocalTarget.netns(ns.name()), paths, List.of(TableId.of(100)), Duration.ZERO, TIMEOUT);
                r = new ScriptResult(0, "", "");
                break;
            } catch (LockHeldException stillHeld) {
                Thread.sleep(20);
            }
        }
        assertEquals(0, r == null ? -1 : r.exitCode(), "the lock is free once the cancelled session ended");
        assertEquals(50, ns.ip("route", "show", "table", "100").lines().count(), "nothing changed");
    }
}

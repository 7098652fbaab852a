package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.SshFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --ssh-persist's connections against real sshds: they outlive a run, serve the next one, and end on their own. */
class KeptConnectionsFleetTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static SshFleet fleet;

    @TempDir
    Path tmp;
    private Path dir;

    @BeforeAll
    static void startFleet() {
        SshFleet.require();
        fleet = SshFleet.start(2);
    }

    @AfterAll
    static void stopFleet() {
        if (fleet != null) fleet.close();
    }

    @BeforeEach
    void privateDir() throws Exception {
        dir = KeptControlDir.open(tmp.resolve("kept"), ((Number) Files.getAttribute(tmp, "unix:uid")).longValue());
    }

    @AfterEach
    void stopMasters() throws Exception {
        for (Path socket : SshConnections.openKept(fleet.sshProgram(), Duration.ofSeconds(1), dir).sockets()) {
            fleet.masterPid(socket).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
        }
    }

    @Test
    void aKeptConnectionOutlivesItsRunAndTheNextRunUsesIt() throws Exception {
        int loginsBefore = fleet.acceptedLogins(0);
        SshConnections first = SshConnections.openKept(fleet.sshProgram(), Duration.ofSeconds(60), dir);
        String client = run(first, 0);
        first.close();

        List<Path> sockets = first.sockets();
        assertEquals(1, sockets.size(), "one master socket in " + dir);
        long master = fleet.masterPid(sockets.get(0)).orElseThrow(() -> new AssertionError("no master answers after the run closed: " + sockets));

        SshConnections second = SshConnections.openKept(fleet.sshProgram(), Duration.ofSeconds(60), dir);
        assertEquals(client, run(second, 0), "the same client address and port: the same TCP connection");
        second.close();
        assertEquals(loginsBefore + 1, fleet.acceptedLogins(0), "the second run logs in no more");
        assertEquals(Optional.of(master), fleet.masterPid(sockets.get(0)));

        // another host has a master of its own
        SshConnections third = SshConnections.openKept(fleet.sshProgram(), Duration.ofSeconds(60), dir);
        run(third, 1);
        assertEquals(2, third.sockets().size());
    }

    @Test
    void aKeptConnectionEndsOnItsOwnOnceIdleForItsTime() throws Exception {
        SshConnections run = SshConnections.openKept(fleet.sshProgram(), Duration.ofSeconds(2), dir);
        run(run, 1);
        run.close();
        long master = fleet.masterPid(run.sockets().get(0)).orElseThrow();
        assertTrue(waitUntilGone(master, 15_000), "the master exits once idle for ControlPersist");
        assertFalse(Files.list(dir).findAny().isPresent(), "and removes its socket");
    }

    @Test
    void aKeptMasterWhoseHostStopsAnsweringEndsAndTheNextRunConnectsAfresh() throws Exception {
        int loginsBefore = fleet.acceptedLogins(1);
        SshConnections first = SshConnections.openKept(fleet.sshProgram(), Duration.ofSeconds(600), dir);
        run(first, 1);
        first.close();
        long master = fleet.masterPid(first.sockets().get(0)).orElseThrow();
        // the host goes silent (its link down: no answer, no reset), as a host that reboots or a path whose
        // firewall dropped the connection's state
        fleet.ip(1, "link", "set", "eth0", "down");
        try {
            assertTrue(waitUntilGone(master, 30_000), "the master's unanswered asks end it, long before its 600 s");
        } finally {
            fleet.ip(1, "link", "set", "eth0", "up");
        }
        SshConnections next = SshConnections.openKept(fleet.sshProgram(), Duration.ofSeconds(600), dir);
        run(next, 1);
        assertEquals(loginsBefore + 2, fleet.acceptedLogins(1), "the next run logged in again, over a new connection");
    }

    private static String run(SshConnections connections, int index) throws TransportException {
        SshFleet.Host h = fleet.host(index);
        SshTarget t = connections.target(h.name(), SshSettings.of(h.address()));
        ScriptResult r = t.runScript("printf '%s' \"$SSH_CLIENT\"", List.of(), null, TIMEOUT);
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    private static boolean waitUntilGone(long pid, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.currentTimeMillis() > until) return false;
            Thread.sleep(50);
        }
        return true;
    }
}

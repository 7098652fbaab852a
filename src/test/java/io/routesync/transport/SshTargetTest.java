package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How SshTarget reads ssh's outcome and how SshConnections owns its directory, with a stand-in for
 * ssh (a script that behaves like ssh would), so no network is needed.
 */
class SshTargetTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void exitStatus255IsSshsOwnFailureAndNamesItsLastLine() throws Exception {
        try (SshConnections c = SshConnections.open(List.of(fakeSsh("echo 'Warning: something' >&2;"
                + " echo '@@@ banner @@@' >&2; echo 'Host key verification failed.' >&2; exit 255")))) {
            TransportException e = assertThrows(TransportException.class, () -> run(c, "true"));
            assertTrue(e.unreachable());
            assertEquals("Host key verification failed.", e.getMessage());
        }
    }

    @Test
    void silentExit255StillSaysWhat() throws Exception {
        try (SshConnections c = SshConnections.open(List.of(fakeSsh("exit 255")))) {
            TransportException e = assertThrows(TransportException.class, () -> run(c, "true"));
            assertEquals("ssh failed (exit status 255) without a message", e.getMessage());
        }
    }

    @Test
    void anyOtherExitStatusIsTheScriptsAndReturned() throws Exception {
        try (SshConnections c = SshConnections.open(List.of(fakeSsh("echo out; echo err >&2; exit 2")))) {
            ScriptResult r = run(c, "true");
            assertEquals(new ScriptResult(2, "out\n", "err\n"), r);
        }
    }

    @Test
    void aMissingSshProgramIsUnreachable() throws Exception {
        try (SshConnections c = SshConnections.open(List.of(dir.resolve("no-such-ssh").toString()))) {
            TransportException e = assertThrows(TransportException.class, () -> run(c, "true"));
            assertTrue(e.unreachable());
            assertTrue(e.getMessage().startsWith("cannot start "), e.getMessage());
        }
    }

    @Test
    void theControlDirectoryIsPrivateAndRemovedOnClose() throws Exception {
        SshConnections c = SshConnections.open();
        Path control = c.controlDir();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(control)));
        assertTrue(control.getFileName().toString().startsWith("routesync-ssh-"));
        assertTrue(control.toString().length() <= 49, "leaves room for ssh's socket names: " + control);
        c.close();
        c.close();
        assertFalse(Files.exists(control));
        SshTarget t = c.target("edge1", SshSettings.of("edge1"));
        TransportException e = assertThrows(TransportException.class, () -> t.runScript("true", List.of(), null, TIMEOUT));
        assertFalse(e.unreachable());
    }

    @Test
    void theNamespaceArgumentIsEmptyOverSsh() throws Exception {
        try (SshConnections c = SshConnections.open()) {
            SshTarget t = c.target("edge1", SshSettings.of("10.0.0.1"));
            assertEquals("", t.netns());
            assertEquals("edge1", t.name());
        }
    }

    @Test
    void refusesAnEmptyProgram() {
        assertThrows(IllegalArgumentException.class, () -> SshConnections.open(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SshConnections.open(List.of("ip", "")));
    }

    private static ScriptResult run(SshConnections c, String script) throws TransportException {
        return c.target("edge1", SshSettings.of("edge1")).runScript(script, List.of(), null, TIMEOUT);
    }

    private String fakeSsh(String body) throws IOException {
        Path file = dir.resolve("fake-ssh-" + Math.abs(body.hashCode()));
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file.toString();
    }
}

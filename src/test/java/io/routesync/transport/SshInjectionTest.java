package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.InvalidValueException;
import io.routesync.testing.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection values built to run a command on the controller (a canary file) never get that far.
 * A positive control first shows the canary really appears when such a value reaches ssh unguarded.
 */
class SshInjectionTest {
    @TempDir
    Path dir;
    private Path canary;
    private SshConnections connections;

    @BeforeEach
    void open() throws TransportException {
        canary = dir.resolve("CANARY");
        connections = SshConnections.open();
    }

    @AfterEach
    void close() {
        connections.close();
    }

    @Test
    void theCanaryWorks() {
        // a naive "ssh HOST true": the host is read as an option and ProxyCommand runs locally
        Shell.run(List.of("ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-oProxyCommand=touch " + canary, "true"), null);
        assertTrue(Files.exists(canary), "the positive control must create the canary");
    }

    @Test
    void hostileHostsNeverReachSsh() {
        for (String host : List.of("-oProxyCommand=touch " + canary, "-oProxyCommand=sh -c 'touch " + canary + "'",
                "h;touch " + canary, "h$(touch " + canary + ")", "h`touch " + canary + "`", "h\ntouch " + canary)) {
            assertRefused(host, SshSettings::of);
        }
    }

    @Test
    void hostileUsersPortsKeysAndExtraArgsNeverReachSsh() {
        assertRefused("-oProxyCommand=touch " + canary, u -> SshSettings.of("localhost").withUser(u));
        assertRefused("root;touch " + canary, u -> SshSettings.of("localhost").withUser(u));
        assertRefused("-oProxyCommand=touch " + canary, k -> SshSettings.of("localhost").withIdentityFile(k));
        assertRefused("localhost", h -> SshSettings.of(h).withPort(70000));
        assertRefused("localhost", h -> SshSettings.of(h).withExtraArgs(List.of("-oProxyCommand=true\ntouch " + canary)));
        assertRefused("localhost", h -> SshSettings.of(h).withExtraArgs(List.of("somehost", "-oProxyCommand=touch " + canary)));
    }

    @Test
    void hostileScriptArgumentsAreQuotedNotRun() throws TransportException {
        // the arguments are data: shown to a local "ssh" stand-in that runs the remote command like sshd would
        Path fakeSsh = dir.resolve("fake-ssh");
        writeExecutable(fakeSsh, "#!/bin/sh\n# the last argument is the remote command; a login shell runs it\n"
                + "for last; do :; done\ncd \"$(dirname \"$0\")\" && exec sh -c \"$last\"\n");
        try (SshConnections fake = SshConnections.open(List.of(fakeSsh.toString()))) {
            List<String> args = List.of("$(touch CANARY)", "`touch CANARY`", "; touch CANARY", "' ; touch CANARY ; '");
            ScriptResult r = fake.target("edge1", SshSettings.of("edge1"))
                    .runScript("printf '%s\\n' \"$@\"", args, null, Duration.ofSeconds(10));
            assertEquals(String.join("\n", args) + "\n", r.stdout());
        }
        assertFalse(Files.exists(canary));
    }

    private void assertRefused(String value, Function<String, SshSettings> settings) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> {
            SshTarget t = connections.target("edge1", settings.apply(value));
            t.runScript("true", List.of(), null, Duration.ofSeconds(5));
        }, "must be refused: " + value);
        assertFalse(e.getMessage().isBlank());
        assertFalse(Files.exists(canary), "canary created by " + value);
    }

    private static void writeExecutable(Path file, String text) {
        try {
            Files.writeString(file, text);
            file.toFile().setExecutable(true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

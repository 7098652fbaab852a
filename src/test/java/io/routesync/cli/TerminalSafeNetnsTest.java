package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text from a target reaches the terminal escaped: an interface whose name is an escape sequence. */
class TerminalSafeNetnsTest {
    @TempDir
    Path dir;

    @Test
    void anInterfaceNamedWithAnEscapeSequenceIsShownEscaped() throws IOException {
        KernelAccess.require();
        try (Netns ns = Netns.create("esc")) {
            String name = "d\u001b[2J\u001b]0;x";  // clear screen, then set the window title
            ns.ip("link", "add", name, "type", "veth", "peer", "name", "escp");
            ns.ip("link", "set", name, "up");
            ns.ip("route", "add", "10.77.0.0/16", "dev", name, "proto", "245");
            Path state = dir.resolve("s.yml");
            Files.writeString(state, "routes:\n  main:\n    - 10.78.0.0/16 via 192.0.2.1 dev lo onlink\n");
            CliRunner.Result r = CliRunner.run("plan", "-f", state.toString(), "--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(),
                    "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.toString());
            String all = r.out() + r.err();
            assertTrue(all.contains("d\\x1b[2J\\x1b]0;x"), r::toString);
            assertFalse(all.contains("\u001b"), r::toString);
            assertFalse(r.exitCode() == 0 || r.exitCode() == 2, "a name routesync cannot write back must not plan: " + r);
            assertEquals(-1, all.indexOf("Exception"), r::toString);
        }
    }

    /** One of routesync's own colour codes as an interface name is data too: escaped, not a red terminal. */
    @Test
    void anInterfaceNamedWithRoutesyncsOwnColourIsShownEscaped() throws IOException {
        KernelAccess.require();
        try (Netns ns = Netns.create("esc")) {
            String name = "\u001b[31mx";
            ns.ip("link", "add", name, "type", "veth", "peer", "name", "escp");
            ns.ip("link", "set", name, "up");
            ns.ip("route", "add", "10.77.0.0/16", "dev", name, "proto", "245");
            Path state = dir.resolve("s.yml");
            Files.writeString(state, "routes:\n  main:\n    - 10.78.0.0/16 via 192.0.2.1 dev lo onlink\n");
            CliRunner.Result r = CliRunner.run("plan", "-f", state.toString(), "--netns", ns.name(), "--etc-dir", dir.resolve("etc").toString(),
                    "--state-dir", dir.resolve("state").toString(), "--lock-dir", dir.toString());
            String all = r.out() + r.err();
            assertTrue(all.contains("\\x1b[31mx"), r::toString);
            assertFalse(all.contains("\u001b"), r::toString);
        }
    }
}

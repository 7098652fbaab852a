package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.render.Style;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from input files and targets cannot drive the terminal: every control character routesync did
 * not write itself is shown escaped, on both streams of every command.
 */
class TerminalSafeWriterTest {

    @TempDir
    Path dir;

    private static String through(String text) {
        StringWriter sink = new StringWriter();
        PrintWriter w = TerminalSafeWriter.wrap(new PrintWriter(sink));
        w.print(text);
        w.flush();
        return sink.toString();
    }

    @Test
    void controlCharactersAreShownEscaped() {
        assertEquals("eth\\x1b]0;owned\\x07 \\x1b[2J \\x0d \\x00", through("eth\u001b]0;owned\u0007 \u001b[2J \r \u0000"));
        assertEquals("del \\u007f csi \\u009b rlo \\u202e isolate \\u2066", through("del \u007f csi \u009b rlo \u202e isolate \u2066"));
    }

    @Test
    void routesyncsOwnColoursLayoutAndTextPass() {
        String own = Style.color(TerminalSafeWriter.OWN_CSI).red("- ip route del") + "\n\tx" + TerminalSafeWriter.ERASE_LINE
                + " caf\u00e9 \u4e2d";
        assertEquals(Style.COLOR.red("- ip route del") + "\n\tx\r\u001b[K caf\u00e9 \u4e2d", through(own));
    }

    /** The same bytes as routesync's colours and erase, when they come from data, are escaped like any other. */
    @Test
    void colourAndEraseSequencesFromDataAreEscaped() {
        assertEquals("dev \\x1b[31mx \\x1b[0m", through("dev \u001b[31mx \u001b[0m"));
        assertEquals("host 'edge1\\x0d\\x1b[K' is not valid", through("host 'edge1\r\u001b[K' is not valid"));
        assertEquals(Style.COLOR.green("+ add") + " \\x1b[32m", through(Style.color(TerminalSafeWriter.OWN_CSI).green("+ add") + " \u001b[32m"));
    }

    @Test
    void anEscapeInAStateValueReachesTheErrorEscaped() throws IOException {
        Path state = dir.resolve("s.yml");
        Files.writeString(state, "routes:\n  main:\n    - { to: 10.0.0.0/8, via: 192.0.2.1, dev: \"e\\e]0;owned\\a\\e[2J\" }\n");
        CliRunner.Result r = CliRunner.run("validate", "-f", state.toString());
        assertEquals(65, r.exitCode(), r::toString);
        assertTrue(r.err().contains("'e\\x1b]0;owned\\x07\\x1b[2J' is not a valid interface name"), r::toString);
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), r::toString);
    }

    @Test
    void anEscapeInAnInventoryHostNameReachesTheErrorEscaped() throws IOException {
        Path inventory = dir.resolve("hosts.yml");
        Files.writeString(inventory, "all:\n  hosts:\n    \"edge\\e[8m\\u202e1\":\n");
        CliRunner.Result r = CliRunner.run("validate", "-i", inventory.toString());
        assertEquals(65, r.exitCode(), r::toString);
        assertTrue(r.err().contains("edge\\x1b[8m\\u202e1"), r::toString);
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u202e"), r::toString);
    }
}

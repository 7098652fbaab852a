package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --format on show, plan and explain: the words each accepts, --json as its synonym, svg without Graphviz. */
class PictureFormatTest {
    private static final List<String> SHOW = List.of("yaml", "json", "dot", "svg");

    @TempDir
    Path dir;

    @Test
    void formatWordsAndTheJsonFlag() throws UserError {
        assertEquals(OutputFormat.TEXT, OutputFormat.choose(null, false, "yaml", SHOW));
        assertEquals(OutputFormat.JSON, OutputFormat.choose(null, true, "yaml", SHOW));
        assertEquals(OutputFormat.JSON, OutputFormat.choose("json", true, "yaml", SHOW));
        assertEquals(OutputFormat.TEXT, OutputFormat.choose("YAML", false, "yaml", SHOW));
        assertEquals(OutputFormat.DOT, OutputFormat.choose("dot", false, "yaml", SHOW));
        assertEquals(OutputFormat.SVG, OutputFormat.choose("svg", false, "yaml", SHOW));
        UserError both = assertThrows(UserError.class, () -> OutputFormat.choose("dot", true, "yaml", SHOW));
        assertEquals(ExitCodes.USAGE, both.exitCode());
        UserError bad = assertThrows(UserError.class, () -> OutputFormat.choose("png", false, "yaml", SHOW));
        assertEquals("--format png: expected one of yaml, json, dot, svg", bad.getMessage());
        // explain has no JSON form
        assertThrows(UserError.class, () -> OutputFormat.choose("json", false, "text", List.of("text", "dot", "svg")));
    }

    @Test
    void badFormatsAreUsageErrorsBeforeAnyHostIsRead() throws Exception {
        CliRunner.Result r = CliRunner.run("show", "--format", "png", "--netns", "rs-no-such-ns");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.err().contains("--format png: expected one of yaml, json, dot, svg"), r::toString);
        r = CliRunner.run("explain", "--to", "192.0.2.1", "--format", "json", "--netns", "rs-no-such-ns");
        assertEquals(64, r.exitCode(), r::toString);
        Path inv = Files.writeString(dir.resolve("hosts.ini"), "h1 ansible_host=192.0.2.9\n");
        r = CliRunner.run("plan", "-i", inv.toString(), "--format", "dot");
        assertEquals(64, r.exitCode(), r::toString);
        assertTrue(r.err().contains("draws one host"), r::toString);
    }

    @Test
    void svgWithoutGraphvizSaysWhatToDoInstead() throws Exception {
        UserError e = assertThrows(UserError.class, () -> Graphviz.require(dir.toString()));
        assertEquals(64, e.exitCode());
        assertTrue(e.getMessage().contains("--format svg needs Graphviz's dot program, which is not on PATH"), e.getMessage());
        assertTrue(e.getMessage().contains("--format dot"), e.getMessage());
        assertThrows(UserError.class, () -> Graphviz.require(null));
        assertNull(Graphviz.find(""));
        // a dot that is not executable is not Graphviz; an executable one is found
        Path fake = Files.writeString(dir.resolve("dot"), "#!/bin/sh\nexit 3\n");
        assertNull(Graphviz.find(dir.toString()));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        assertEquals(fake, Graphviz.find("/nonexistent:" + dir));
        // a failing dot is an error that points at --format dot, never half an SVG
        UserError failed = assertThrows(UserError.class, () -> Graphviz.svg(fake, "digraph {}"));
        assertEquals(1, failed.exitCode());
        assertTrue(failed.getMessage().contains("exit 3"), failed.getMessage());
    }
}

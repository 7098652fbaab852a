package io.routesync.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.config.UnreadableInput;
import io.routesync.testing.Allocations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state file is read into one buffer of its size and decoded once: a 4 MB state (the benchmark's
 * 33k routes a file) costs its bytes and its text, not the stream's 8 KiB buffers and copies (about
 * three bytes allocated a byte before). The text is the same, UTF-8 is decoded, and what is not UTF-8
 * is still refused at its line and column.
 */
class InputFileTest {
    @TempDir
    Path dir;

    @Test
    void aLargeAsciiFileIsReadWithOneBufferAndOneCopy() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < (4 << 20); i++) text.append("    - 10.").append(i >> 16 & 255).append('.').append(i >> 8 & 255)
                .append('.').append(i & 255).append("/32 via 192.0.2.254 dev d0\n");
        Path file = Files.writeString(dir.resolve("big.yml"), text);
        List<String> read = new ArrayList<>();
        long bytes = Allocations.of(() -> read.add(InputFile.read(file)));
        assertEquals(text.toString(), read.get(0));
        assertTrue(bytes < 2.5 * text.length(), "reading " + text.length() + " bytes allocated " + bytes);
    }

    @Test
    void utf8IsDecodedAndAnEmptyFileIsEmpty() throws Exception {
        String text = "# Zürich uplink – ä\nroutes: {}\n";
        assertEquals(text, InputFile.read(Files.write(dir.resolve("u.yml"), text.getBytes(StandardCharsets.UTF_8))));
        assertEquals("", InputFile.read(Files.write(dir.resolve("empty.yml"), new byte[0])));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedWhereTheyAre() throws Exception {
        byte[] bytes = "routes:\n  main:\n    - 10.0.0.0/8 dev \u00e9th0\n".getBytes(StandardCharsets.ISO_8859_1);
        UnreadableInput e = assertThrows(UnreadableInput.class, () -> InputFile.read(Files.write(dir.resolve("l.yml"), bytes)));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        assertTrue(e.diagnostic("l.yml").format().contains("l.yml:3:22"), e.diagnostic("l.yml").format());
    }
}

package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files routesync cannot take as text are refused before they are read: a 3 GiB file by its size (a
 * sparse file, so no disk is used), bytes that are not UTF-8 at the line and column of the first one.
 */
class UnreadableInputCliTest {
    private static final long THREE_GIB = 3L << 30;

    @TempDir
    Path dir;

    private Path sparse(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(THREE_GIB);
        }
        return file;
    }

    private static void assertRefused(CliRunner.Result r, int exit, String expectedStart) {
        assertEquals(exit, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().startsWith(expectedStart), () -> "expected:\n" + expectedStart + "\nbut stderr was:\n" + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
    }

    @Test
    void aHugeStateFileIsRefusedBySize() throws IOException {
        Path state = sparse("huge.yml");
        assertRefused(CliRunner.run("validate", "-f", state.toString()), 65,
                state + ": error: the file is 3.0 GiB, larger than routesync reads (256.0 MiB)\n");
    }

    @Test
    void aHugeInventoryOrVarsFileIsRefusedBySize() throws IOException {
        Path inventory = sparse("inventory/hosts.yml");
        assertRefused(CliRunner.run("validate", "-i", inventory.toString()), 65,
                inventory + ": error: the file is 3.0 GiB, larger than routesync reads (256.0 MiB)\n");
        Files.writeString(inventory, "all:\n  hosts:\n    h1:\n");
        sparse("inventory/group_vars/all.yml");
        assertRefused(CliRunner.run("validate", "-i", inventory.toString()), 65,
                dir + "/inventory/group_vars/all.yml: error: the file is 3.0 GiB, larger than routesync reads (256.0 MiB)\n");
    }

    @Test
    void aHugePlanFileIsRefusedBySize() throws IOException {
        Path plan = sparse("huge.plan");
        assertRefused(CliRunner.run("apply", plan.toString()), 1,
                "error: cannot read the plan file " + plan + ": the file is 3.0 GiB, larger than routesync reads (256.0 MiB). Nothing was applied.");
    }

    /** A device (no size, may never end) is refused unopened, and named as what it is, also as -i. */
    @Test
    void anEndlessDeviceIsRefusedAsWhatItIs() {
        assertRefused(CliRunner.run("validate", "-f", "/dev/zero"), 65,
                "/dev/zero: error: this is a character device, not a regular file\n");
        assertRefused(CliRunner.run("validate", "-i", "/dev/zero"), 65,
                "/dev/zero: error: this is a character device, not a regular file\n");
        assertRefused(CliRunner.run("inventory", "-i", "/dev/zero", "--list"), 65,
                "error: /dev/zero: this is a character device, not an inventory file");
        assertRefused(CliRunner.run("apply", "/dev/zero"), 1,
                "error: cannot read the plan file /dev/zero: this is a character device, not a regular file. Nothing was applied.");
    }

    /** A named pipe nobody writes to would block the run forever: refused at once, as -f, -i and a plan file. */
    @Test
    void aNamedPipeIsRefusedAtOnceNotWaitedOn() throws Exception {
        Path fifo = dir.resolve("state.fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        CliRunner.Result[] r = new CliRunner.Result[3];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            r[0] = CliRunner.run("validate", "-f", fifo.toString());
            r[1] = CliRunner.run("validate", "-i", fifo.toString());
            r[2] = CliRunner.run("apply", fifo.toString());
        });
        assertRefused(r[0], 65, fifo + ": error: this is a named pipe (FIFO), not a regular file\n");
        assertTrue(r[0].err().contains("fix: give the path of a regular file"), r[0]::toString);
        assertRefused(r[1], 65, fifo + ": error: this is a named pipe (FIFO), not a regular file\n");
        assertRefused(r[2], 1, "error: cannot read the plan file " + fifo + ": this is a named pipe (FIFO), not a regular file.");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByLineAndColumn() throws IOException {
        Path state = dir.resolve("latin1.yml");
        Files.write(state, "tables:\n  uplink: 100\n# caf\u00e9 \u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(CliRunner.run("validate", "-f", state.toString()), 65,
                state + ":3:6: error: the file is not UTF-8 text: byte 0xe9 here is not a UTF-8 character\n"
                        + "  fix: save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)\n");
    }

    @Test
    void anInventoryThatIsNotUtf8IsNamedByLineAndColumn() throws IOException {
        Path inventory = dir.resolve("hosts.yml");
        Files.write(inventory, "all:\n  hosts:\n    h\u00f61:\n".getBytes(StandardCharsets.ISO_8859_1));
        assertRefused(CliRunner.run("validate", "-i", inventory.toString()), 65,
                inventory + ":3:6: error: the file is not UTF-8 text: byte 0xf6 here is not a UTF-8 character\n");
    }
}

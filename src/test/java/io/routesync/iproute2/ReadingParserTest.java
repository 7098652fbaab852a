package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadingParserTest {
    private static final String OUT = String.join("\n",
            "M begin 1",
            "M cmd version",
            "ip utility, iproute2-6.1.0, libbpf 1.1.2",
            "M rc 0",
            "M file /etc/iproute2/rt_tables",
            "255\tlocal",
            "",
            "M file /etc/iproute2/rt_tables.d/routesync.conf",
            "102 uplink2",
            "",
            "M cmd rule 4",
            "0:\tfrom all lookup 255 proto 2",
            "M rc 0",
            "M cmd route 4 102",
            "Error: ipv4: FIB table does not exist.",
            "Dump terminated",
            "M rc 2",
            "M end",
            "M digest abc123",
            "");

    @Test
    void splitsFilesCommandsAndDigest() {
        Reading r = ReadingParser.parse(OUT, "M");
        assertEquals(2, r.files().size());
        assertEquals("/etc/iproute2/rt_tables", r.files().get(0).path());
        assertEquals("255\tlocal\n\n", r.files().get(0).content());
        assertEquals("102 uplink2\n\n", r.files().get(1).content());
        assertEquals(List.of("version"), r.commands().get(0).words());
        assertEquals("0:\tfrom all lookup 255 proto 2\n", r.command("rule", "4").output());
        assertEquals(2, r.command("route", "4", "102").exitCode());
        assertEquals("abc123", r.digest());
        assertEquals(List.of("begin 1", "end"), r.notes());
    }

    @Test
    void anotherMarkerIsContent() {
        Reading r = ReadingParser.parse("X file /f\nM cmd rule 4\nX rc 0\n", "X");
        assertEquals("M cmd rule 4\n", r.files().get(0).content());
        assertEquals(0, r.commands().size());
    }

    @Test
    void notesCarryLockAndStale() {
        Reading r = ReadingParser.parse("M begin 1\nM stale deadbeef\n", "M");
        assertEquals("deadbeef", r.note("stale"));
        assertNull(r.note("locked"));
    }

    @Test
    void splitsApplyOutputAtReread() {
        ReadingParser.ApplyOutput out = ReadingParser.splitApply("M cmd batch 4\nM rc 0\nM reread\nM begin 1\n", "M");
        assertEquals("M cmd batch 4\nM rc 0\n", out.applied());
        assertEquals("M begin 1\n", out.reread());
        assertNull(ReadingParser.splitApply("M locked\n", "M").reread());
    }

    /** A note or digest line inside a command's output is not part of it; the lines around it are. */
    @Test
    void aNoteInsideACommandSectionIsLeftOutOfItsOutput() {
        Reading r = ReadingParser.parse("M cmd route 4 100\na\nM locked\nb\nM digest d\nc\nM rc 0\nM file /f\nx", "M");
        assertEquals("a\nb\nc\n", r.command("route", "4", "100").output());
        assertEquals(List.of("locked"), r.notes());
        assertEquals("x\n", r.files().get(0).content());
    }

    /**
     * The definition, line by line (what the parser did before it took each body as one substring):
     * random outputs of marker and content lines (and lines holding the marker elsewhere than at their
     * start), with and without a last newline, parse the same.
     */
    @Test
    void eachBodyIsItsLinesEachWithItsNewline() {
        String[] vocabulary = {"M cmd route 4 100", "M file /etc/f", "M rc 0", "M rc 2", "M digest ab", "M locked", "M begin 1",
            "10.0.0.0/28 via 192.0.2.254 dev d0", "", "X cmd y", " M rc 0", "M", "M  cmd", "10.0.0.0/8 dev M rc 0", "MM rc 0"};
        Random random = new Random(10);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder out = new StringBuilder();
            int lines = random.nextInt(12);
            for (int i = 0; i < lines; i++) {
                out.append(vocabulary[random.nextInt(vocabulary.length)]);
                if (i < lines - 1 || random.nextBoolean()) out.append('\n');
            }
            String text = out.toString();
            assertEquals(lineByLine(text, "M"), ReadingParser.parse(text, "M"), text);
        }
    }

    private static Reading lineByLine(String output, String marker) {
        List<Reading.FileSection> files = new ArrayList<>();
        List<Reading.CommandSection> commands = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String digest = null;
        String kind = null;
        List<String> words = List.of();
        StringBuilder body = new StringBuilder();
        List<String> lines = new ArrayList<>(List.of(output.split("\n", -1)));
        if (output.isEmpty() || output.endsWith("\n")) lines.remove(lines.size() - 1);
        for (String line : lines) {
            if (!line.startsWith(marker + " ")) {
                if (kind != null) body.append(line).append('\n');
                continue;
            }
            List<String> w = List.of(line.substring(marker.length() + 1).split(" "));
            if ("file".equals(kind)) {
                files.add(new Reading.FileSection(String.join(" ", words), body.toString()));
                kind = null;
            }
            String first = w.isEmpty() ? "" : w.get(0);
            if (first.equals("file") || first.equals("cmd")) {
                kind = first;
                words = w.subList(1, w.size());
                body.setLength(0);
            } else if (first.equals("rc")) {
                if ("cmd".equals(kind)) commands.add(new Reading.CommandSection(words, body.toString(), Integer.parseInt(w.get(1))));
                kind = null;
            } else if (first.equals("digest")) {
                digest = w.get(1);
            } else {
                notes.add(String.join(" ", w));
            }
        }
        if ("file".equals(kind)) files.add(new Reading.FileSection(String.join(" ", words), body.toString()));
        return new Reading(files, commands, digest, notes);
    }
}

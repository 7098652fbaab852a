package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
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
}

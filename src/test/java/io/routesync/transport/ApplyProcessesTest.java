package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a heal costs on the target in programs started (issue 12): a watch's heal of the seed state is an
 * apply of the same desired state, footprint and name files as the last one, and each program apply.sh
 * starts is a fork and an exec in it. apply.sh runs here behind {@link StandIns} (ip a fake), on a state
 * directory an earlier apply left, so the count is exact; what it writes is checked as well.
 */
class ApplyProcessesTest {
    private static final String KEPT = "# routesync kept state\nroutes: []\n";

    @TempDir
    Path dir;

    /** The state an earlier apply of {@code KEPT} left: footprint, desired state and its proof, records, name files. */
    private void earlierApply() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state/records"));
        Files.writeString(state.resolveSibling("tables"), "102\n");
        Files.writeString(state.resolveSibling("desired.yaml"), KEPT);
        Files.writeString(state.resolveSibling("desired.digest"), "d1\n");
        Files.writeString(Files.createDirectories(dir.resolve("etc/rt_tables.d")).resolve("routesync.conf"), "102 uplink2\n");
        Files.writeString(Files.createDirectories(dir.resolve("etc/rt_protos.d")).resolve("routesync.conf"), "245 routesync\n");
    }

    /** An apply of the batch that puts the default route back, keeping {@code kept} and footprint {@code footprint}. */
    private String heal(StandIns programs, String kept, String footprint) throws Exception {
        return heal(programs, kept, footprint, "");
    }

    /** The same with more parts ({@code extra}: "rsT part NAME" lines and their content). */
    private String heal(StandIns programs, String kept, String footprint, String extra) throws Exception {
        String read = programs.run(Script.READ, new byte[0], "102");
        String digest = read.substring(read.lastIndexOf("rsT digest ") + "rsT digest ".length()).strip();
        String in = "rsT part footprint-grow\n102\n"
                + "rsT part batch4-0001\nroute add default via 192.168.2.1 dev eth1 table 102 proto 245\n"
                + "rsT part footprint\n" + footprint
                + "rsT part record\n{\"apply\": 1}\n"
                + "rsT part desired\n" + kept + extra;
        return programs.run(Script.APPLY, in.getBytes(StandardCharsets.UTF_8), digest, "102");
    }

    @Test
    void aHealStartsThirtyNinePrograms() throws Exception {
        earlierApply();
        StandIns programs = new StandIns(dir);
        String out = heal(programs, KEPT, "102\n");
        assertTrue(out.contains("\nrsT recorded "), out);
        assertFalse(out.contains("write-failed") || out.contains("stale") || out.contains("fatal"), out);
        // the run's directory (mktemp -d, rm -rf) and its parts (awk); the lock (stat per checked directory,
        // flock); the reading under it (ip x5, cat per name file, the expiry sed) and its digest (sed,
        // sha256sum); the batch (ip) between two dates; the footprint and the desired state compared, not
        // written again (cmp x2); the record and last.json written (mktemp, cat, chmod, mv each); the
        // reading after it (ip x4: ip's version is asked once a run; cat x2, the expiry sed, tee, the marker
        // sed, sha256sum). No dirname,
        // mkdir, sort or cut; no cat for the confirm token.
        assertEquals(Map.ofEntries(Map.entry("ip", 10), Map.entry("stat", 2), Map.entry("flock", 1), Map.entry("mktemp", 3),
                Map.entry("awk", 1), Map.entry("cat", 6), Map.entry("sed", 4), Map.entry("sha256sum", 2), Map.entry("date", 2),
                Map.entry("cmp", 2), Map.entry("chmod", 2), Map.entry("mv", 2), Map.entry("tee", 1), Map.entry("rm", 1)), programs.started());
        assertEquals(2, names(dir.resolve("state/records")), "the record and last.json");
    }

    @Test
    void aHealInOneSessionStartsFewerProgramsThanApplyShAlone() throws Exception {
        earlierApply();
        StandIns programs = new StandIns(dir);
        // session.sh: no probe, table 102; its answer (the same parts, "go", then the late parts routesync makes
        // while the batch runs) is on stdin before it asks: it reads nothing until it printed "await"
        String early = "rsT part footprint-grow\n102\n"
                + "rsT part batch4-0001\nroute add default via 192.168.2.1 dev eth1 table 102 proto 245\n"
                + "rsT part footprint\n102\n"
                + "rsT part go\n";
        String record = "{\"apply\": 1}\n";
        String in = "rsT parts " + early.length() + "\n" + early
                + "rsT late desired " + KEPT.getBytes(StandardCharsets.UTF_8).length + "\n" + KEPT
                + "rsT late record " + record.length() + "\n" + record;
        String out = programs.run(Script.SESSION, in.getBytes(StandardCharsets.UTF_8), "-", "102");
        int await = out.indexOf("\nrsT await\n");
        assertTrue(await > 0 && out.lastIndexOf("rsT digest ", await) > 0, out);
        assertTrue(out.indexOf("\nrsT recorded ", await) > 0 && out.indexOf("\nrsT reread\n", await) > 0, out);
        assertEquals(record, Files.readString(dir.resolve("state/records/last.json")), "the late record, whole");
        assertFalse(out.contains("write-failed") || out.contains("stale") || out.contains("fatal") || out.contains("skipped"), out);
        // apply.sh's 39, less the digests of its two readings (a session's are not digested: sed and sha256sum
        // twice); and no read.sh before it: the 12 programs of the plan's own reading are gone. The late parts
        // cost a head for the parts before "go" and one for each late part, and a cat (the re-read, made while
        // they arrive, is printed from a file after the writes)
        assertTrue(out.contains("\nrsT digest none\n"), out);
        assertFalse(out.matches("(?s).*rsT digest [0-9a-f]{64}.*"), out);
        assertEquals(Map.ofEntries(Map.entry("ip", 10), Map.entry("stat", 2), Map.entry("flock", 1), Map.entry("mktemp", 3),
                Map.entry("awk", 1), Map.entry("head", 3), Map.entry("cat", 7), Map.entry("sed", 2), Map.entry("date", 2),
                Map.entry("cmp", 2), Map.entry("chmod", 2), Map.entry("mv", 2), Map.entry("rm", 1)), programs.started());
    }

    /** A session's answer: the heal's parts up to "go", then the late parts {@code late} ("rsT late NAME BYTES" and each). */
    private static byte[] healInSession(String late) {
        String early = "rsT part footprint-grow\n102\n"
                + "rsT part batch4-0001\nroute add default via 192.168.2.1 dev eth1 table 102 proto 245\n"
                + "rsT part footprint\n102\n"
                + "rsT part go\n";
        return ("rsT parts " + early.length() + "\n" + early + late).getBytes(StandardCharsets.UTF_8);
    }

    private static String late(String name, String content) {
        return "rsT late " + name + " " + content.getBytes(StandardCharsets.UTF_8).length + "\n" + content;
    }

    @Test
    void aSessionOfTheSameInputsIsSentNoCopyAndStartsOneProgramFewer() throws Exception {
        earlierApply();
        String key = "ab".repeat(32);
        Files.writeString(dir.resolve("state/desired.inputs"), key + " " + sha256(KEPT) + "\n");
        StandIns programs = new StandIns(dir);
        String record = "{\"apply\": 1}\n";
        String out = programs.run(Script.SESSION, healInSession(late("record", record)), "-", "102");
        // the kept copy's digest, made while the host is read, matches: the key is the last line before "await"
        assertTrue(out.contains("\nrsT kept-inputs " + key + "\nrsT await\n"), out);
        assertTrue(out.indexOf("\nrsT recorded ") > 0, out);
        assertEquals(KEPT, Files.readString(dir.resolve("state/desired.yaml")));
        // the session above (aHealInOneSession...) with no copy sent: one head and one cmp fewer, one sha256sum more
        assertEquals(Map.ofEntries(Map.entry("ip", 10), Map.entry("stat", 2), Map.entry("flock", 1), Map.entry("mktemp", 3),
                Map.entry("awk", 1), Map.entry("head", 2), Map.entry("cat", 7), Map.entry("sed", 2), Map.entry("date", 2),
                Map.entry("cmp", 1), Map.entry("chmod", 2), Map.entry("mv", 2), Map.entry("rm", 1), Map.entry("sha256sum", 1)),
                programs.started());
    }

    @Test
    void aCopyChangedSinceItsKeyWasKeptIsNotReportedAndAKeySentIsKeptWithTheCopysDigest() throws Exception {
        earlierApply();
        String key = "cd".repeat(32);
        Files.writeString(dir.resolve("state/desired.inputs"), key + " " + sha256("# another text\n") + "\n");
        String another = "# another state\nroutes: []\n";
        String out = new StandIns(dir).run(Script.SESSION, healInSession(late("desired", another) + late("desired-inputs", key + "\n")),
                "-", "102");
        assertFalse(out.contains("kept-inputs"), out);
        assertFalse(out.contains("write-failed"), out);
        assertEquals(another, Files.readString(dir.resolve("state/desired.yaml")));
        assertEquals(key + " " + sha256(another) + "\n", Files.readString(dir.resolve("state/desired.inputs")));
        // and the next session reports it
        String next = new StandIns(dir).run(Script.SESSION, new byte[0], "-", "102");
        assertTrue(next.endsWith("rsT kept-inputs " + key + "\nrsT await\nrsT skipped\n"), next);
    }

    @Test
    void aSessionsWideReadingFindsTheTablesRulesLookUpInItsOwnReading() throws Exception {
        earlierApply();
        StandIns programs = new StandIns(dir);
        String out = programs.run(Script.SESSION, new byte[0], "-", "102", "wide", "254");
        // the reading: ip -V, two rule dumps, table 102 of each family; the wide part: tables 254 (asked for)
        // and 255 (a rule looks it up; 102 was read already), two families each, and no rule dump again
        int wide = out.indexOf("\nrsT wide\n");
        assertTrue(wide > 0 && out.indexOf("rsT cmd route 4 254\n", wide) > 0 && out.indexOf("rsT cmd route 6 255\n", wide) > 0, out);
        assertFalse(out.substring(wide).contains("rsT cmd route 4 102"), out);
        assertEquals(5 + 4, programs.started().get("ip"), "no second dump of the rules");
        // the tables the rules look up are found and ordered by the shell (no sed, no sort): a sed only for an
        // IPv6 listing with an expiry to drop (table 102's; the wide part's have none); no answer: no awk to take its parts
        assertEquals(Map.ofEntries(Map.entry("ip", 9), Map.entry("stat", 2), Map.entry("flock", 1), Map.entry("mktemp", 1),
                Map.entry("cat", 2), Map.entry("sed", 1), Map.entry("rm", 1)), programs.started());
    }

    @Test
    void aSessionAnsweredWithNothingEndsAfterItsReading() throws Exception {
        earlierApply();
        StandIns programs = new StandIns(dir);
        String out = programs.run(Script.SESSION, new byte[0], "-", "102");
        assertTrue(out.endsWith("rsT await\nrsT skipped\n"), out);
        assertEquals(0, names(dir.resolve("state/records")), "no record: nothing was applied");
        assertEquals(5, programs.started().get("ip"), "the reading only");
    }

    @Test
    void theExpectationsFlowsCostOneIpEachInTheSameSession() throws Exception {
        earlierApply();
        StandIns programs = new StandIns(dir);
        String out = heal(programs, KEPT, "102\n", "rsT part flows\n203.0.113.5 from 192.168.2.10 uid 0\n"
                + "fibmatch 203.0.113.5 from 192.168.2.10 uid 0\n");
        // after the re-read and its digest: "routeget", then each flow's answer
        int digest = out.lastIndexOf("rsT digest ");
        assertTrue(digest > 0 && out.indexOf("rsT routeget\nrsT cmd routeget 1\nrsT rc 0\nrsT cmd routeget 2\nrsT rc 0\n") > digest, out);
        assertEquals(12, programs.started().get("ip"), "the 10 of a heal and one per flow");
        assertEquals(41, programs.started().values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aChangedFootprintAndDesiredStateAreWritten() throws Exception {
        earlierApply();
        String out = heal(new StandIns(dir), "# another state\nroutes: []\n", "102\n103\n");
        assertFalse(out.contains("write-failed"), out);
        assertEquals("# another state\nroutes: []\n", Files.readString(dir.resolve("state/desired.yaml")));
        assertEquals("102\n103\n", Files.readString(dir.resolve("state/tables")));
    }

    @Test
    void aSymbolicLinkWithTheSameBytesIsReplacedNotKept() throws Exception {
        earlierApply();
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.yaml"), KEPT);
        Path desired = dir.resolve("state/desired.yaml");
        Files.delete(desired);
        Files.createSymbolicLink(desired, elsewhere);
        String out = heal(new StandIns(dir), KEPT, "102\n");
        assertFalse(out.contains("write-failed"), out);
        assertTrue(Files.isRegularFile(desired, java.nio.file.LinkOption.NOFOLLOW_LINKS), "a file of its own now");
        assertEquals(KEPT, Files.readString(desired));
        assertEquals(KEPT, Files.readString(elsewhere), "the link's target is untouched");
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static long names(Path d) throws Exception {
        try (var s = Files.list(d)) {
            return s.count();
        }
    }
}

package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a read costs on the target in programs started: each is a fork and an exec on every plan, of
 * every host. read.sh runs here with every program it may start behind a logging stand-in first in
 * PATH (ip a fake with canned output), so the count is exact and no kernel state is involved. The
 * reading it prints is still the one apply.sh compares: its digest is sha256 of the reading with the
 * marker written as "@", as digest_of computes it.
 */
class ScriptProcessesTest {
    @TempDir
    Path dir;

    private String read(StandIns programs) throws Exception {
        // the footprint of an earlier apply
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/tables"), "102\n");
        return programs.run(Script.READ, new byte[0], "102");
    }

    @Test
    void aReadOfOneTableStartsTwelvePrograms() throws Exception {
        StandIns programs = new StandIns(dir);
        read(programs);
        // ip x5 (version, rules x2, routes x2), stat per checked directory (lock, state), flock, and the
        // reading's way out: the expiry sed, tee, the marker sed, sha256sum. No mktemp, rm, id, dirname,
        // sort, cut or cat (the name files are absent here).
        assertEquals(Map.of("ip", 5, "stat", 2, "flock", 1, "sed", 2, "tee", 1, "sha256sum", 1), programs.started());
    }

    @Test
    void theReadingIsDigestedAsApplyDigestsIt() throws Exception {
        StandIns programs = new StandIns(dir);
        String out = read(programs);
        int at = out.lastIndexOf("rsT digest ");
        assertTrue(at > 0 && out.endsWith("\n"), out);
        String reading = out.substring(0, at);
        assertTrue(reading.contains("rsT cmd route 6 102\n2001:db8::/64 via fe80::1 dev eth1 proto 245 metric 1024 pref medium\n"),
                "the IPv6 expiry is dropped: " + reading);
        assertTrue(reading.endsWith("rsT end\n"), reading);
        String digested = ("\n" + reading).replace("\nrsT ", "\n@ ").substring(1);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(digested.getBytes(StandardCharsets.UTF_8)));
        assertEquals("rsT digest " + sha + "\n", out.substring(at));
        // a second read (another pid, so another expiry) digests the same
        String again = read(programs);
        assertEquals(out.substring(at), again.substring(again.lastIndexOf("rsT digest ")));
    }
}

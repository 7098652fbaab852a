package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
    void aPlanThatIsNotSavedReadsWideWithoutDigestInOneShell() throws Exception {
        StandIns programs = new StandIns(dir);
        // name files: one the shell prints whole, one of 70 lines without a last newline (64 by the shell,
        // the rest by cat), with what a shell's read could change (backslashes, blanks, tabs)
        Files.createDirectories(dir.resolve("etc/rt_tables.d"));
        Files.writeString(dir.resolve("etc/rt_tables.d/routesync.conf"), "# routesync\n102 uplink2\n");
        StringBuilder big = new StringBuilder();
        for (int i = 1; i <= 70; i++) big.append(i).append(i % 7 == 0 ? " \\t\t a\\" : " t" + i).append("  ").append(i < 70 ? "\n" : "");
        Files.writeString(dir.resolve("etc/rt_tables"), big);
        String digested = read(programs);
        assertEquals(2, programs.started().get("cat"), "a digested reading's name files: cat each");
        Files.writeString(dir.resolve("state/tables"), "102\n");
        String out = programs.run(Script.READ, new byte[0], "nodigest", "102", "wide", "254");
        // the reading is a digested read's, with "digest none" for the digest
        int wide = out.indexOf("rsT wide\n");
        assertTrue(wide > 0 && out.endsWith("rsT wide-end\n"), out);
        assertEquals(digested.substring(0, digested.lastIndexOf("rsT digest ")) + "rsT digest none\n", out.substring(0, wide));
        // the wide part: 254 (asked for) and 255 (a rule looks it up; 102 was read already), in order
        assertTrue(out.indexOf("rsT cmd route 4 254\n", wide) > 0 && out.indexOf("rsT cmd route 6 255\n", wide) > out.indexOf("rsT cmd route 4 254\n", wide), out);
        assertFalse(out.substring(wide).contains("route 4 102"), out);
        // ip x5 for the reading and x4 for the wide part (no second rule dump: one shell), stat x2, flock, one
        // sed for the one IPv6 listing with an expiry (table 102's; none for the listings without), and cat
        // for the big name file's last lines only: no tee, sed and sha256sum for a digest, no sed or sort to
        // find and order the wide part's tables
        assertEquals(Map.of("ip", 9, "stat", 2, "flock", 1, "sed", 1, "cat", 1), programs.started());
    }

    @Test
    void aDigestedWideReadFindsTheTablesRulesLookUpWithTheShell() throws Exception {
        StandIns programs = new StandIns(dir);
        read(programs);
        String out = programs.run(Script.READ, new byte[0], "102", "wide", "254");
        assertTrue(out.matches("(?s).*\nrsT digest [0-9a-f]{64}\nrsT wide\n.*rsT cmd route 4 254\n.*rsT cmd route 6 255\nrsT rc 0\nrsT wide-end\n"), out);
        // the reading ran in the digest's pipeline: the rules are dumped again (ip x2) for the wide part; the
        // reading's IPv6 listing has an expiry to drop (sed), the wide part's have none (no sed)
        assertEquals(Map.of("ip", 11, "stat", 2, "flock", 1, "sed", 2, "tee", 1, "sha256sum", 1), programs.started());
    }

    /** Runs common.sh (with its six arguments) and then {@code then}, with {@code args} after the six. */
    private static String common(String then, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", Script.load("common.sh") + then, "routesync", "rsT", "", "/nonexistent",
                "", "0", "/nonexistent"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void theTablesRulesLookUpAreFoundAsSedFindsThem() throws Exception {
        String rules = String.join("\n", "0:\tfrom all lookup 255 proto 2", "1000:\tfrom 192.168.2.10 lookup 102 proto 245",
                "1001:\tfrom all iif lookup lookup 7", "1002:\tfrom all lookup 8 oif lookup proto 245", "1003:\tfrom all lookup main",
                "1004:\tfrom all goto 1000", "1005:\tnot from all lookup 4294967295", "1006:\tfrom all lookup 12x lookup 13 lookup",
                "1007:\tfrom all lookup *", "1008:\tfrom all lookup  9", "Error: ipv6: something", "", "32766:\tfrom all lookup 254");
        String sed = common("printf '%s\\n' \"$1\" | sed -n 's/.* lookup \\([0-9][0-9]*\\).*/\\1/p'", rules);
        String shell = common("rule_tables \"$1\" \"$2\"; printf '%s\\n' $rl_found", rules, "");
        assertEquals("255\n102\n7\n8\n4294967295\n13\n254\n", sed);
        assertEquals(sed, shell);
    }

    /**
     * The route listings with the IPv6 expiry dropped by the shell (sed only for a listing that has one,
     * IPv4 straight from ip) are what one sed over all the dumps printed: listings with and without an
     * expiry, empty ones, errors and their exit codes, an IPv4 line that happens to say "expires".
     */
    @Test
    void theRouteListingsAreWhatOneSedOverTheDumpsPrinted() throws Exception {
        String ip = "ipx() { case \"$*\" in\n"
                + "  '-N -4 route list table 1') printf 'default via 192.0.2.1 dev d0 proto 245 \\n10.0.0.0/8 dev d0 proto 245 scope 253 \\n' ;;\n"
                + "  '-N -6 route list table 1') printf '2001:db8::/64 via fe80::1 dev d0 proto 245 metric 1024 expires 299sec pref medium\\n"
                + "2001:db8:1::/64 dev d0 proto 245 metric 1024 pref medium\\n2001:db8:2::/64 dev d0 proto 245 metric 1024 expires 0sec pref high\\n' ;;\n"
                + "  '-N -4 route list table 2') ;;\n"
                + "  '-N -6 route list table 2') printf 'Error: ipv6: FIB table does not exist.\\nDump terminated\\n' >&2; return 2 ;;\n"
                + "  '-N -4 route list table 3') printf '10.1.0.0/16 dev d0 proto 245 scope 253 \\n\\tx expires 5sec y\\n' ;;\n"
                + "  '-N -6 route list table 3') printf '2001:db8:3::/64 dev d0 proto 245 metric 1024 pref medium\\n' ;;\n"
                + "  *) return 1 ;;\n"
                + "esac; }\n";
        // the old way, one sed over the plain dumps of every table, dropping the expiry in the IPv6 sections only
        String sed = common(ip + "for t in 1 2 3 4; do mark cmd route 4 \"$t\"; ipx -N -4 route list table \"$t\" 2>&1; mark rc $?;"
                + " mark cmd route 6 \"$t\"; ipx -N -6 route list table \"$t\" 2>&1; mark rc $?; done"
                + " | sed \"/^$m cmd route 6 /,/^$m rc /s/ expires [0-9]*sec//\"");
        String shell = common(ip + "route_lists 1 2 3 4");
        assertTrue(sed.contains("rsT cmd route 6 1\n2001:db8::/64 via fe80::1 dev d0 proto 245 metric 1024 pref medium\n"), sed);
        assertTrue(sed.contains("Dump terminated\nrsT rc 2\n") && sed.contains("\tx expires 5sec y\n") && sed.contains("rsT cmd route 6 4\nrsT rc 1\n"), sed);
        assertEquals(sed, shell);
    }

    @Test
    void theWidePartsTablesAreOrderedAsSortOrdersThem() throws Exception {
        Random random = new Random(10);
        for (int run = 0; run < 20; run++) {
            StringBuilder ids = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) ids.append(random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(300)).append('\n');
            String sort = common("printf '%s' \"$1\" | sort -n -u", ids.toString());
            String shell = common("wl_list=; for t in $1; do wl_add \"$t\"; done; [ -z \"$wl_list\" ] || printf '%s\\n' $wl_list", ids.toString());
            assertEquals(sort, shell, ids.toString());
        }
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

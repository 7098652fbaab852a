package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
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
    /** Programs the scripts use; each gets a stand-in that logs its name and runs the real one. */
    private static final List<String> TOOLS = List.of("stat", "id", "cat", "sed", "sha256sum", "sort", "mktemp", "rm", "dirname",
            "flock", "tee", "cut", "awk", "grep", "head", "tr", "mkdir", "chmod", "mv", "cp", "date", "cmp", "readlink");

    @TempDir
    Path dir;

    private Path log;

    private Path bin() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        log = dir.resolve("started");
        for (String tool : TOOLS) {
            Path real = Path.of("/usr/bin", tool);
            if (!Files.isExecutable(real)) real = Path.of("/bin", tool);
            write(bin.resolve(tool), "echo " + tool + " >> '" + log + "'\nexec " + real + " \"$@\"");
        }
        // ip: the version, two rules, one route per family (the IPv6 one counting down its expiry)
        write(bin.resolve("ip"), "echo ip >> '" + log + "'\n"
                + "case \"$*\" in\n"
                + "  -V) echo 'ip utility, iproute2-6.1.0' ;;\n"
                + "  *' rule show') printf '0:\\tfrom all lookup 255\\n1000:\\tfrom 192.168.2.10 lookup 102 proto 245\\n' ;;\n"
                + "  *-4' route list table 102') echo 'default via 192.168.2.1 dev eth1 proto 245 ' ;;\n"
                + "  *-6' route list table 102') echo \"2001:db8::/64 via fe80::1 dev eth1 proto 245 metric 1024 expires $$sec pref medium\" ;;\n"
                + "esac");
        return bin;
    }

    private static void write(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String read(Path bin) throws Exception {
        Files.deleteIfExists(log);
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        // the footprint of an earlier apply
        Files.writeString(state.resolve("tables"), "102\n");
        Path lockDir = Files.createDirectories(dir.resolve("lock"));
        Files.setPosixFilePermissions(lockDir, PosixFilePermissions.fromString("rwx------"));
        List<String> argv = new ArrayList<>(List.of("sh", "-c", Script.READ.text(), "routesync", "rsT", "", dir.resolve("etc").toString(),
                lockDir.resolve("run.lock").toString(), "5", state.toString(), "102"));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + Files.readString(dir.resolve("stderr")));
        return out;
    }

    private Map<String, Integer> started() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : Files.readAllLines(log)) counts.merge(line, 1, Integer::sum);
        return counts;
    }

    @Test
    void aReadOfOneTableStartsTwelvePrograms() throws Exception {
        read(bin());
        Map<String, Integer> started = started();
        // ip x5 (version, rules x2, routes x2), stat per checked directory (lock, state), flock, and the
        // reading's way out: the expiry sed, tee, the marker sed, sha256sum. No mktemp, rm, id, dirname,
        // sort, cut or cat (the name files are absent here).
        assertEquals(Map.of("ip", 5, "stat", 2, "flock", 1, "sed", 2, "tee", 1, "sha256sum", 1), started);
    }

    @Test
    void theReadingIsDigestedAsApplyDigestsIt() throws Exception {
        String out = read(bin());
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
        String again = read(bin());
        assertEquals(out.substring(at), again.substring(again.lastIndexOf("rsT digest ")));
    }
}

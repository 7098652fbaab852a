package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A directory of stand-ins for every program the target scripts may start: each logs its name and runs
 * the real one, and {@code ip} is a fake with canned output (the version, two rules, one route per
 * family in table 102, the IPv6 one counting down its expiry; a batch succeeds), so a script run first
 * in PATH counts exactly the programs it starts and touches no kernel state.
 */
final class StandIns {
    /** Programs the scripts use; each gets a stand-in that logs its name and runs the real one. */
    private static final List<String> TOOLS = List.of("stat", "id", "cat", "sed", "sha256sum", "sort", "mktemp", "rm", "dirname",
            "flock", "tee", "cut", "awk", "grep", "head", "tr", "mkdir", "chmod", "mv", "cp", "date", "cmp", "readlink", "ln");

    private final Path dir;
    private final Path bin;
    private final Path log;

    StandIns(Path dir) throws IOException {
        this.dir = dir;
        this.bin = Files.createDirectories(dir.resolve("bin"));
        this.log = dir.resolve("started");
        for (String tool : TOOLS) {
            Path real = Path.of("/usr/bin", tool);
            if (!Files.isExecutable(real)) real = Path.of("/bin", tool);
            write(bin.resolve(tool), "echo " + tool + " >> '" + log + "'\nexec " + real + " \"$@\"");
        }
        write(bin.resolve("ip"), "echo ip >> '" + log + "'\n"
                + "case \"$*\" in\n"
                + "  -V) echo 'ip utility, iproute2-6.1.0' ;;\n"
                + "  *' rule show') printf '0:\\tfrom all lookup 255\\n1000:\\tfrom 192.168.2.10 lookup 102 proto 245\\n' ;;\n"
                + "  *-4' route list table 102') echo 'default via 192.168.2.1 dev eth1 proto 245 ' ;;\n"
                + "  *-6' route list table 102') echo \"2001:db8::/64 via fe80::1 dev eth1 proto 245 metric 1024 expires $$sec pref medium\" ;;\n"
                + "esac");
    }

    private static void write(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /**
     * Runs {@code script} with the common arguments (marker {@code rsT}, no netns, iproute2 files, lock
     * and state in the test directory) and then {@code args}, {@code stdin} as its input; the log of
     * programs started is emptied first. Returns its stdout; it must exit 0.
     */
    String run(Script script, byte[] stdin, String... args) throws Exception {
        Files.deleteIfExists(log);
        Files.createDirectories(dir.resolve("etc"));
        Path state = Files.createDirectories(dir.resolve("state"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwx------"));
        Path lockDir = Files.createDirectories(dir.resolve("lock"));
        Files.setPosixFilePermissions(lockDir, PosixFilePermissions.fromString("rwx------"));
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script.text(), "routesync", "rsT", "", dir.resolve("etc").toString(),
                lockDir.resolve("run.lock").toString(), "5", state.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out + Files.readString(dir.resolve("stderr")));
        return out;
    }

    /** How many times each program was started by the last run. */
    Map<String, Integer> started() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log)) counts.merge(line, 1, Integer::sum);
        }
        return counts;
    }
}

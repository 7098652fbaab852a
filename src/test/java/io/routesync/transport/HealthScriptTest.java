package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.testing.Shell;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * health.sh on a host without the tool a probe needs: the probe fails with exit 127 and a line naming
 * the tool (what the report then shows), instead of a shell's "not found".
 */
class HealthScriptTest {
    @TempDir
    Path dir;

    @Test
    void aTcpProbeFromASourceWithoutNcNamesTheTool() throws Exception {
        Path script = dir.resolve("health.sh");
        try (InputStream in = HealthScriptTest.class.getResourceAsStream("/io/routesync/transport/health.sh")) {
            Files.write(script, in.readAllBytes());
        }
        // a PATH with timeout(1) and nothing else: no nc, no bash
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path timeout = Path.of(Shell.run("sh", "-c", "command -v timeout").stdout().strip());
        Files.createSymbolicLink(bin.resolve("timeout"), timeout);
        Shell.Result r = Shell.run(List.of("env", "-i", "PATH=" + bin, "/bin/sh", "-c",
                ". \"$0\"; ns=; probe_one tcp 127.0.0.1 9 127.0.0.1 '' 1; echo \"rc=$?\"", script.toString()), null);
        assertEquals("the host has no nc (netcat-openbsd) to connect from a source address\nrc=127\n", r.stdout(), r::toString);
    }
}

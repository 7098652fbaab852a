package io.routesync.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts run every tool in the C locale, whatever locale the caller (or ssh's "SendEnv LANG LC_*")
 * hands them: a read with LANG, LC_ALL and LC_* set to a German locale sees LC_ALL=C in the programs
 * it starts, and its output is read as usual. A fake {@code ip} first in PATH records its environment,
 * so no kernel state is involved.
 */
class ScriptLocaleTest {
    @TempDir
    Path dir;

    @Test
    void everyProgramAScriptStartsRunsInTheCLocale() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path seen = dir.resolve("seen");
        Path ip = bin.resolve("ip");
        Files.writeString(ip, "#!/bin/sh\nenv | grep -E '^(LANG|LC_[A-Z]+)=' | sort >> '" + seen + "'\necho '---' >> '" + seen + "'\n"
                + "case $1 in -V) echo 'ip utility, iproute2-6.1.0' ;; esac\n");
        Files.setPosixFilePermissions(ip, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", "-c", Script.READ.text(), "routesync", "rstest1", "",
                dir.resolve("etc").toString(), dir.resolve("run.lock").toString(), "5", dir.resolve("state").toString(), "102"));
        pb.environment().put("TMPDIR", Files.createDirectories(dir.resolve("tmp")).toString());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("LANG", "de_DE.UTF-8");
        pb.environment().put("LC_ALL", "de_DE.UTF-8");
        pb.environment().put("LC_NUMERIC", "de_DE.UTF-8");
        pb.environment().put("LC_COLLATE", "tr_TR.UTF-8");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("rstest1 end"), out);
        String env = Files.readString(seen);
        // LC_ALL overrides LANG and every LC_* for the tools: it must be C in each program started
        for (String run : env.split("---\n")) {
            if (run.isBlank()) continue;
            assertTrue(run.contains("LC_ALL=C\n"), env);
        }
        assertTrue(env.contains("LC_ALL=C\n"), env);
    }
}

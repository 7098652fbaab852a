package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One broken host does not stop a fleet run: of four hosts, one prints endlessly ({@code yes}) and one
 * hangs silently, behind a stand-in ssh (--ssh-program) that runs the other two's commands in a
 * network namespace. routesync runs as a separate JVM with a small heap (-Xmx768m, three times the
 * output cap): it must end on its own within a bounded time, report the two as failed with a clear
 * reason, plan the other two, and never run out of memory.
 */
class RunawayHostTest {
    @TempDir
    Path dir;
    private Netns ns;

    @BeforeEach
    void namespace() {
        KernelAccess.require();
        ns = Netns.create("runaway");
    }

    @AfterEach
    void removeNamespace() {
        if (ns != null) ns.close();
    }

    @Test
    void aHostThatPrintsForeverOrHangsFailsAloneWithinBoundedTimeAndMemory() throws Exception {
        Path hangPid = dir.resolve("hang.pid");
        Path fakeSsh = dir.resolve("fake-ssh");
        Files.writeString(fakeSsh, String.join("\n",
                "#!/bin/sh",
                "# the destination is the word after --, the remote command the last word",
                "prev=; for a; do [ \"$prev\" = -- ] && host=$a; prev=$a; done",
                "for last; do :; done",
                "case $host in",
                "  10.0.0.66) exec yes ;;",
                "  10.0.0.67) echo $$ > '" + hangPid + "'; exec sleep 1000 ;;",
                "  *) exec ip netns exec " + ns.name() + " sh -c \"$last\" ;;",
                "esac",
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fakeSsh, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> hosts = new LinkedHashMap<>();
        hosts.put("h0", "10.0.0.1");
        hosts.put("h1", "10.0.0.66");
        hosts.put("h2", "10.0.0.67");
        hosts.put("h3", "10.0.0.3");
        Path inventory = StandInFleet.inventory(dir, hosts);

        StandInFleet.Run r = StandInFleet.run(dir, List.of("-Xmx768m", "-XX:+UseSerialGC"), List.of(
                "plan", "-i", inventory.toString(), "--ssh-program", "sh " + fakeSsh, "--timeout", "10", "--forks", "4"));
        String stdout = r.stdout();
        String both = r.both();
        long seconds = r.seconds();
        assertFalse(both.contains("OutOfMemoryError"), both);
        // the messages name the host and ssh, not the program's first word ("sh")
        assertTrue(stdout.contains("  h1  failed: ssh to h1 printed more than 256 MiB on its output; it was stopped\n"), both);
        assertTrue(stdout.contains("  h2  unreachable: ssh to h2 did not answer within 10 s; it was stopped\n"), both);
        assertTrue(stdout.contains("  h0  changes pending (2)\n"), both);
        assertTrue(stdout.contains("  h3  changes pending (2)\n"), both);
        assertTrue(seconds < 60, "took " + seconds + " s\n" + both);
        long pid = Long.parseLong(Files.readString(hangPid).strip());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the hung program was killed");
    }
}

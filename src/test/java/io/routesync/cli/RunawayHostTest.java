package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static final long MAX_SECONDS = 120;

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
        Files.createDirectories(dir.resolve("states"));
        Files.writeString(dir.resolve("states/lone.yml"), String.join("\n",
                "tables:",
                "  uplink: 100",
                "rules:",
                "  - { priority: 1000, from: \"{{ host_addr }}\", table: uplink }",
                ""));
        Path targets = dir.resolve("targets");
        Path inventory = Files.writeString(dir.resolve("hosts.yml"), String.join("\n",
                "all:",
                "  vars:",
                "    routesync_states: [lone]",
                "    routesync_etc_dir: " + targets + "/{{ inventory_hostname }}/iproute2",
                "    routesync_state_dir: " + targets + "/{{ inventory_hostname }}/lib/routesync",
                "    routesync_lock_dir: " + targets + "/{{ inventory_hostname }}/run/routesync",
                "  hosts:",
                "    h0: { ansible_host: 10.0.0.1, host_addr: 10.0.0.1 }",
                "    h1: { ansible_host: 10.0.0.66, host_addr: 10.0.0.66 }",
                "    h2: { ansible_host: 10.0.0.67, host_addr: 10.0.0.67 }",
                "    h3: { ansible_host: 10.0.0.3, host_addr: 10.0.0.3 }",
                ""));

        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "plan", "-i", inventory.toString(), "--ssh-program", "sh " + fakeSsh, "--timeout", "10", "--forks", "4"));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        long start = System.nanoTime();
        Process routesync = new ProcessBuilder(argv).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = routesync.waitFor(MAX_SECONDS, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        if (!ended) {
            routesync.descendants().forEach(ProcessHandle::destroyForcibly);
            routesync.destroyForcibly();
            fail("routesync did not end within " + MAX_SECONDS + " s\n" + output(out, err));
        }
        String stdout = Files.readString(out);
        String both = output(out, err);
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

    private static String output(Path out, Path err) throws IOException {
        return "--- stdout:\n" + (Files.exists(out) ? Files.readString(out) : "") + "--- stderr:\n"
                + (Files.exists(err) ? Files.readString(err) : "");
    }
}

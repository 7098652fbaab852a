package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that hangs during the apply is not "unreachable": its batch may have run. Behind a stand-in ssh
 * (--ssh-program) that runs each host's commands in its own namespace, h0's first session (apply
 * --auto-approve: read, plan and apply in one run) runs its batch and then hangs (the rest of its output
 * never comes back; the re-read and rollback work), h1 hangs once answered and in every read after it,
 * h2 hangs while it is read. h0 and h1 end FAILED (exit 1, not 69), saying what
 * the rollback did or that the host may be partly changed and what its batch held; h2 stays unreachable,
 * saying it did not answer in time.
 */
class HungApplyTest {

    @TempDir
    Path dir;
    private final List<Netns> namespaces = new ArrayList<>();

    @BeforeEach
    void namespaces() {
        KernelAccess.require();
        for (int i = 0; i < 3; i++) namespaces.add(Netns.create("hungapply"));
    }

    @AfterEach
    void removeNamespaces() {
        for (Netns ns : namespaces) ns.close();
    }

    @Test
    void aFleetHostThatHangsDuringTheApplyFailsAndIsRolledBackOrNamedAsPossiblyChanged() throws Exception {
        Path inventory = inventory("h0", "h1", "h2");
        StandInFleet.Run r = routesync("apply", "-i", inventory.toString(), "--auto-approve", "--allow-management-change");
        assertEquals(1, r.exit(), r.both());
        // h0's batch ran before the hang (its session had sent its reading: it "did not finish"): re-read over a new
        // connection and rolled back
        assertTrue(r.stdout().contains("  h0  failed: apply failed: the apply did not complete: ssh to h0 did not finish within 4 s;"
                + " it was stopped (rolled back)\n"), r.both());
        assertFalse(namespaces.get(0).ip("rule", "show").contains("lookup 100"), r.both());
        // h1 cannot be read again after the hang: failed, possibly changed, never "unreachable"
        assertTrue(r.stdout().contains("  h1  failed: the apply did not complete: ssh to h1 did not finish within 4 s; it was stopped\n"), r.both());
        assertTrue(r.stdout().contains("Reading h1 again to roll it back failed: ssh to h1 did not answer within 4 s; it was stopped\n"
                + "The host may be partly changed (its batch held 2 changes, none rolled back): run plan again to see where it stands."), r.both());
        // a host that hangs while it is read stays unreachable: nothing was started there that could change it
        assertTrue(r.stdout().contains("  h2  unreachable: ssh to h2 did not answer within 4 s; it was stopped\n"), r.both());
        assertTrue(r.stdout().contains("2 failed, 1 unreachable"), r.both());
    }

    @Test
    void aSavedPlanOfOneHostThatHangsDuringTheApplyIsAFailureNotUnreachable() throws Exception {
        Path inventory = inventory("h1");
        Path planFile = dir.resolve("h1.plan");
        StandInFleet.Run planned = routesync("plan", "-i", inventory.toString(), "--out", planFile.toString());
        assertEquals(0, planned.exit(), planned.both());
        assertTrue(Files.exists(planFile), planned.both());
        StandInFleet.Run r = routesync("apply", planFile.toString(), "--allow-management-change");
        assertEquals(1, r.exit(), "exit 1 (failed), not 69 (unreachable)\n" + r.both());
        // apply PLAN is one session too: the host sent its reading before it hung, so it "did not finish"
        assertTrue(r.both().contains("the apply did not complete: ssh to h1 did not finish within 4 s; it was stopped\n"), r.both());
        assertTrue(r.both().contains("The host may be partly changed (its batch held 2 changes, none rolled back)"), r.both());
    }

    /** The stand-in ssh, the state file and an inventory of {@code hosts} (h0, h1, h2: see the class comment). */
    private Path inventory(String... hosts) throws IOException {
        Path fakeSsh = dir.resolve("fake-ssh");
        Path once = dir.resolve("h0-hung-once");
        Path h1Applied = dir.resolve("h1-applied");
        Files.writeString(fakeSsh, String.join("\n",
                "#!/bin/sh",
                "# the destination is the word after --, the remote command the last word",
                "prev=; for a; do [ \"$prev\" = -- ] && host=$a; prev=$a; done",
                "for last; do :; done",
                "case $host in",
                "  10.0.0.1) ns=" + namespaces.get(0).name() + " ;;",
                "  10.0.0.2) ns=" + namespaces.get(1).name() + " ;;",
                "  *) ns=" + namespaces.get(2).name() + " ;;",
                "esac",
                "# a session's output up to its await line, then nothing: what a host that hangs after it was answered sends",
                "# (the shell reads a pipe a byte at a time: each line goes on at once, where awk would wait for a block)",
                "untilawait() { cut=; while IFS= read -r l; do [ -n \"$cut\" ] || printf '%s\\n' \"$l\"; case $l in *' await') cut=1 ;; esac; done; }",
                "case $host:$last in",
                "  10.0.0.1:*'# routesync session:'*)",
                "    if [ ! -e '" + once + "' ]; then",
                "      : > '" + once + "'",
                "      ip netns exec $ns sh -c \"$last\" | untilawait",
                "      exec sleep 1000",
                "    fi ;;",
                "  10.0.0.2:*'# routesync session:'*) : > '" + h1Applied + "'; ip netns exec $ns sh -c \"$last\" </dev/null | untilawait;"
                        + " exec sleep 1000 ;;",
                "  10.0.0.3:*'# routesync session:'*) exec sleep 1000 ;;",
                "  10.0.0.1:*'# routesync apply:'*)",
                "    if [ ! -e '" + once + "' ]; then",
                "      : > '" + once + "'",
                "      ip netns exec $ns sh -c \"$last\" >/dev/null 2>&1",
                "      exec sleep 1000",
                "    fi ;;",
                "  10.0.0.2:*'# routesync apply:'*) : > '" + h1Applied + "'; cat >/dev/null; exec sleep 1000 ;;",
                "  10.0.0.2:*'# routesync read:'*) [ -e '" + h1Applied + "' ] && exec sleep 1000 ;;",
                "  10.0.0.3:*'# routesync read:'*) exec sleep 1000 ;;",
                "esac",
                "exec ip netns exec $ns sh -c \"$last\"",
                ""), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fakeSsh, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> addrs = new LinkedHashMap<>();
        for (String h : hosts) addrs.put(h, "10.0.0." + (Integer.parseInt(h.substring(1)) + 1));
        return StandInFleet.inventory(dir, addrs);
    }

    /** routesync in its own JVM, through the stand-in ssh, with a 4 s timeout for every script run. */
    private StandInFleet.Run routesync(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--ssh-program", dir.resolve("fake-ssh").toString(), "--timeout", "4", "--no-color"));
        return StandInFleet.run(dir, List.of(), all);
    }
}

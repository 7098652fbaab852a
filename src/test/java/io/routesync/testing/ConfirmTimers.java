package io.routesync.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Cleans up after a test that armed an {@code apply --confirm} timer and failed before confirming or
 * rolling back: the timer is a detached process group that would otherwise sleep on after the test.
 */
public final class ConfirmTimers {
    private ConfirmTimers() {
    }

    /** Disarms and stops the timer staged under {@code stateDir}, if any; never throws. */
    public static void stop(Path stateDir) {
        Path confirm = stateDir.resolve("confirm");
        try {
            Files.deleteIfExists(confirm.resolve("armed"));
            Path pidFile = confirm.resolve("timer-pid");
            if (!Files.exists(pidFile)) return;
            String pid = Files.readString(pidFile).strip();
            if (!pid.matches("[0-9]+")) return;
            // the file outlives a timer that already fired, and pids are reused: kill that group only
            // while its leader is still the timer (its command line names routesync-confirm)
            Path cmdline = Path.of("/proc", pid, "cmdline");
            if (!Files.exists(cmdline) || !Files.readString(cmdline).contains("routesync-confirm")) return;
            killGroup(Long.parseLong(pid), false);
        } catch (IOException | RuntimeException e) {
            // best effort: the timer finds nothing armed when it wakes
        }
    }

    /**
     * Signals every process of process group {@code pgid} (TERM, or KILL when {@code force}), found
     * through /proc. Never through kill(1): procps-ng 4.0.2 reads "kill -TERM -17479" as
     * kill(-1, SIGTERM), every process on the machine. Refuses groups 0 and 1.
     */
    public static void killGroup(long pgid, boolean force) {
        if (pgid <= 1) throw new IllegalArgumentException("not a timer's process group: " + pgid);
        ProcessHandle.allProcesses().filter(ph -> groupOf(ph.pid()) == pgid).forEach(ph -> {
            if (force) ph.destroyForcibly();
            else ph.destroy();
        });
    }

    /** Field 5 of /proc/PID/stat (after the command name in parentheses), or -1 when it cannot be read. */
    public static long groupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }
}

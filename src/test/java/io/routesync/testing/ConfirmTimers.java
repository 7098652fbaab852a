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
            Shell.run("kill", "-TERM", "-" + pid);
        } catch (IOException | RuntimeException e) {
            // best effort: the timer finds nothing armed when it wakes
        }
    }
}

package io.routesync.apply;

import java.time.Duration;
import java.util.List;

/**
 * What guards a run's applies: {@code --confirm SECONDS} (null when off), {@code
 * --allow-management-change}, and the ssh client command that opens the new connection a confirmation
 * needs (the run's {@code --ssh-program}: the same route to the hosts as the run's own connections).
 */
public record ApplySafety(Duration confirmWindow, boolean allowManagementChange, List<String> sshProgram) {
    public ApplySafety {
        if (confirmWindow != null && confirmWindow.toSeconds() < 1) throw new IllegalArgumentException("a confirmation window is at least 1 s");
        sshProgram = List.copyOf(sshProgram);
    }

    public boolean confirms() {
        return confirmWindow != null;
    }
}

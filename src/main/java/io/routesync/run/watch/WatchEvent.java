package io.routesync.run.watch;

import io.routesync.run.HostRun;
import java.time.Instant;
import java.util.List;

/**
 * One action of a watch, for its log (one line each): what happened ({@code kind}), on which target,
 * why (the kernel event, a reload, the start), what changed (the plan's commands), how long it took and,
 * for a heal, how long after the first kernel event of its burst. {@code detail} is the rest in words
 * (an error, a back-off's reason), or null; times are -1 where they do not apply. {@code run} is the
 * convergence's own result (converged, healed, and failed when the convergence ran), else null.
 */
public record WatchEvent(Instant time, Kind kind, String target, String why, List<String> changes, long millis, long sinceEventMillis,
                         String detail, HostRun run) {

    public WatchEvent {
        changes = List.copyOf(changes);
    }

    public enum Kind {
        /** Watching began: the desired state's source and the target. */
        STARTED("started"),
        /** A convergence found the target as desired (logged at the start and after a reload only). */
        CONVERGED("converged"),
        /** Changes were applied and verified. */
        HEALED("healed"),
        /** A convergence failed (rolled back, lock held, unreadable state): retried later. */
        FAILED("failed"),
        /** The same owned entries keep being changed back: the next heal waits. */
        BACKING_OFF("backing-off"),
        /** The desired state was read again (SIGHUP). */
        RELOADED("reloaded"),
        /** The desired state could not be read again: the previous one stays in force. */
        RELOAD_FAILED("reload-failed"),
        /** The repository (watch --repo) could not be fetched: the desired state stays as it was; tried again at the next interval. */
        FETCH_FAILED("fetch-failed"),
        /** A commit of the repository was refused (not signed by an allowed key, or going back): the desired state stays as it was. */
        REFUSED("refused"),
        /** The kernel event monitor ended by itself and was started again. */
        MONITOR_RESTARTED("monitor-restarted"),
        /** Watching ended (SIGTERM). */
        STOPPED("stopped");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }
}

package io.routesync.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The processes of a program's session, found through /proc, for {@link ProcessRunner}: stopping them
 * all (a background child whose parent exited is reparented to init but stays in the session), and
 * telling when none of them holds the run's output any more. Never through kill(1): procps-ng 4.0.2
 * reads {@code kill -TERM -PID} as kill(-1), every process on the machine.
 */
final class ProcessSessions {
    /** How long a stopped session has to end on TERM before its processes are sent KILL. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private ProcessSessions() {
    }

    /**
     * Sends TERM to every process of session {@code sid}, then KILL to those left after {@link #GRACE}.
     * Session ids are pids: Linux does not reuse a pid while a session of that id has a member, so no
     * unrelated process can be hit. Refuses sessions 0 and 1.
     */
    static void stop(long sid) {
        if (sid <= 1) return;
        List<ProcessHandle> members = live(sid);
        if (members.isEmpty()) return;
        members.forEach(ProcessHandle::destroy);
        long until = System.nanoTime() + GRACE.toNanos();
        // a process that died on TERM stays in /proc until its parent (init, for an orphan) reaps it
        while (System.nanoTime() < until && members.stream().anyMatch(ph -> ph.isAlive() && !zombie(ph.pid()))) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        live(sid).forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Waits until no live process of session {@code sid} holds the run's output, at most until
     * {@code deadline}; true when none does. The pipes' numbers cannot be learnt beforehand (a quick
     * program has exited before start() returns, and the JDK closes our end once it exited), so a
     * member holds the run's output when it writes to a pipe that no process outside the session but
     * this JVM holds. A member that writes to a pipe another process reads is someone else's: the
     * ProxyCommand (jump host) of an ssh ControlMaster, orphaned in this session when the master
     * daemonized, writes to the master, and must live as long as the master.
     */
    static boolean outputReleased(long sid, long deadline) throws InterruptedException {
        while (true) {
            List<ProcessHandle> members = live(sid);
            if (members.isEmpty() || !holdsRunOutput(sid, members)) return true;
            if (System.nanoTime() >= deadline) return false;
            Thread.sleep(20);
        }
    }

    private static boolean holdsRunOutput(long sid, List<ProcessHandle> members) {
        Set<String> written = new HashSet<>();
        for (ProcessHandle m : members) written.addAll(pipesWritten(m.pid()));
        if (written.isEmpty()) return false;
        long self = ProcessHandle.current().pid();
        for (ProcStat p : ProcStat.all()) {
            if (p.pid() == self || p.session() == sid || p.zombie()) continue;
            written.removeAll(pipes(p.pid()));
            if (written.isEmpty()) return false;
        }
        return true;
    }

    /** The pipes ("pipe:[INODE]") {@code pid} has open for writing. */
    private static Set<String> pipesWritten(long pid) {
        Set<String> out = new HashSet<>();
        Path proc = Path.of("/proc", Long.toString(pid));
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (!target.startsWith("pipe:")) continue;
                    String info = Files.readString(proc.resolve("fdinfo").resolve(fd.getFileName().toString()));
                    int at = info.indexOf("flags:");
                    String flags = info.substring(at + 6, info.indexOf('\n', at)).strip();
                    if ((Integer.parseInt(flags, 8) & 3) != 0) out.add(target); // O_WRONLY or O_RDWR
                } catch (IOException | RuntimeException closed) {
                    // closed meanwhile
                }
            }
        } catch (IOException | RuntimeException gone) {
            // exited meanwhile
        }
        return out;
    }

    /** The pipes {@code pid} has open, either end. */
    private static Set<String> pipes(long pid) {
        Set<String> out = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("pipe:")) out.add(target);
                } catch (IOException closed) {
                    // closed meanwhile
                }
            }
        } catch (IOException | RuntimeException gone) {
            // exited, or not ours to read
        }
        return out;
    }

    /** The live (not exited) processes of session {@code sid}: one pass over /proc ({@link ProcStat}). */
    private static List<ProcessHandle> live(long sid) {
        return members(sid, true);
    }

    /** True when {@code pid} has exited and waits to be reaped (state Z), or is gone. */
    private static boolean zombie(long pid) {
        return ProcStat.of(pid).zombie();
    }

    /** The processes whose session id is {@code sid}, those that exited and wait to be reaped included. */
    static List<ProcessHandle> sessionMembers(long sid) {
        return members(sid, false);
    }

    private static List<ProcessHandle> members(long sid, boolean liveOnly) {
        List<ProcessHandle> out = new ArrayList<>();
        for (ProcStat p : ProcStat.all()) {
            if (p.session() == sid && !(liveOnly && p.zombie())) ProcessHandle.of(p.pid()).ifPresent(out::add);
        }
        return out;
    }

    /** Field 6 of /proc/PID/stat (after the command name in parentheses), or -1 when it cannot be read. */
    static long sessionOf(long pid) {
        return ProcStat.of(pid).session();
    }
}

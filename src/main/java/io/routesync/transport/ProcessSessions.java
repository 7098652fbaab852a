package io.routesync.transport;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        for (ProcessHandle ph : (Iterable<ProcessHandle>) ProcessHandle.allProcesses()::iterator) {
            if (ph.pid() == self || sessionOf(ph.pid()) == sid) continue;
            written.removeAll(pipes(ph.pid()));
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

    /** The live (not exited) processes of session {@code sid}. */
    private static List<ProcessHandle> live(long sid) {
        return members(sid, true);
    }

    /** The processes whose session id is {@code sid}. */
    static List<ProcessHandle> sessionMembers(long sid) {
        return members(sid, false);
    }

    /**
     * The processes of session {@code sid} (without those that exited, when {@code liveOnly}): every
     * process's stat read once, by a plain read of its first bytes. Run after every program a run
     * starts, on a machine of a few hundred processes, so it stays lean: no stream, no per-process
     * ProcessHandle or split of the whole line.
     */
    private static List<ProcessHandle> members(long sid, boolean liveOnly) {
        List<ProcessHandle> out = new ArrayList<>();
        byte[] buffer = new byte[STAT_BYTES];
        String[] names = new File("/proc").list();
        if (names == null) return out;
        for (String name : names) {
            long pid = pidOf(name);
            if (pid < 0) continue;
            String[] fields = statFields(pid, buffer);
            if (fields == null || sessionOf(fields) != sid || (liveOnly && fields[0].equals("Z"))) continue;
            ProcessHandle.of(pid).ifPresent(out::add);
        }
        return out;
    }

    /** The pid a /proc entry is named by, or -1 for the other entries. */
    private static long pidOf(String name) {
        if (name.isEmpty() || name.length() > 18) return -1;
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') return -1;
        }
        return Long.parseLong(name);
    }

    /** True when {@code pid} has exited and waits to be reaped (state Z), or is gone. */
    private static boolean zombie(long pid) {
        String[] fields = statFields(pid, new byte[STAT_BYTES]);
        return fields == null || fields[0].equals("Z");
    }

    /** Field 6 of /proc/PID/stat (after the command name in parentheses), or -1 when it cannot be read. */
    static long sessionOf(long pid) {
        return sessionOf(statFields(pid, new byte[STAT_BYTES]));
    }

    private static long sessionOf(String[] fields) {
        try {
            return fields == null ? -1 : Long.parseLong(fields[3]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Enough of /proc/PID/stat for its first fields (the command name is at most 64 bytes). */
    private static final int STAT_BYTES = 256;

    /**
     * The four fields of /proc/PID/stat after the command name in parentheses (which may hold spaces
     * and parentheses): state, ppid, pgrp, session; null when it cannot be read.
     */
    private static String[] statFields(long pid, byte[] buffer) {
        int n;
        try (FileInputStream in = new FileInputStream("/proc/" + pid + "/stat")) {
            n = in.readNBytes(buffer, 0, buffer.length);
        } catch (IOException | RuntimeException gone) {
            return null;
        }
        int close = n - 1;
        while (close >= 0 && buffer[close] != ')') close--;
        String[] fields = new String[4];
        int at = close + 2;
        for (int f = 0; f < fields.length; f++) {
            int end = at;
            while (end < n && buffer[end] != ' ') end++;
            if (close < 0 || end >= n || end == at) return null;
            fields[f] = new String(buffer, at, end - at, StandardCharsets.ISO_8859_1);
            at = end + 1;
        }
        return fields;
    }
}

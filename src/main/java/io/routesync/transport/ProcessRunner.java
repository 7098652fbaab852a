package io.routesync.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local program from an argument array (never a shell string), feeding stdin and collecting
 * output, within bounds: a program (a target, or the ssh program in front of it) may print at most
 * {@link #MAX_STDOUT} on stdout and {@link #MAX_STDERR} on stderr, and the whole run, including writing
 * its input and reading its output to the end, takes at most the timeout. Past either bound the program
 * and every process it started are killed and the run fails with a {@link TransportException} naming the
 * bound, so one broken host ends as a failed host and never as an OutOfMemoryError or a hang of the run.
 *
 * <p>Each program runs in a session of its own ({@code setsid}, which execs in place: the session id is
 * the program's pid), and stopping it signals every process of that session, found through /proc: a
 * background child whose parent already exited is reparented to init and no longer a descendant, but it
 * stays in the session. A process that leaves the session on purpose (the confirm timer of arm.sh, an
 * ssh ControlMaster that daemonizes) is not stopped. A program has ended when it exited and no process of
 * its session holds its output any more: others may stay (the ProxyCommand an ssh ControlMaster started
 * before it daemonized stays in the session, orphaned, and must live as long as the master). Never through kill(1): procps-ng 4.0.2 reads
 * {@code kill -TERM -PID} as kill(-1), every process on the machine.
 */
public final class ProcessRunner {
    /**
     * What stdout may hold: a reading of 1,000,000 routes is 46-79 MB of {@code ip -N route list} text
     * (measured: 46 bytes a line for an IPv4 /32 via a gateway, 79 for an IPv6 /64 with its metric and
     * pref; multipath routes are longer), and apply prints one reading plus the errors of its batches.
     * 256 MiB leaves room for 3-5 million routes per host and keeps a fleet run's memory bounded by
     * {@code --forks} times about twice this.
     */
    public static final int MAX_STDOUT = 256 << 20;
    /** What stderr may hold: ssh's and the scripts' messages, never a reading (the scripts send ip's errors to stdout). */
    public static final int MAX_STDERR = 4 << 20;
    /** How long the output may stay open once the program has exited (a descendant holding the pipe), within the timeout. */
    private static final Duration AFTER_EXIT = Duration.ofSeconds(5);
    /** util-linux's setsid: it execs the program in place (a child of the JVM leads no process group), so the pid stays. */
    private static final String SETSID = "setsid";
    /** How long a stopped session has to end on TERM before its processes are sent KILL. */
    private static final Duration GRACE = Duration.ofMillis(500);
    private static final int CHUNK = 64 << 10;
    /** The sessions of programs running now: stopped when routesync itself is stopped (Ctrl-C, TERM). */
    private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(LIVE).forEach(ProcessRunner::stopSession),
                "routesync-stop-programs"));
    }

    private ProcessRunner() {
    }

    /** Runs a local utility: messages name it by its first word ({@code ip}, {@code sh}). */
    public static ScriptResult run(List<String> argv, byte[] stdin, Duration timeout) throws TransportException {
        return run(argv.get(0), argv, stdin, timeout);
    }

    /**
     * Runs {@code argv}; messages name it as {@code label} ("ssh to h1"): the first word of a program
     * such as {@code ip netns exec mgmt ssh} would name the wrong thing.
     */
    public static ScriptResult run(String label, List<String> argv, byte[] stdin, Duration timeout) throws TransportException {
        return run(label, argv, stdin, timeout, AFTER_EXIT);
    }

    /** As above, with how long the output may stay open after the program exited (shortened by tests). */
    static ScriptResult run(String label, List<String> argv, byte[] stdin, Duration timeout, Duration afterExitLimit)
            throws TransportException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process;
        List<String> command = new ArrayList<>(argv.size() + 1);
        command.add(SETSID);
        command.addAll(argv);
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new TransportException("cannot start " + SETSID + " (util-linux) to run " + argv.get(0) + ": "
                    + e.getMessage(), true, e);
        }
        LIVE.add(process.pid());
        try {
            return collect(label, process, stdin, timeout, deadline, afterExitLimit);
        } finally {
            LIVE.remove(process.pid());
        }
    }

    private static ScriptResult collect(String label, Process process, byte[] stdin, Duration timeout, long deadline,
            Duration afterExitLimit) throws TransportException {
        String program = label;
        Drain out = new Drain(process.getInputStream(), MAX_STDOUT, process);
        Drain err = new Drain(process.getErrorStream(), MAX_STDERR, process);
        feed(process, stdin);
        try {
            boolean exited = process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS);
            boolean ended = false;
            if (exited) {
                // the output ends when the last holder of the pipe closes it: normally the program itself.
                // The end of output alone does not prove it: when the program exits, the JDK's reaper takes
                // what is buffered and closes our end of the pipe, so a reader can see an end while a
                // process the program started still writes. So the run also ends only once no process of
                // its session still holds the output (one that left the session, with setsid, cannot be found
                // so; the end of output is all there is for it).
                long afterExit = Math.min(deadline, System.nanoTime() + afterExitLimit.toNanos());
                ended = out.await(afterExit) && err.await(afterExit) && outputReleased(process.pid(), afterExit);
            }
            Drain full = out.overflowed() ? out : err.overflowed() ? err : null;
            if (full != null) {
                kill(process);
                throw new TransportException(program + " printed more than " + (full.limit >> 20) + " MiB on "
                        + (full == out ? "its output" : "its error output") + "; it was stopped", false);
            }
            if (!exited) {
                kill(process);
                // "did not answer" only when nothing came back: a host that sent part of its answer did answer
                throw new TransportException(program + (out.isEmpty() ? " did not answer" : " did not finish") + " within "
                        + timeout.toSeconds() + " s; it was stopped", true);
            }
            if (!ended) {
                kill(process);
                throw new TransportException(program + " exited, but a process it started kept its output open; it was"
                        + " stopped", false);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for " + program, false, e);
        }
        int exit = process.exitValue();
        try {
            String errors = err.text();
            if ((exit == 126 || exit == 127) && errors.startsWith("setsid: failed to execute ")) {
                // setsid itself could not run the program (not found, not executable): it never started
                throw new TransportException("cannot start " + errors.substring("setsid: failed to execute ".length()).strip(),
                        true);
            }
            return new ScriptResult(exit, out.text(), errors);
        } catch (OutOfMemoryError e) {
            throw new TransportException(program + "'s output does not fit in memory; run with fewer --forks or a larger -Xmx", false);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Kills the program and every process of its session (a shell's children, also those whose parent exited). */
    private static void kill(Process process) {
        stopSession(process.pid());
        process.destroyForcibly();
    }

    /**
     * Sends TERM to every process of session {@code sid}, then KILL to those left after {@link #GRACE}.
     * Session ids are pids: Linux does not reuse a pid while a session of that id has a member, so no
     * unrelated process can be hit. Refuses sessions 0 and 1.
     */
    static void stopSession(long sid) {
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
    private static boolean outputReleased(long sid, long deadline) throws InterruptedException {
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
        return sessionMembers(sid).stream().filter(ph -> !zombie(ph.pid())).toList();
    }

    /** True when {@code pid} has exited and waits to be reaped (state Z), or is gone. */
    private static boolean zombie(long pid) {
        String[] fields = statFields(pid);
        return fields == null || fields[0].equals("Z");
    }

    /** The processes whose session id is {@code sid}. */
    static List<ProcessHandle> sessionMembers(long sid) {
        return ProcessHandle.allProcesses().filter(ph -> sessionOf(ph.pid()) == sid).toList();
    }

    /** Field 6 of /proc/PID/stat (after the command name in parentheses), or -1 when it cannot be read. */
    static long sessionOf(long pid) {
        String[] fields = statFields(pid);
        try {
            return fields == null ? -1 : Long.parseLong(fields[3]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The fields of /proc/PID/stat from the state on (the command name, in parentheses, may hold spaces), or null. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    /**
     * Writes stdin on its own thread: a program that never reads its input (or a host that hangs) must not
     * block the run past its timeout with a full pipe.
     */
    private static void feed(Process process, byte[] stdin) {
        OutputStream in = process.getOutputStream();
        if (stdin == null || stdin.length == 0) {
            close(in);
            return;
        }
        Thread t = new Thread(() -> {
            try (in) {
                in.write(stdin);
            } catch (IOException e) {
                // the program exited (or was killed) before reading all input; its exit code and stderr tell why
            }
        }, "routesync-stdin");
        t.setDaemon(true);
        t.start();
    }

    private static void close(OutputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; the program sees end of input either way
        }
    }

    /**
     * Reads one output stream to its end into chunks, up to a limit. Past the limit it stops reading and
     * kills the program, so the run ends at once instead of when the timeout is spent.
     */
    private static final class Drain {
        private final int limit;
        private final Process process;
        private final byte[][] chunks;
        private final Object lock = new Object();
        private int size;
        private boolean done;
        private boolean overflow;

        Drain(InputStream stream, int limit, Process process) {
            this.limit = limit;
            this.process = process;
            this.chunks = new byte[limit / CHUNK + 1][];
            Thread t = new Thread(() -> read(stream), "routesync-drain");
            t.setDaemon(true);
            t.start();
        }

        private void read(InputStream stream) {
            try (stream) {
                while (true) {
                    int index = size / CHUNK;
                    if (index >= chunks.length) {
                        setOverflow();
                        return;
                    }
                    if (chunks[index] == null) chunks[index] = new byte[CHUNK];
                    int offset = size % CHUNK;
                    int n = stream.read(chunks[index], offset, CHUNK - offset);
                    if (n < 0) break;
                    if (size + n > limit) {
                        setOverflow();
                        return;
                    }
                    synchronized (lock) {
                        size += n;
                    }
                }
            } catch (IOException e) {
                // the stream was closed under us (the program was killed): what was read is kept
            } catch (OutOfMemoryError e) {
                // the run as a whole is short of memory: stop this program rather than the whole run
                setOverflow();
            } finally {
                synchronized (lock) {
                    done = true;
                    lock.notifyAll();
                }
            }
        }

        private void setOverflow() {
            synchronized (lock) {
                overflow = true;
            }
            kill(process);
        }

        boolean isEmpty() {
            synchronized (lock) {
                return size == 0;
            }
        }

        boolean overflowed() {
            synchronized (lock) {
                return overflow;
            }
        }

        /** Waits until the stream ended (or overflowed), at most until {@code deadline} (System.nanoTime). */
        boolean await(long deadline) throws InterruptedException {
            synchronized (lock) {
                while (!done) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return false;
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                }
                return true;
            }
        }

        /** The output as text; called once, after the stream ended. */
        String text() {
            synchronized (lock) {
                byte[] all = new byte[size];
                for (int k = 0; k * CHUNK < size; k++) {
                    System.arraycopy(chunks[k], 0, all, k * CHUNK, Math.min(CHUNK, size - k * CHUNK));
                    chunks[k] = null; // read once: a large reading is not held twice while the String is made
                }
                return new String(all, StandardCharsets.UTF_8);
            }
        }
    }
}

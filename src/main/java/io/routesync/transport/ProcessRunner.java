package io.routesync.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a local program from an argument array (never a shell string), feeding stdin and collecting
 * output, within bounds: a program (a target, or the ssh program in front of it) may print at most
 * {@link #MAX_STDOUT} on stdout and {@link #MAX_STDERR} on stderr, and the whole run, including writing
 * its input and reading its output to the end, takes at most the timeout. Past either bound the program
 * and its descendants are killed and the run fails with a {@link TransportException} naming the bound,
 * so one broken host ends as a failed host and never as an OutOfMemoryError or a hang of the run.
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
    private static final int CHUNK = 64 << 10;

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
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process;
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new TransportException("cannot start " + argv.get(0) + ": " + e.getMessage(), true, e);
        }
        String program = label;
        Drain out = new Drain(process.getInputStream(), MAX_STDOUT, process);
        Drain err = new Drain(process.getErrorStream(), MAX_STDERR, process);
        feed(process, stdin);
        try {
            boolean exited = process.waitFor(remaining(deadline), TimeUnit.NANOSECONDS);
            boolean ended = false;
            if (exited) {
                // the output ends when the last holder of the pipe closes it: normally the program itself
                long afterExit = Math.min(deadline, System.nanoTime() + AFTER_EXIT.toNanos());
                ended = out.await(afterExit) && err.await(afterExit);
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
        try {
            return new ScriptResult(process.exitValue(), out.text(), err.text());
        } catch (OutOfMemoryError e) {
            throw new TransportException(program + "'s output does not fit in memory; run with fewer --forks or a larger -Xmx", false);
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    /** Kills the program and every descendant still linked to it (a shell's children, ssh's master if it has not detached). */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
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

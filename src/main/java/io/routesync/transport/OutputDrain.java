package io.routesync.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Reads one output stream to its end into chunks, up to a limit. Past the limit it stops reading and
 * kills the program, so the run ends at once instead of when the timeout is spent. Given a line to
 * await, it notes where that line first ends, so a conversation ({@link ProcessRunner#converse}) can
 * answer what came before it while the program waits.
 */
final class OutputDrain {
    private static final int CHUNK = 64 << 10;

    private final int limit;
    /** Stops the program: past the limit nothing more is read, so it must not wait for a reader. */
    private final Runnable stop;
    private final byte[][] chunks;
    private final Object lock = new Object();
    private int size;
    private boolean done;
    private boolean overflow;
    /** The awaited line with its newlines ("\nLINE\n"), or null; how much of it the output ends with now. */
    private final byte[] awaited;
    private int matched = 1;
    /** Where the awaited line ends (after its newline), or -1 while it has not come. */
    private int awaitedEnd = -1;
    /** The output before this was handed out ({@link #take}): {@link #text} starts here. */
    private int taken;
    private final BooleanSupplier running;
    /** Whether the stream ended while the program still ran: see {@link #releasedBeforeExit}. */
    private boolean endedWhileRunning;

    OutputDrain(InputStream stream, int limit, Runnable stop, BooleanSupplier running) {
        this(stream, limit, stop, null, running);
    }

    /**
     * @param awaitedLine a whole line of output (without its newline) that {@link #awaitLine} waits for, or null
     * @param running     whether the program still runs (as the JDK knows it: {@code Process::isAlive})
     */
    OutputDrain(InputStream stream, int limit, Runnable stop, String awaitedLine, BooleanSupplier running) {
        this.limit = limit;
        this.stop = stop;
        this.running = running;
        this.awaited = awaitedLine == null ? null : ("\n" + awaitedLine + "\n").getBytes(StandardCharsets.UTF_8);
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
                if (n < 0) {
                    boolean alive = running.getAsBoolean();
                    synchronized (lock) {
                        endedWhileRunning = alive;
                    }
                    break;
                }
                if (size + n > limit) {
                    setOverflow();
                    return;
                }
                int end = awaited == null || awaitedEnd >= 0 ? -1 : scan(chunks[index], offset, n, size);
                synchronized (lock) {
                    size += n;
                    if (end >= 0) awaitedEnd = end;
                    if (end >= 0 || watched) lock.notifyAll();
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

    /**
     * Looks for the awaited line in {@code n} new bytes at {@code from} of {@code chunk} ({@code before}
     * bytes came earlier); returns where it ends, or -1. The line starts after a newline (or at the
     * start: {@link #matched} starts at 1), and no newline is inside it, so a mismatch restarts the
     * match at a newline or before the next byte.
     */
    private int scan(byte[] chunk, int from, int n, int before) {
        for (int k = 0; k < n; k++) {
            byte b = chunk[from + k];
            if (b == awaited[matched]) {
                if (++matched == awaited.length) return before + k + 1;
            } else {
                matched = b == '\n' ? 1 : 0;
            }
        }
        return -1;
    }

    /** Whether a {@link OutputWatcher} follows the output ({@link #watch}): each piece read wakes it. */
    private volatile boolean watched;

    /** Makes {@link #follow} wake as each piece is read. */
    void watch() {
        watched = true;
    }

    /**
     * Waits until the output is longer than {@code seen} bytes and returns its length, or -1 once it ended
     * no longer; puts the chunks that hold bytes from {@code seen} on into {@code pieces} (by index), as they
     * are then: a chunk's bytes below the length never change.
     */
    int follow(int seen, byte[][] pieces) throws InterruptedException {
        synchronized (lock) {
            while (size <= seen && !done) lock.wait();
            if (size <= seen) return -1;
            for (int k = seen / CHUNK; k * CHUNK < size; k++) pieces[k] = chunks[k];
            return size;
        }
    }

    /** How many chunks the output may fill (the length of {@link #follow}'s array). */
    int chunkCount() {
        return chunks.length;
    }

    static int chunkSize() {
        return CHUNK;
    }

    /**
     * Waits until the awaited line came (its end, an offset into the output), the stream ended without it
     * (-1) or {@code deadline} (System.nanoTime) passed (-1).
     */
    int awaitLine(long deadline) throws InterruptedException {
        synchronized (lock) {
            while (awaitedEnd < 0 && !done) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return -1;
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return awaitedEnd;
        }
    }

    /**
     * The output's first {@code end} bytes as text, handed out once; {@link #text} then holds only what
     * follows. The chunks wholly before {@code end} are let go, so a large reading is not held twice.
     */
    String take(int end) {
        synchronized (lock) {
            byte[] head = new byte[end];
            for (int k = 0; k * CHUNK < end; k++) {
                System.arraycopy(chunks[k], 0, head, k * CHUNK, Math.min(CHUNK, end - k * CHUNK));
                if ((k + 1) * CHUNK <= end) chunks[k] = null;
            }
            taken = end;
            return new String(head, StandardCharsets.UTF_8);
        }
    }

    private void setOverflow() {
        synchronized (lock) {
            overflow = true;
        }
        stop.run();
    }

    /**
     * Whether the stream ended while the program still ran: then every process that had the pipe's other
     * end closed it, none holds it now. (Once the program has exited, the JDK reads what is left and
     * closes our end itself, so a later end proves nothing; the JDK notes the exit before it does so.)
     */
    boolean releasedBeforeExit() {
        synchronized (lock) {
            return done && endedWhileRunning;
        }
    }

    int limit() {
        return limit;
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

    /** The output as text (after what {@link #take} handed out); called once, after the stream ended. */
    String text() {
        synchronized (lock) {
            byte[] all = new byte[size - taken];
            for (int at = taken; at < size; ) {
                int k = at / CHUNK;
                int offset = at % CHUNK;
                int n = Math.min(CHUNK - offset, size - at);
                System.arraycopy(chunks[k], offset, all, at - taken, n);
                // read once: a large reading is not held twice while the String is made; a watcher may not have
                // taken a chunk yet (it lets each go once read)
                if (!watched) chunks[k] = null;
                at += n;
            }
            return new String(all, StandardCharsets.UTF_8);
        }
    }
}

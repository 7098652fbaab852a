package io.routesync.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Reads one output stream to its end into chunks, up to a limit. Past the limit it stops reading and
 * kills the program, so the run ends at once instead of when the timeout is spent.
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

    OutputDrain(InputStream stream, int limit, Runnable stop) {
        this.limit = limit;
        this.stop = stop;
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
        stop.run();
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

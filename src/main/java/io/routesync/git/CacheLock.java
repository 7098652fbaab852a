package io.routesync.git;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Serialises fetches into one bare clone: a timer's pull and one started by hand would otherwise
 * update the same refs at once and one of them fail half-way. An advisory lock on a file beside the
 * clone, released when the fetch is done (or the process dies).
 */
final class CacheLock implements AutoCloseable {
    private static final long POLL_MILLIS = 100;

    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits up to {@code wait} for the lock; null when another run kept it that long. */
    static CacheLock acquire(Path clone, Duration wait) throws IOException {
        Path file = clone.resolveSibling(clone.getFileName() + ".lock");
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) return new CacheLock(channel, lock);
                if (System.nanoTime() >= deadline) break;
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
        return null;
    }

    // Another thread of this process holding it shows up as an exception, not as null.
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

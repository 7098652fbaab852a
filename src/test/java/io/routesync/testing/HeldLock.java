package io.routesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A routesync lock file held exclusively by another process ({@code flock -x FILE sleep 60}) until closed. */
public final class HeldLock implements AutoCloseable {
    private final Path file;
    private final Process holder;

    private HeldLock(Path file, Process holder) {
        this.file = file;
        this.holder = holder;
    }

    /** Holds {@code file} once this returns (flock creates it first, then locks it). */
    public static HeldLock hold(Path file) throws IOException, InterruptedException {
        Process holder = new ProcessBuilder("flock", "-x", file.toString(), "sleep", "60").start();
        for (int i = 0; i < 100 && !Files.exists(file); i++) Thread.sleep(20);
        Thread.sleep(200);
        return new HeldLock(file, holder);
    }

    /** Other processes whose command line names the lock file: scripts routesync started, waiting for it. */
    public List<ProcessHandle> waiting() {
        Set<Long> holders = new HashSet<>();
        holders.add(holder.pid());
        holder.descendants().forEach(p -> holders.add(p.pid()));
        return ProcessHandle.allProcesses().filter(p -> !holders.contains(p.pid())).filter(p -> arguments(p).contains(file.toString()))
                .toList();
    }

    /** From /proc: ProcessHandle.Info leaves out the arguments of a long command line (sh -c and a whole script). */
    private static List<String> arguments(ProcessHandle p) {
        try {
            return List.of(Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"), StandardCharsets.ISO_8859_1).split("\0"));
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Waits up to 5 s for {@link #waiting} to be empty (or not); returns it. */
    public List<ProcessHandle> waitingOnceSettled(boolean empty) throws InterruptedException {
        for (int i = 0; i < 250 && waiting().isEmpty() != empty; i++) Thread.sleep(20);
        return waiting();
    }

    @Override
    public void close() throws InterruptedException {
        // the lock lives on in flock's child too
        holder.descendants().forEach(ProcessHandle::destroyForcibly);
        holder.destroyForcibly();
        holder.waitFor(5, TimeUnit.SECONDS);
    }
}

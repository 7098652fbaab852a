package io.routesync.testing;

import io.routesync.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code routesync watch} as a real process of its own (signals reach it as they would under systemd):
 * its stdout lines collected as they come, stderr to a file. {@link #close()} kills it if still running.
 */
public final class WatchProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Path stderr;

    private WatchProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "watch-test-out");
        t.setDaemon(true);
        t.start();
    }

    /** Starts {@code routesync ARGS} with this JVM's class path. */
    public static WatchProcess start(Path dir, List<String> args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xss512k", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(args);
        Path err = Files.createTempFile(dir, "watch", ".err");
        Process p = new ProcessBuilder(argv).redirectError(err.toFile()).start();
        return new WatchProcess(p, err);
    }

    public long pid() {
        return process.pid();
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits up to {@code millis} for a line (after the first {@code from}) that {@code match} accepts; returns it or fails. */
    public String await(int from, Predicate<String> match, long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        synchronized (lines) {
            while (true) {
                for (int i = from; i < lines.size(); i++) if (match.test(lines.get(i))) return lines.get(i);
                long left = until - System.currentTimeMillis();
                if (left <= 0 || !process.isAlive() && lines.size() == from) {
                    throw new AssertionError("no such line within " + millis + " ms; lines: " + lines + "; stderr: " + stderr());
                }
                lines.wait(Math.min(left, 100));
            }
        }
    }

    public void signal(String name) {
        Shell.check("kill", "-s", name, Long.toString(process.pid()));
    }

    /** Waits for the exit; its code, or fails after {@code millis}. */
    public int exit(long millis) throws InterruptedException {
        if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) throw new AssertionError("watch did not exit within " + millis + " ms");
        return process.exitValue();
    }

    public String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** The pids of processes whose command line holds every one of {@code words} (found through /proc). */
    public static List<Long> processesWith(String... words) {
        List<Long> out = new ArrayList<>();
        try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path d : dirs) {
                try {
                    String cmd = new String(Files.readAllBytes(d.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    boolean all = !cmd.isEmpty();
                    for (String w : words) all &= cmd.contains(w);
                    if (all) out.add(Long.parseLong(d.getFileName().toString()));
                } catch (IOException | NumberFormatException gone) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Stops it as systemd would (TERM: it finishes an apply in progress), and kills it if it is still there after 10 s. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                signal("TERM");
                process.waitFor(10, TimeUnit.SECONDS);
            }
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

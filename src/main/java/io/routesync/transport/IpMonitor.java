package io.routesync.transport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A long-lived {@code ip -N monitor label link address route rule} on this host or in a namespace
 * ({@code ip -n NS}): the kernel's change events, one labelled line each ({@code [LINK]...},
 * {@code [ROUTE]Deleted ...}). Run like {@link ProcessRunner}'s programs, in a session of its own
 * ({@code setsid}), stopped with its whole session on {@link #close()} and when routesync itself is
 * stopped; read within bounds: a line longer than {@link #MAX_LINE} is cut there (its rest dropped),
 * stderr is kept only up to {@link #MAX_ERR} for the message when the monitor ends.
 */
public final class IpMonitor implements AutoCloseable {
    public static final int MAX_LINE = 8 << 10;
    static final int MAX_ERR = 4 << 10;

    /** What the monitor reports: each event line (continuation lines, indented, are left out), and its end. */
    public interface Listener {
        void line(String line);

        /** The monitor ended by itself (not through {@link #close()}); {@code why} is its last error output, or its exit code. */
        void ended(String why);
    }

    private final Process process;
    private volatile boolean closed;

    private IpMonitor(Process process) {
        this.process = process;
    }

    /** The monitor's command line: {@code ip [-n NS] -N monitor label link address route rule}. */
    static List<String> argv(String netns) {
        List<String> argv = new ArrayList<>(List.of("setsid", "ip"));
        if (netns != null && !netns.isEmpty()) argv.addAll(List.of("-n", netns));
        argv.addAll(List.of("-N", "monitor", "label", "link", "address", "route", "rule"));
        return argv;
    }

    /** Starts the monitor for {@code target} (this host or a namespace of it); events go to {@code listener} on a reader thread. */
    public static IpMonitor start(LocalTarget target, Listener listener) throws TransportException {
        Process p;
        try {
            p = new ProcessBuilder(argv(target.netns())).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        } catch (IOException e) {
            throw new TransportException("cannot start ip monitor: " + e.getMessage(), true, e);
        }
        ProcessRunner.track(p.pid());
        IpMonitor m = new IpMonitor(p);
        StringBuilder err = new StringBuilder();
        Thread errors = new Thread(() -> drainErrors(p.getErrorStream(), err), "routesync-monitor-err");
        errors.setDaemon(true);
        errors.start();
        Thread reader = new Thread(() -> {
            readLines(p.getInputStream(), listener::line);
            try {
                p.waitFor();
                errors.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProcessRunner.untrack(p.pid());
            if (!m.closed) {
                String why;
                synchronized (err) {
                    why = err.toString().strip();
                }
                listener.ended(why.isEmpty() ? "it exited with code " + p.exitValue() : why);
            }
        }, "routesync-monitor");
        reader.setDaemon(true);
        reader.start();
        return m;
    }

    /** Splits {@code in} into lines, each at most {@link #MAX_LINE} bytes; indented (continuation) lines are skipped. */
    static void readLines(InputStream in, Consumer<String> each) {
        byte[] line = new byte[MAX_LINE];
        byte[] buf = new byte[8 << 10];
        int len = 0;
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (len > 0 && line[0] != ' ' && line[0] != '\t') each.accept(new String(line, 0, len, StandardCharsets.UTF_8));
                        len = 0;
                    } else if (len < MAX_LINE) {
                        line[len++] = b;
                    } // else: the rest of an overlong line is dropped
                }
            }
        } catch (IOException e) {
            // the stream was closed: the monitor was stopped
        }
        if (len > 0 && line[0] != ' ' && line[0] != '\t') each.accept(new String(line, 0, len, StandardCharsets.UTF_8));
    }

    private static void drainErrors(InputStream in, StringBuilder err) {
        byte[] buf = new byte[1024];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (err) {
                    if (err.length() < MAX_ERR) err.append(new String(buf, 0, Math.min(n, MAX_ERR - err.length()), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // stopped
        }
    }

    /** The monitor's pid (its session id). */
    public long pid() {
        return process.pid();
    }

    /** Stops the monitor and every process of its session; idempotent. */
    @Override
    public void close() {
        closed = true;
        ProcessSessions.stop(process.pid());
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessRunner.untrack(process.pid());
    }
}

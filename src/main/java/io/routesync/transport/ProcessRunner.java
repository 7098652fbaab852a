package io.routesync.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a local program from an argument array (never a shell string), feeding stdin and collecting output. */
public final class ProcessRunner {
    private ProcessRunner() {
    }

    public static ScriptResult run(List<String> argv, byte[] stdin, Duration timeout) throws TransportException {
        Process process;
        try {
            process = new ProcessBuilder(argv).start();
        } catch (IOException e) {
            throw new TransportException("cannot start " + argv.get(0) + ": " + e.getMessage(), true, e);
        }
        CompletableFuture<byte[]> out = drain(process.getInputStream());
        CompletableFuture<byte[]> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null && stdin.length > 0) in.write(stdin);
        } catch (IOException e) {
            // the program exited before reading all input; its exit code and stderr tell why
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new TransportException(argv.get(0) + " did not finish within " + timeout.toSeconds() + " s", true);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for " + argv.get(0), false, e);
        }
        return new ScriptResult(process.exitValue(), text(out), text(err));
    }

    private static String text(CompletableFuture<byte[]> bytes) {
        return new String(bytes.join(), StandardCharsets.UTF_8);
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (stream) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream(8192);
                stream.transferTo(buf);
                result.complete(buf.toByteArray());
            } catch (IOException e) {
                result.complete(new byte[0]);
            }
        }, "routesync-drain");
        t.setDaemon(true);
        t.start();
        return result;
    }
}

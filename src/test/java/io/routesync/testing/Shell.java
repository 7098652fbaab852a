package io.routesync.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs a program for a test (argument arrays, never a shell string) and collects its output. */
public final class Shell {
    private Shell() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
        /** Throws with the command's output when it did not exit 0. */
        public Result check(List<String> argv) {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " exited " + exitCode + ": " + stderr.strip()
                        + (stdout.isBlank() ? "" : " / " + stdout.strip()));
            }
            return this;
        }
    }

    public static Result run(String... argv) {
        return run(List.of(argv), null);
    }

    /** Runs and throws unless it exits 0. */
    public static Result check(String... argv) {
        return run(List.of(argv), null).check(List.of(argv));
    }

    public static Result run(List<String> argv, String stdin) {
        try {
            Process p = new ProcessBuilder(argv).start();
            CompletableFuture<byte[]> out = drain(p.getInputStream());
            CompletableFuture<byte[]> err = drain(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            int code = p.waitFor();
            return new Result(code, new String(out.join(), StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv, e);
        }
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                stream.transferTo(buf);
                return buf.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

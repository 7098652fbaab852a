package io.routesync.transport;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A program's input as {@link ProcessRunner} writes it: a program that exited (or was killed) before
 * reading all of it is no error here; its exit code and stderr tell why.
 */
final class ProgramInput {
    private ProgramInput() {
    }

    /** Writes {@code bytes} and leaves the input open; false (the input closed) when the program is gone. */
    static boolean writeOpen(OutputStream in, byte[] bytes) {
        try {
            in.write(bytes);
            in.flush();
            return true;
        } catch (IOException e) {
            // the program exited (or was killed) before reading all input; its exit code and stderr tell why
            close(in);
            return false;
        }
    }

    static void write(OutputStream in, byte[] bytes) {
        try (in) {
            if (bytes != null) in.write(bytes);
        } catch (IOException e) {
            // the program exited (or was killed) before reading all input; its exit code and stderr tell why
        }
    }

    /**
     * Writes stdin on its own thread: a program that never reads its input (or a host that hangs) must not
     * block the run past its timeout with a full pipe.
     */
    static void feed(Process process, byte[] stdin) {
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

    static void close(OutputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; the program sees end of input either way
        }
    }
}

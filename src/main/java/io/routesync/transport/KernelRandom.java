package io.routesync.transport;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;

/**
 * Random bytes from the kernel's generator, read directly: setting up SecureRandom (its security
 * providers) costs a short run about 10 ms; SecureRandom only where there is no /dev/urandom. For
 * the scripts' markers and the terminal writer's secret: unpredictable, not keys.
 */
public final class KernelRandom {
    private KernelRandom() {
    }

    /** {@code n} random bytes. */
    public static byte[] bytes(int n) {
        byte[] out = new byte[n];
        try (InputStream in = new FileInputStream("/dev/urandom")) {
            if (in.readNBytes(out, 0, n) == n) return out;
        } catch (IOException | SecurityException e) {
            // below
        }
        new SecureRandom().nextBytes(out);
        return out;
    }
}

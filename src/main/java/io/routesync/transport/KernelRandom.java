package io.routesync.transport;

import java.io.DataInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.security.SecureRandom;

/**
 * Random bytes from the kernel's generator, read directly: setting up SecureRandom (its security
 * providers) costs a short run tens of milliseconds, on the way to its first script run. SecureRandom
 * where there is no /dev/urandom.
 */
public final class KernelRandom {
    private KernelRandom() {
    }

    public static byte[] bytes(int count) {
        byte[] out = new byte[count];
        try (DataInputStream in = new DataInputStream(new FileInputStream("/dev/urandom"))) {
            in.readFully(out);
        } catch (IOException | SecurityException e) {
            new SecureRandom().nextBytes(out);
        }
        return out;
    }

    public static int[] ints(int count) {
        byte[] b = bytes(4 * count);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = (b[4 * i] & 0xff) << 24 | (b[4 * i + 1] & 0xff) << 16 | (b[4 * i + 2] & 0xff) << 8 | (b[4 * i + 3] & 0xff);
        }
        return out;
    }
}

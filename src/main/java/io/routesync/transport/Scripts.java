package io.routesync.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixed shell scripts routesync runs on targets, shipped as resources beside this class. */
public final class Scripts {
    private static final String COMMON = load("common.sh");
    /** Reads a target: see read.sh for its arguments. */
    public static final String READ = COMMON + load("read.sh");
    /** Applies batches on a target and re-reads it: see apply.sh for its arguments and input. */
    public static final String APPLY = COMMON + load("apply.sh");

    private Scripts() {
    }

    static String load(String name) {
        try (InputStream in = Scripts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

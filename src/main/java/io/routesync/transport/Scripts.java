package io.routesync.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixed shell scripts routesync runs on targets, shipped as resources beside this class. */
public final class Scripts {
    private static final String COMMON = load("common.sh") + load("files.sh");
    private static final String CONFIRM_COMMON = COMMON + load("confirm-common.sh");
    /** Reads a target: see read.sh for its arguments. */
    public static final String READ = COMMON + load("read.sh");
    /**
     * Applies batches on a target and re-reads it: see apply.sh for its arguments and input. With the
     * confirm functions: it refuses while another apply's change awaits confirmation.
     */
    public static final String APPLY = CONFIRM_COMMON + load("apply.sh");
    /** Prints the ssh peer and the rules and routes its reply needs; see probe.sh. */
    public static final String PROBE = COMMON + load("probe.sh");
    /** apply --confirm: stages the undo and starts the host's timer; see arm.sh. */
    public static final String ARM = CONFIRM_COMMON + load("arm.sh");
    /** Disarms the timer, or reports its state; see confirm.sh. */
    public static final String CONFIRM = CONFIRM_COMMON + load("confirm.sh");
    /** Runs the staged undo (the timer, or routesync rollback); see rollback.sh. */
    public static final String ROLLBACK = CONFIRM_COMMON + load("rollback.sh");

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

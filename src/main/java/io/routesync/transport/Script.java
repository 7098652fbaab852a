package io.routesync.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The fixed shell scripts routesync runs on targets, shipped as resources beside this class. Each one's
 * arguments and replies are known to exactly one Java type: {@link HostReader} (read.sh),
 * {@link ApplyScript} (apply.sh), {@link SessionScript} (session.sh), {@link ManagementProbe} (probe.sh), {@link RouteGetScript} (routeget.sh) and {@link ConfirmTimer} (arm.sh,
 * confirm.sh, rollback.sh), all through {@link ScriptCall}.
 */
public enum Script {
    /** Reads a target: see read.sh for its arguments. */
    READ(Texts.COMMON + load("read.sh"), false),
    /**
     * Applies batches on a target and re-reads it: see apply.sh for its arguments and input. With the
     * confirm functions: it refuses while another apply's change awaits confirmation.
     */
    APPLY(Texts.CONFIRM_COMMON + Texts.MAKE_TMP + load("apply.sh") + Texts.APPLY_BODY, true),
    /**
     * A whole apply in one run (see session.sh): reads under the exclusive lock, waits for routesync's
     * answer on stdin and applies it as apply.sh does. It changes the host only when the answer says
     * "go", which {@link Target#converse} tells apart.
     */
    SESSION(Texts.CONFIRM_COMMON + load("probe-path.sh") + Texts.MAKE_TMP + load("session.sh") + Texts.APPLY_BODY, true),
    /** Asks the kernel where flows go ({@code ip route get}), for expectations; see routeget.sh. */
    ROUTE_GET(Texts.COMMON + load("routeget.sh"), false),
    /** Prints the ssh peer and the rules and routes its reply needs; see probe.sh. */
    PROBE(Texts.COMMON + load("probe-path.sh") + load("probe.sh"), false),
    /** apply --confirm: stages the undo and starts the host's timer; see arm.sh. */
    ARM(Texts.CONFIRM_COMMON + Texts.MAKE_TMP + load("arm.sh"), true),
    /** Disarms the timer (once the health probes passed: health.sh), or reports its state; see confirm.sh. */
    CONFIRM(Texts.CONFIRM_COMMON + load("health.sh") + Texts.MAKE_TMP + load("confirm.sh"), false),
    /** Runs the staged undo (the timer, or routesync rollback); see rollback.sh. */
    ROLLBACK(Texts.CONFIRM_COMMON + Texts.MAKE_TMP + load("rollback.sh"), true);

    /**
     * The shared parts, loaded before the constants that use them. read.sh, routeget.sh and probe.sh
     * need no temporary directory (common.sh's make_tmp): each one they do not make is a mktemp and an
     * rm -rf less on every read; the other scripts make it before their own text runs.
     */
    private static final class Texts {
        static final String MAKE_TMP = "make_tmp\n";
        static final String COMMON = load("common.sh") + load("files.sh");
        static final String CONFIRM_COMMON = COMMON + load("confirm-common.sh");
        static final String APPLY_BODY = load("apply-body.sh");
    }

    private final String text;
    private final boolean changesHost;

    Script(String text, boolean changesHost) {
        this.text = text;
        this.changesHost = changesHost;
    }

    /** The whole script, as {@code sh -c} runs it. */
    public String text() {
        return text;
    }

    /** Whether a run can change the host: an apply, arming a confirm timer, running its undo. */
    public boolean changesHost() {
        return changesHost;
    }

    /** The script whose text is {@code text}, or null for any other shell text. */
    public static Script of(String text) {
        for (Script s : values()) {
            if (s.text.equals(text)) return s;
        }
        return null;
    }

    static String load(String name) {
        try (InputStream in = Script.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

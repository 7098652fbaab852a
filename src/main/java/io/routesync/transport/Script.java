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
    READ(false),
    /**
     * Applies batches on a target and re-reads it: see apply.sh for its arguments and input. With the
     * confirm functions: it refuses while another apply's change awaits confirmation.
     */
    APPLY(true),
    /**
     * A whole apply in one run (see session.sh): reads under the exclusive lock, waits for routesync's
     * answer on stdin and applies it as apply.sh does. It changes the host only when the answer says
     * "go", which {@link Target#converse} tells apart.
     */
    SESSION(true),
    /** Asks the kernel where flows go ({@code ip route get}), for expectations; see routeget.sh. */
    ROUTE_GET(false),
    /** Prints the ssh peer and the rules and routes its reply needs; see probe.sh. */
    PROBE(false),
    /** apply --confirm: stages the undo and starts the host's timer; see arm.sh. */
    ARM(true),
    /** Disarms the timer (once the health probes passed: health.sh), or reports its state; see confirm.sh. */
    CONFIRM(false),
    /** Runs the staged undo (the timer, or routesync rollback); see rollback.sh. */
    ROLLBACK(true);

    /**
     * The shared parts, loaded with the first script that uses them; each script's text is loaded when it
     * is first run (a plan's read needs 3 of the jar's resources, not all 12). read.sh, routeget.sh and
     * probe.sh need no temporary directory (common.sh's make_tmp): each one they do not make is a mktemp
     * and an rm -rf less on every read; the other scripts make it before their own text runs.
     */
    private static final class Texts {
        static final String MAKE_TMP = "make_tmp\n";
        static final String COMMON = load("common.sh") + load("files.sh");
    }

    private static final class ConfirmTexts {
        static final String COMMON = Texts.COMMON + load("parts.sh") + load("confirm-common.sh");
        /** apply.sh's work after its check, which a session does after its answer. */
        static final String APPLY_BODY = load("apply-body.sh");
    }

    private final boolean changesHost;
    private volatile String text;

    Script(boolean changesHost) {
        this.changesHost = changesHost;
    }

    /** The script's parts, read from the jar. */
    private String load() {
        switch (this) {
            case READ: return Texts.COMMON + load("read.sh");
            case APPLY: return ConfirmTexts.COMMON + Texts.MAKE_TMP + load("apply.sh") + ConfirmTexts.APPLY_BODY;
            case SESSION: return ConfirmTexts.COMMON + load("probe-path.sh") + Texts.MAKE_TMP + load("session.sh") + ConfirmTexts.APPLY_BODY;
            case ROUTE_GET: return Texts.COMMON + load("routeget.sh");
            case PROBE: return Texts.COMMON + load("probe-path.sh") + load("probe.sh");
            case ARM: return ConfirmTexts.COMMON + Texts.MAKE_TMP + load("arm.sh");
            case CONFIRM: return ConfirmTexts.COMMON + load("health.sh") + Texts.MAKE_TMP + load("confirm.sh");
            case ROLLBACK: return ConfirmTexts.COMMON + Texts.MAKE_TMP + load("rollback.sh");
            default: throw new IllegalStateException(name());
        }
    }

    /** The whole script, as {@code sh -c} runs it. */
    public String text() {
        String t = text;
        if (t == null) {
            // once: a read waits for the text loadSoon is loading rather than loading it a second time
            synchronized (this) {
                t = text;
                if (t == null) {
                    t = load();
                    text = t;
                }
            }
        }
        return t;
    }

    /** Loads the text on a daemon thread, for a run that will soon need it ({@link EarlyRead#prepare}). */
    void loadSoon() {
        if (text != null) return;
        Thread t = new Thread("routesync-script-text") {
            @Override
            public void run() {
                text();
            }
        };
        t.setDaemon(true);
        t.start();
    }

    /** Whether a run can change the host: an apply, arming a confirm timer, running its undo. */
    public boolean changesHost() {
        return changesHost;
    }

    /** The script whose text is {@code text}, or null for any other shell text. */
    public static Script of(String text) {
        for (Script s : values()) {
            if (s.text().equals(text)) return s;
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

package io.routesync.config.state;

import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.Variables;
import io.routesync.iproute2.Names;
import io.routesync.model.DesiredState;
import io.routesync.model.Ownership;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import io.routesync.model.TableName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The desired state an apply keeps on the host ({@code STATE_DIR/desired.yaml}) so it can come up
 * converged without git or an inventory ({@code apply --last}, {@code watch}): the merged, expanded
 * state as one plain state file, no variables, no uplinks, with its probes and expectations
 * ({@link KeptChecks}). It is data: it is read back by
 * {@link StateLoader} like any state file, with the same limits and errors.
 */
public final class KeptState {
    /** The file's name in the state directory. */
    public static final String FILE = "desired.yaml";
    /** Beside it: the {@link #inputsKey} of the inputs its text was rendered from, and the text's SHA-256 (one line). */
    public static final String INPUTS_FILE = "desired.inputs";
    /** Beside it: the {@link #digest} of the last kept text an apply proved (one line, 64 hex digits). */
    public static final String DIGEST_FILE = "desired.digest";

    private KeptState() {
    }

    /**
     * The state as a state file, or null when it would not read back as exactly {@code desired} (an
     * owned table without a name, a route the state grammar cannot spell): then nothing is kept,
     * rather than a different state that a later boot would apply.
     */
    public static String text(DesiredState desired, int protocolTag) {
        return text(desired, protocolTag, KeptChecks.NONE);
    }

    /**
     * The same, with the probes and expectations {@code checks} after the entries, so {@code apply
     * --last} runs them too; when they would not read back as the same checks, the state without them.
     */
    public static String text(DesiredState desired, int protocolTag, KeptChecks checks) {
        String text = render(desired, protocolTag, checks);
        if (readsBackAs(text, desired, protocolTag, checks)) return text;
        return checks.equals(KeptChecks.NONE) ? null : text(desired, protocolTag, KeptChecks.NONE);
    }

    /** The state as a state file, not yet proven to read back as {@code desired} ({@link #readsBackAs}). */
    public static String render(DesiredState desired, int protocolTag) {
        return render(desired, protocolTag, KeptChecks.NONE);
    }

    /** The same, with {@code checks} after the entries. */
    public static String render(DesiredState desired, int protocolTag, KeptChecks checks) {
        Map<String, TableId> declared = declared(desired);
        Names names = names(declared, protocolTag);
        Map<TableId, List<Route>> routes = new LinkedHashMap<>();
        for (Route r : desired.routes()) routes.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r);
        return StateYamlRenderer.render(List.of("Kept by routesync: the desired state of its last apply here (routesync apply --last).",
                "Replaced on every apply; change the desired state in its repository or files instead."),
                declared, desired.rules(), routes, names, null, -1, false) + checks.yaml(names);
    }

    private static Map<String, TableId> declared(DesiredState desired) {
        Map<String, TableId> declared = new LinkedHashMap<>();
        for (TableName t : desired.tableNames()) declared.put(t.name(), t.id());
        return declared;
    }

    private static Names names(Map<String, TableId> declared, int protocolTag) {
        return Names.builtin().withProtocol(Ownership.PROTOCOL_NAME, protocolTag).withTables(declared);
    }

    /**
     * The key of the inputs a kept text is rendered from, without rendering it: the inputs' digest
     * ({@code InputsDigest}: the state files and every variable a load can read), the protocol number and
     * routesync {@code version} that load and render, and the checks kept with the state (as the text
     * spells them). A state load reads nothing else, so the same key renders the same text: the host keeps
     * it beside the text ({@link #INPUTS_FILE}) and an apply of the same key sends no text at all.
     */
    public static String inputsKey(String inputsDigest, int protocolTag, String version, DesiredState desired, KeptChecks checks) {
        MessageDigest sha = sha256();
        // the checks as the text spells them ("" for none; no record equals here: its first use costs an apply
        // ~30 ms of method-handle set-up)
        String checksText = checks.yaml(names(declared(desired), protocolTag));
        sha.update(("routesync kept inputs v2\n" + protocolTag + "\n" + version + "\n" + inputsDigest + "\n" + checksText)
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Whether {@code text} reads back as exactly {@code desired}: the proof {@link #text} makes (a whole state load). */
    public static boolean readsBackAs(String text, DesiredState desired, int protocolTag) {
        return readsBackAs(text, desired, protocolTag, KeptChecks.NONE);
    }

    /** The same, with exactly the checks {@code checks} (where they were declared aside). */
    public static boolean readsBackAs(String text, DesiredState desired, int protocolTag, KeptChecks checks) {
        try {
            LoadedState back = read("kept", text, protocolTag);
            return back.state().equals(desired) && checks.sameAs(back);
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * The name of a proof: the digest of {@code text} read back with {@code protocolTag} by routesync
     * {@code version}. An apply keeps it beside the text it proved ({@link #DIGEST_FILE}); a later apply
     * whose text has the same digest skips the proof (the same bytes read back the same way).
     */
    public static String digest(String text, int protocolTag, String version) {
        MessageDigest sha = sha256();
        sha.update(("routesync kept state v1\n" + protocolTag + "\n" + version + "\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** Reads a kept state back, as a state file named {@code name}. */
    public static LoadedState read(String name, String text, int protocolTag) throws InvalidInputException {
        return StateLoader.load(List.of(new SourceFile(name, text)), Variables.commandLine(Map.of()), protocolTag);
    }
}

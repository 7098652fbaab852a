package io.routesync.run;

import io.routesync.config.Diagnostic;
import io.routesync.config.InvalidInputException;
import io.routesync.config.SourceFile;
import io.routesync.config.SourcePos;
import io.routesync.config.UnreadableInput;
import io.routesync.config.Variables;
import io.routesync.config.state.KeptChecks;
import io.routesync.config.state.KeptState;
import io.routesync.config.state.LoadedState;
import io.routesync.transport.TargetPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The desired state the last apply kept on this machine ({@code STATE_DIR/desired.yaml}, see
 * {@link KeptState}), as a host's spec: what {@code apply --last} applies and {@code watch} falls back
 * on, with no git and no inventory. Only for this host or a namespace of it: the state directory is
 * local. Read as any state file (size, UTF-8, the state loader's errors with file:line:column); a
 * symbolic link there is refused, not followed.
 */
public final class LastApplied {
    private LastApplied() {
    }

    /**
     * Keeps {@code loaded} (its state, probes and expectations) as the target's kept state when the run
     * found the target already converged (an apply with changes keeps it itself, through its script): so
     * a host converged before routesync kept states, or whose state changed in ways that change nothing
     * there, has one for the next boot. Only into a state directory that exists (made private by an
     * earlier apply), atomically, and only when it differs.
     */
    public static void keepConverged(TargetPaths paths, LoadedState loaded, int protocolTag) throws IOException {
        Path dir = Path.of(paths.stateDir());
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        // compared before it is proven (a whole state load): a file with the same bytes needs neither
        KeptChecks checks = KeptChecks.of(loaded);
        String text = KeptState.render(loaded.state(), protocolTag, checks);
        Path file = file(paths);
        if (holds(file, text)) return;
        if (!KeptState.readsBackAs(text, loaded.state(), protocolTag, checks)) {
            // checks a state file cannot spell: the state without them, rather than none
            text = KeptState.text(loaded.state(), protocolTag);
            if (text == null || holds(file, text)) return;
        }
        Path tmp = Files.createTempFile(dir, ".routesync.", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Whether {@code file} is a regular file of exactly {@code text}. */
    private static boolean holds(Path file, String text) throws IOException {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == text.length()
                && text.equals(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Path file(TargetPaths paths) {
        return Path.of(paths.stateDir(), KeptState.FILE);
    }

    /**
     * The kept state's spec for target {@code name}.
     *
     * @throws InvalidInputException when there is none (a clear error saying what keeps one), it cannot
     *                               be read, or it is not a valid state file
     */
    public static HostSpec spec(String name, TargetPaths paths, int protocolTag, String version) throws InvalidInputException {
        Path file = file(paths);
        SourcePos at = SourcePos.file(file.toString());
        String text;
        try {
            if (Files.isSymbolicLink(file)) throw new InvalidInputException(List.of(Diagnostic.error(at, "is a symbolic link",
                    "routesync writes this file itself; remove the link and apply again")));
            text = InputFile.read(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(List.of(Diagnostic.error(at, "no desired state was kept here",
                    "every successful apply (without --confirm) keeps the one it applied: apply once with -f, -i or pull;"
                            + " check --state-dir")));
        } catch (UnreadableInput e) {
            throw new InvalidInputException(List.of(e.diagnostic(file.toString())));
        } catch (IOException e) {
            throw new InvalidInputException(List.of(Diagnostic.error(at, "cannot read the file: " + e.getMessage(), "")));
        }
        SourceFile source = new SourceFile(file.toString(), text);
        LoadedState loaded = KeptState.read(source.name(), text, protocolTag);
        return HostSpec.of(name, null, paths, loaded, protocolTag, List.of(source), Variables.commandLine(Map.of()), null, version);
    }
}

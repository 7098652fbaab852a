package io.routesync.run.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The commit the last successful pull left the host at ({@code STATE_DIR/pull-last.json}), for
 * {@code --only-if-changed}. Written only after the host was verified to match the commit (applied or
 * already equal), so a failed run never marks a commit as done.
 */
final class LastPull {
    static final String FILE = "pull-last.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LastPull() {
    }

    /** The last commit id, or empty when there is none (or the file cannot be read: then the run just does its work). */
    static Optional<String> commit(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            JsonNode commit = node == null ? null : node.get("commit");
            return commit != null && commit.isTextual() ? Optional.of(commit.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void write(Path stateDir, String commit, String ref, String repo, String host, Instant time) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("format_version", "1");
        node.put("commit", commit);
        node.put("ref", ref);
        node.put("repo", repo);
        node.put("host", host);
        node.put("time", time.toString());
        Files.createDirectories(stateDir);
        Path tmp = Files.createTempFile(stateDir, ".pull-last", ".tmp");
        Files.writeString(tmp, node.toString() + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, stateDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, stateDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

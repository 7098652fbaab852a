package io.routesync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pure core stays pure (STYLE.md): model, iproute2, plan, render, config, lookup, saved and formats take values
 * and return values, with no processes, files, network, clock or environment, so they are tested with
 * plain strings. The inventory's directory reader is the one deliberate edge inside config.
 */
class PureCoreTest {
    private static final List<String> PURE = List.of("model", "iproute2", "plan", "render", "config", "lookup", "saved", "formats");
    private static final Set<String> EDGES = Set.of("config/inventory/DirectorySource.java");
    private static final Pattern EFFECT = Pattern.compile(
            "^\\s*import\\s+(java\\.nio\\.file\\.Files|java\\.io\\.File(Input|Output)?Stream|java\\.io\\.File;|java\\.net\\.|"
                    + "io\\.routesync\\.(transport|apply|cli|git|run|demo|bench)\\.)"
                    + "|ProcessBuilder|Runtime\\.getRuntime|System\\.(currentTimeMillis|nanoTime|getenv|getProperty)"
                    + "|Instant\\.now|Clock\\.system|LocalDateTime\\.now|new Random\\(\\)|ThreadLocalRandom",
            Pattern.MULTILINE);

    @Test
    void thePureCoreHasNoSideEffects() throws IOException {
        Path root = Path.of("src/main/java/io/routesync");
        List<String> offences = new ArrayList<>();
        for (String pkg : PURE) {
            try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String relative = root.relativize(f).toString();
                    if (EDGES.contains(relative)) continue;
                    var m = EFFECT.matcher(Files.readString(f));
                    while (m.find()) offences.add(relative + ": " + m.group().strip());
                }
            }
        }
        assertEquals(List.of(), offences);
    }
}

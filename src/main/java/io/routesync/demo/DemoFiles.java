package io.routesync.demo;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** The demo's files: the state it applies, and the throwaway directory its routesync commands write to. */
public final class DemoFiles {
    private DemoFiles() {
    }

    /**
     * states/dual-uplink.yml from the working directory, else beside the jar's checkout
     * (target/../states), else beside the installed jar (the Debian package's /usr/share/routesync/states).
     */
    public static Optional<Path> state() {
        Path here = Path.of("states", "dual-uplink.yml");
        if (Files.isRegularFile(here)) return Optional.of(here);
        try {
            Path jar = Path.of(DemoFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = jar.getParent().getParent().resolve("states").resolve("dual-uplink.yml");
            if (Files.isRegularFile(beside)) return Optional.of(beside);
            Path installed = jar.getParent().resolve("states").resolve("dual-uplink.yml");
            if (Files.isRegularFile(installed)) return Optional.of(installed);
        } catch (URISyntaxException | RuntimeException e) {
            // not found
        }
        return Optional.empty();
    }

    /** A new directory for the run's etc, state and lock directories. */
    public static Path workDir() throws IOException {
        return Files.createTempDirectory("routesync-demo-");
    }

    /** Deletes {@code dir} and everything below it, as far as it can. */
    public static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}

package io.routesync.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The class-loading half of the training run behind routesync's class-data archive (AppCDS, made by
 * {@code src/deb/routesync-archive}): loads, without initialising, every class of the given packages
 * in the jar this class came from, so the archive holds them parsed and verified whichever command a
 * later run is. Only loading: no class's static code runs.
 */
public final class ClassTraining {
    /** routesync itself, picocli, and what reading states and writing records use. */
    public static final List<String> PACKAGES = List.of("io/routesync/", "picocli/", "com/fasterxml/jackson/", "org/snakeyaml/");
    /**
     * The JDK's classes a short plan loads that the training's own runs may not: a process that outlives
     * its start (the training's printf has often ended by then) waits through these.
     */
    static final List<String> JDK_CLASSES = List.of("java.util.concurrent.CompletableFuture$UniCompletion",
            "java.util.concurrent.CompletableFuture$UniHandle", "java.util.concurrent.locks.AbstractQueuedSynchronizer$Node",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer$ExclusiveNode");

    private ClassTraining() {
    }

    /** Loads every class of {@link #PACKAGES} in this jar; returns how many loaded (0 when not run from a jar). */
    public static int loadAll() throws IOException {
        Path jar;
        try {
            jar = Path.of(ClassTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            return 0;
        }
        if (!jar.toString().endsWith(".jar")) return 0;
        ClassLoader loader = ClassTraining.class.getClassLoader();
        int loaded = 0;
        for (String name : JDK_CLASSES) {
            try {
                Class.forName(name, false, null);
                loaded++;
            } catch (ClassNotFoundException | LinkageError skipped) {
                // another Java's internals: the archive does without it
            }
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (!name.endsWith(".class") || name.startsWith("META-INF/") || name.endsWith("module-info.class")) continue;
                if (PACKAGES.stream().noneMatch(name::startsWith)) continue;
                try {
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError skipped) {
                    // a class for an optional dependency that is not in the jar: the archive does without it
                }
            }
        }
        return loaded;
    }
}

package io.routesync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development launcher {@code ./routesync} (failsafe: needs the jar mvn package built), copied with
 * the jar and its class-data archive into a temporary tree: every program it starts before java is
 * start-up time of every run, so a run that needs no build starts only find (the rest are builtins);
 * an archive whose size is not the recorded one is never given to java (JDK 17 crashes on a cut one);
 * a source newer than the jar still rebuilds it. The programs it may start are logging stand-ins first
 * in PATH, and mvn a fake that only touches the jar.
 */
class LauncherIT {
    private static final List<String> TOOLS = List.of("find", "readlink", "dirname", "cmp", "wc", "stat", "cat", "sed", "cp", "rm",
            "mktemp");

    @TempDir
    Path root;

    private Path tree;
    private Path bin;
    private Path log;

    @BeforeEach
    void copyTree() throws IOException, InterruptedException {
        tree = Files.createDirectories(root.resolve("tree"));
        Path target = Files.createDirectories(tree.resolve("target"));
        Files.createDirectories(tree.resolve("src/main/java"));
        Files.createDirectories(tree.resolve("src/deb"));
        Files.copy(Path.of("routesync"), tree.resolve("routesync"));
        Files.copy(Path.of("src/deb/routesync-archive"), tree.resolve("src/deb/routesync-archive"));
        Path source = Files.writeString(tree.resolve("src/main/java/A.java"), "class A {}\n");
        Path pom = Files.writeString(tree.resolve("pom.xml"), "<project/>\n");
        FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(source, old);
        Files.setLastModifiedTime(pom, old);
        Files.copy(Path.of("target/routesync.jar"), target.resolve("routesync.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.setLastModifiedTime(target.resolve("routesync.jar"), FileTime.from(Instant.now().minusSeconds(60)));
        bin = Files.createDirectories(root.resolve("bin"));
        log = root.resolve("started");
        for (String tool : TOOLS) {
            Path real = Path.of("/usr/bin", tool);
            if (!Files.isExecutable(real)) real = Path.of("/bin", tool);
            write(bin.resolve(tool), "echo " + tool + " >> '" + log + "'\nexec " + real + " \"$@\"");
        }
        write(bin.resolve("mvn"), "echo mvn >> '" + log + "'\ntouch target/routesync.jar");
        // the first run builds the archive (for the Java on PATH) and remembers that Java
        Result first = launch();
        assertEquals(0, first.code, first.toString());
        assertTrue(Files.size(target.resolve("routesync.jsa")) > 0, "the archive was built");
    }

    private static void write(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Result(int code, String out, String err, List<String> started) {
        @Override
        public String toString() {
            return "exit " + code + ", started " + started + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    /** ./routesync --version under sh -x (the exec line shows java's options), with the stand-ins first in PATH. */
    private Result launch() throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder("sh", "-x", tree.resolve("routesync").toString(), "--version").directory(tree.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().remove("JAVA_OPTS");
        Path err = root.resolve("stderr");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher ended");
        List<String> started = Files.exists(log) ? Files.readAllLines(log) : new ArrayList<>();
        return new Result(p.exitValue(), out, Files.readString(err), started);
    }

    private static String javaLine(Result r) {
        for (String line : r.err.split("\n")) if (line.startsWith("+ exec ") && line.contains(" -cp ")) return line;
        throw new AssertionError("no exec of java: " + r);
    }

    @Test
    void aRunThatNeedsNoBuildStartsOnlyFindBeforeJava() throws Exception {
        Result r = launch();
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.startsWith("routesync "), r.toString());
        assertEquals(List.of("find"), r.started, r.toString());
        assertTrue(javaLine(r).contains("-XX:SharedArchiveFile="), "the whole archive is used: " + r);
        // the class path and the main class: -jar would read the jar's table of contents once more for its manifest
        assertTrue(javaLine(r).endsWith("/target/routesync.jar io.routesync.cli.Main --version"), r.toString());
    }

    @Test
    void anArchiveOfAnotherSizeIsNotGivenToJava() throws Exception {
        Path jsa = tree.resolve("target/routesync.jsa");
        byte[] whole = Files.readAllBytes(jsa);
        Files.write(jsa, java.util.Arrays.copyOf(whole, 100_000));
        Result cut = launch();
        assertEquals(0, cut.code, cut.toString());
        assertFalse(javaLine(cut).contains("-XX:SharedArchiveFile="), "a cut archive is left out: " + cut);
        Files.writeString(tree.resolve("target/routesync.jsa.size"), "garbage\n");
        Files.write(jsa, whole);
        Result unknown = launch();
        assertFalse(javaLine(unknown).contains("-XX:SharedArchiveFile="), "no usable size, no archive: " + unknown);
    }

    @Test
    void aSourceNewerThanTheJarRebuildsIt() throws Exception {
        Files.setLastModifiedTime(tree.resolve("src/main/java/A.java"), FileTime.from(Instant.now()));
        Result r = launch();
        assertEquals(0, r.code, r.toString());
        assertTrue(r.started.contains("mvn"), r.toString());
        assertTrue(r.err.contains("building the class-data archive"), "a new jar gets a new archive: " + r);
        assertTrue(javaLine(r).contains("-XX:SharedArchiveFile="), r.toString());
        assertEquals(List.of("find"), launch().started, "and the next run needs no build");
    }
}

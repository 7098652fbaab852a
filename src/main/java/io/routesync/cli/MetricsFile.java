package io.routesync.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code --metrics-file PATH}: written whole or not at all, so node_exporter's textfile collector never
 * reads half of one: a temporary file in the same directory (a dot name the collector skips), then a
 * rename over PATH. Only a regular file is replaced: a symbolic link at PATH is refused, never followed,
 * and so is a directory or anything else. The file is readable by all (0644), as the collector usually
 * runs as a user of its own. A failure never changes how the run ends: it is reported on stderr in one
 * line, once until a write succeeds again (a watch writes after every action).
 */
final class MetricsFile {
    private final Path path;
    private final PrintWriter err;
    private boolean failing;

    MetricsFile(Path path, PrintWriter err) {
        this.path = path;
        this.err = err;
    }

    /** Replaces the file with {@code text}; true when it was written. */
    boolean write(String text) {
        try {
            replace(path, text);
            failing = false;
            return true;
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                err.println("warning: cannot write the metrics file " + path + ": " + why(e).replaceAll("[\\r\\n]+", " "));
                err.flush();
            }
            failing = true;
            return false;
        }
    }

    /** What went wrong, in words: a file system error's own message is only the path. */
    private static String why(Exception e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    static void replace(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || file.getFileName() == null) throw new IOException("it names no file");
        refuseAnythingButAFile(file);
        if (!Files.isDirectory(dir)) throw new IOException("the directory " + dir + " does not exist");
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            // checked again just before: a rename never follows a link at its target, but it would replace one
            refuseAnythingButAFile(file);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void refuseAnythingButAFile(Path file) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (a.isSymbolicLink()) throw new IOException("it is a symbolic link; routesync replaces only a regular file there, and never follows a link");
        if (a.isDirectory()) throw new IOException("it is a directory; give the path of a file in it, such as routesync.prom");
        if (!a.isRegularFile()) throw new IOException("it is not a regular file");
    }
}

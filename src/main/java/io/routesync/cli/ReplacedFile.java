package io.routesync.cli;

import java.io.IOException;
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
 * A file a run replaces for others to read while it runs again ({@code --metrics-file}, {@code pull
 * --report}): a reader never sees half of one, and never a file routesync was tricked into writing.
 */
final class ReplacedFile {
    private ReplacedFile() {
    }

    /** What went wrong, in words: a file system error's own message is only the path. */
    static String why(Exception e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            return f.getReason() != null ? f.getReason() : f.getClass().getSimpleName();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /**
     * Replaces {@code file} with {@code text}, whole or not at all: a temporary file beside it (a dot name),
     * mode 0644, renamed over it. Only a regular file is replaced: a symbolic link there is refused, never
     * followed, and so is a directory or anything else.
     */
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
        if (a.isDirectory()) throw new IOException("it is a directory; give the path of a file in it");
        if (!a.isRegularFile()) throw new IOException("it is not a regular file");
    }
}

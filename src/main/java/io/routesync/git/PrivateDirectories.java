package io.routesync.git;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Directories only their owner may enter (0700): the cache's clones hold the routing repository's
 * history, which is nobody else's business on the host. Directories routesync creates get that mode
 * whatever the umask; directories that already exist keep theirs, except those routesync owns
 * outright (the clones and the directory that holds them), which it restricts every time.
 */
final class PrivateDirectories {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectories() {
    }

    /** Creates {@code dir} and whichever of its parents are missing, each 0700. */
    static void create(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.isDirectory(p); p = p.getParent()) missing.push(p);
        while (!missing.isEmpty()) {
            Path p = missing.pop();
            try {
                Files.createDirectory(p, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // another run made it first; it is restricted below only if it is ours to restrict
                if (!Files.isDirectory(p)) throw e;
                continue;
            }
            // the umask may have taken bits away, never added them; set the mode exactly anyway
            Files.setPosixFilePermissions(p, OWNER_ONLY);
        }
    }

    /** Makes {@code dir}, which routesync owns, 0700 (clones made by earlier versions were world-readable). */
    static void restrict(Path dir) throws IOException {
        if (!Files.getPosixFilePermissions(dir).equals(OWNER_ONLY)) Files.setPosixFilePermissions(dir, OWNER_ONLY);
    }
}

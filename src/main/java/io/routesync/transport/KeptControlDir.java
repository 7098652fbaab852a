package io.routesync.transport;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where runs keep their ssh connections open for the next run ({@code --ssh-persist}): one directory per
 * user, as ssh-agent and tmux keep their sockets, in {@code $XDG_RUNTIME_DIR} (a private tmpfs the login
 * manager makes) or else in {@code /tmp}. A socket there lets whoever can open it run commands on its
 * host as the remote user without logging in again, so the directory must be this user's alone: made
 * with mode 0700 when missing, and refused, not repaired, when it is a link, someone else's, or open to
 * others (in a shared {@code /tmp} another user could have made it first).
 */
final class KeptControlDir {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    // ControlPath is %-expanded and split on whitespace by ssh: a plain base only
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9/._-]*");
    // sun_path holds 108 bytes: the socket name is 40 hex digits (%C), and ssh adds ~17 characters while it makes it
    static final int MAX_LENGTH = 108 - 1 - 40 - 18;

    private KeptControlDir() {
    }

    /** The directory for user {@code uid}: in {@code XDG_RUNTIME_DIR} when {@code env} names a usable one, else in /tmp. */
    static Path of(Map<String, String> env, long uid) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        String name = "routesync-kept"; // the runtime directory is already the user's own
        if (runtime != null && PLAIN_PATH.matcher(runtime).matches() && runtime.length() + 1 + name.length() <= MAX_LENGTH) {
            return Path.of(runtime, name);
        }
        return Path.of("/tmp", name + "-" + uid);
    }

    /** This process's directory, made when missing, checked when not. */
    static Path open() throws TransportException {
        long uid;
        try {
            uid = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new TransportException("--ssh-persist: cannot tell which user this run is (/proc/self): " + e.getMessage(), false, e);
        }
        return open(of(System.getenv(), uid), uid);
    }

    /** {@code dir}, made private to {@code uid} when missing; refused when it exists and is not. */
    static Path open(Path dir, long uid) throws TransportException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            // the umask can only take bits away: make it exactly 0700 (only when this run made it)
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        } catch (FileAlreadyExistsException e) {
            // made by an earlier run (or by someone else: checked below)
        } catch (IOException e) {
            throw new TransportException("--ssh-persist: cannot make " + dir + ": " + e.getMessage(), false, e);
        }
        PosixFileAttributes a;
        try {
            a = Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new TransportException("--ssh-persist: cannot read " + dir + ": " + e.getMessage(), false, e);
        }
        String wrong = null;
        if (!a.isDirectory()) wrong = "it is not a directory (a link, or a file)";
        else if (owner(dir) != uid) wrong = "it belongs to another user";
        else if (!a.permissions().equals(OWNER_ONLY)) wrong = "its mode is " + PosixFilePermissions.toString(a.permissions()) + ", not rwx------";
        if (wrong != null) {
            throw new TransportException("--ssh-persist keeps its ssh connections in " + dir + ", but " + wrong
                    + ", so others could use them; nothing was run. Remove it (routesync makes it again) or run without --ssh-persist", false);
        }
        return dir;
    }

    private static long owner(Path dir) throws TransportException {
        try {
            return ((Number) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new TransportException("--ssh-persist: cannot read the owner of " + dir + ": " + e.getMessage(), false, e);
        }
    }
}

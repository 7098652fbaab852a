package io.routesync.transport;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The SSH side of one routesync run: a private ControlMaster directory (mode 0700) that every
 * {@link SshTarget} of the run shares, so a host's second round trip reuses the first one's
 * connection instead of handshaking again. {@link #close()} stops the masters and removes the
 * directory; a fleet run opens one of these and closes it at the end.
 *
 * <p>The directory belongs here rather than in {@link SshSettings} because its lifetime is the
 * run's: no two runs share one, and nothing outlives the run. The exception is asked for by name
 * ({@link #openKept}, {@code --ssh-persist}): the user's own directory of masters that outlive the run
 * for the next one, as Ansible's ControlPersist keeps them.
 */
public final class SshConnections implements AutoCloseable {
    /** The ssh client found on {@code PATH}. */
    public static final List<String> DEFAULT_PROGRAM = List.of("ssh");

    // ControlPath is %-expanded and split on whitespace by ssh: keep the directory name plain
    private static final Pattern PLAIN_PATH = Pattern.compile("/[A-Za-z0-9/._-]*");
    // sun_path holds 108 bytes; the socket name is 40 hex digits (%C) and ssh adds a temporary
    // suffix of ~17 characters while it creates the socket
    private static final int MAX_DIR_LENGTH = 108 - 1 - 40 - 18;
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(5);
    private static final int CLOSE_THREADS = 16;

    private final List<String> program;
    private final Path controlDir;
    private final Duration persist;
    private final boolean kept;
    private volatile boolean closed;

    private SshConnections(List<String> program, Path controlDir, Duration persist, boolean kept) {
        this.program = program;
        this.controlDir = controlDir;
        this.persist = persist;
        this.kept = kept;
    }

    /** Opens a run's connections with the {@code ssh} on {@code PATH}. */
    public static SshConnections open() throws TransportException {
        return open(DEFAULT_PROGRAM);
    }

    /**
     * A run that reaches each host once (a plan: one read per host) shares nothing: every script run
     * is its own ssh connection (ControlMaster=no, ControlPath=none), so no master is started, put in
     * the background and asked to exit ({@code ssh -O exit}) per host, and no directory is made.
     */
    public static SshConnections openUnshared(List<String> program) {
        checkProgram(program);
        return new SshConnections(List.copyOf(program), null, SshCommandLine.CONTROL_PERSIST, false);
    }

    /**
     * Opens a run's connections with another ssh client command: a path ({@code /opt/openssh/bin/ssh})
     * or a wrapper whose last word is ssh, like {@code ip vrf exec mgmt ssh} for a management VRF or
     * {@code ip netns exec NS ssh} for a management namespace (what the SSH fleet tests use). Like
     * git's {@code GIT_SSH_COMMAND} or Ansible's {@code ansible_ssh_executable}, it is trusted
     * configuration: it is run as given.
     */
    public static SshConnections open(List<String> program) throws TransportException {
        checkProgram(program);
        return new SshConnections(List.copyOf(program), createControlDir(), SshCommandLine.CONTROL_PERSIST, false);
    }

    /**
     * Connections kept for later runs ({@code --ssh-persist}): every host's master lives in the user's
     * own directory ({@link KeptControlDir}) and stays up for {@code persist} after its last session, so
     * a run within that time reuses it, with no key exchange or login; closing these stops nothing.
     */
    public static SshConnections openKept(List<String> program, Duration persist) throws TransportException {
        checkProgram(program);
        if (persist.isNegative() || persist.isZero()) throw new IllegalArgumentException("a kept connection needs a positive time");
        return new SshConnections(List.copyOf(program), KeptControlDir.open(), persist, true);
    }

    /** {@link #openKept} in {@code dir}, already made private to this user (tests). */
    static SshConnections openKept(List<String> program, Duration persist, Path dir) {
        checkProgram(program);
        return new SshConnections(List.copyOf(program), dir, persist, true);
    }

    private static void checkProgram(List<String> program) {
        if (program == null || program.isEmpty() || program.stream().anyMatch(w -> w == null || w.isEmpty())) {
            throw new IllegalArgumentException("the ssh program must be a non-empty list of non-empty words");
        }
    }

    /** A target for one host of this run; {@code name} is how messages call it (the inventory name). */
    public SshTarget target(String name, SshSettings settings) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("a target needs a name");
        if (settings == null) throw new IllegalArgumentException("a target needs ssh settings");
        return new SshTarget(name, settings, this);
    }

    /** The ssh client command this run uses. */
    public List<String> program() {
        return program;
    }

    /** How this run's ssh commands share connections. */
    SshCommandLine.Control control() {
        return new SshCommandLine.Control(controlDir, persist, kept);
    }

    /** The private directory holding this run's ControlMaster sockets; null when the run shares no connection. */
    public Path controlDir() {
        return controlDir;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Asks every master to exit ({@code ssh -O exit}) and removes the directory. A master that does
     * not answer exits by itself once idle for ControlPersist; with its socket gone no run can use it.
     * A fleet run has one master per host: they are asked a few at a time, not one after the other.
     * Kept connections are left as they are: keeping them is what they were asked for.
     */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (controlDir == null || kept) return;
        List<Path> sockets = sockets();
        if (!sockets.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(CLOSE_THREADS, sockets.size()));
            try {
                for (Path socket : sockets) pool.execute(() -> exit(socket));
                pool.shutdown();
                pool.awaitTermination(EXIT_TIMEOUT.toSeconds() * (sockets.size() / CLOSE_THREADS + 1), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pool.shutdownNow();
            }
        }
        deleteTree(controlDir);
    }

    private void exit(Path socket) {
        List<String> argv = new ArrayList<>(program);
        // -F /dev/null: stopping a master needs no configuration, so none of the user's is read
        argv.addAll(List.of("-F", "/dev/null", "-o", "ControlPath=" + socket, "-O", "exit", "routesync-master"));
        try {
            ProcessRunner.run(argv, null, EXIT_TIMEOUT);
        } catch (TransportException e) {
            // the master is unresponsive or gone; it cannot be reused once the socket is removed
        }
    }

    /** The sockets in the control directory now: one per master that is (or was) running. */
    public List<Path> sockets() {
        List<Path> sockets = new ArrayList<>();
        if (controlDir == null) return sockets;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(controlDir)) {
            for (Path entry : entries) {
                BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isOther()) sockets.add(entry);
            }
        } catch (IOException e) {
            // the directory is gone: no sockets
        }
        return sockets;
    }

    private static Path createControlDir() throws TransportException {
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        Path base = Path.of(System.getProperty("java.io.tmpdir", "/tmp")).toAbsolutePath();
        if (!PLAIN_PATH.matcher(base.toString()).matches() || base.toString().length() > MAX_DIR_LENGTH - 24) {
            base = Path.of("/tmp");
        }
        try {
            Path dir = Files.createTempDirectory(base, "routesync-ssh-", PosixFilePermissions.asFileAttribute(owner));
            // createTempDirectory honours the umask, which can only remove bits: make it exactly 0700
            Files.setPosixFilePermissions(dir, owner);
            if (dir.toString().length() > MAX_DIR_LENGTH) {
                Files.delete(dir);
                throw new IOException("its path would make socket paths too long for ssh (108 bytes)");
            }
            return dir;
        } catch (IOException | UnsupportedOperationException e) {
            throw new TransportException("cannot create a private ControlMaster directory in " + base + ": " + e.getMessage(), false, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) Files.deleteIfExists(entry);
        } catch (IOException e) {
            // best effort: a missing directory is already clean
        }
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a file appeared meanwhile (a master starting late); nothing secret is in it
        }
    }
}

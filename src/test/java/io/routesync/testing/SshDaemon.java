package io.routesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One test sshd inside a network namespace, configured only by files in its own directory: its host
 * key, config, PidFile and log ({@code -E}). It runs in the foreground ({@code -D}) as a child of the
 * test JVM, so the JVM holds its process and reaps it; the PidFile tells when it is listening.
 *
 * <p>The namespaces share this machine's files, so a login would start in this machine's own home and
 * its shell would source that home's dotfiles for every session ({@code bash -c COMMAND} too): a
 * developer's {@code .bashrc} that starts pyenv made each session run ~60 programs instead of 2, and
 * one that prints would break the scripts' output. A host has its distribution's dotfiles, so each
 * sshd runs in a mount namespace of its own ({@code unshare --mount}) where the login home is a
 * directory of this daemon's holding Debian's default dotfiles; the machine's home is not touched.
 */
final class SshDaemon {
    static final String SSHD = "/usr/sbin/sshd";
    /** The distribution's default dotfiles (Debian's base-files), copied into each daemon's login home. */
    private static final Path DEFAULT_DOTFILES = Path.of("/usr/share/base-files");
    private static final long READY_TIMEOUT_MS = 10_000;

    private final String netns;
    private final String address;
    private final Path dir;
    private Process process;

    private SshDaemon(String netns, String address, Path dir) {
        this.netns = netns;
        this.address = address;
        this.dir = dir;
    }

    /** Writes a host key and a config for {@code address} in {@code netns}, accepting {@code authorizedKeys}. */
    static SshDaemon prepare(String netns, String address, Path dir, Path authorizedKeys) {
        SshDaemon d = new SshDaemon(netns, address, dir);
        try {
            Files.createDirectories(dir);
            Shell.check("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", netns, "-f", d.hostKey().toString());
            Files.writeString(d.config(), String.join("\n",
                    "# test sshd for " + netns + ": nothing here comes from /etc/ssh",
                    "ListenAddress " + address,
                    "Port 22",
                    "HostKey " + d.hostKey(),
                    "PidFile " + d.pidFile(),
                    "AuthorizedKeysFile " + authorizedKeys,
                    "PermitRootLogin prohibit-password",
                    "PubkeyAuthentication yes",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "UsePAM no",
                    // the temp dirs are not root-only, which StrictModes would refuse
                    "StrictModes no",
                    // parallel fleet tests open many connections and multiplexed sessions at once
                    "MaxStartups 200",
                    "MaxSessions 200",
                    "UseDNS no",
                    "PrintMotd no",
                    "LogLevel INFO",
                    ""));
            cleanHome(d.home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** Starts sshd and waits until it listens (its PidFile appears). */
    synchronized void start() {
        if (process != null && process.isAlive()) return;
        try {
            Files.deleteIfExists(pidFile());
            // ip netns exec and unshare exec in place: the process stays sshd's own, as stop() expects
            process = new ProcessBuilder("ip", "netns", "exec", netns, "unshare", "--mount", "--propagation", "private",
                    "sh", "-c", "mount --bind -- \"$1\" \"$2\" && shift 2 && exec \"$@\"", "sh", home().toString(), loginHome().toString(),
                    SSHD, "-D", "-f", config().toString(), "-E", log().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.out").toFile()))
                    .start();
            long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
            while (!(Files.exists(pidFile()) && Files.size(pidFile()) > 0)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("sshd in " + netns + " exited " + process.exitValue() + ": " + tail());
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("sshd in " + netns + " did not start listening: " + tail());
                }
                Thread.sleep(5);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting sshd in " + netns, e);
        }
    }

    /**
     * Stops the listener and every session it forked, so the host refuses connections and no
     * established connection (a ControlMaster's) survives either.
     */
    synchronized void stop() {
        if (process == null) return;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // sessions forked after the snapshot above, if any
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process = null;
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            // sshd removes it itself on SIGTERM; a leftover is harmless inside the temp dir
        }
    }

    synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** {@code ssh-ed25519 AAAA...}: the public half of the host key, as known_hosts lists it. */
    String hostKeyLine() {
        try {
            String[] words = Files.readString(dir.resolve("host_key.pub")).strip().split(" ");
            return words[0] + " " + words[1];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many logins this sshd has accepted: each one is a new SSH connection (a handshake). */
    int acceptedLogins() {
        try {
            if (!Files.exists(log())) return 0;
            return (int) Files.readAllLines(log()).stream().filter(l -> l.startsWith("Accepted publickey for ")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A login home as a freshly installed host has it: Debian's .bashrc and .profile (empty when not installed). */
    private static void cleanHome(Path home) throws IOException {
        Files.createDirectories(home);
        for (String f : List.of("bashrc", "profile")) {
            Path source = DEFAULT_DOTFILES.resolve("dot." + f);
            Files.writeString(home.resolve("." + f), Files.isReadable(source) ? Files.readString(source) : "");
        }
    }

    /** The home the fleet's logins start in: root's (the fleet logs in as root, and the tests run as root). */
    private static Path loginHome() {
        return Path.of(System.getProperty("user.home"));
    }

    private Path home() {
        return dir.resolve("home");
    }

    Path log() {
        return dir.resolve("sshd.log");
    }

    Path pidFile() {
        return dir.resolve("sshd.pid");
    }

    String address() {
        return address;
    }

    private Path hostKey() {
        return dir.resolve("host_key");
    }

    private Path config() {
        return dir.resolve("sshd_config");
    }

    private String tail() {
        try {
            StringBuilder out = new StringBuilder();
            for (Path p : List.of(log(), dir.resolve("sshd.out"))) {
                if (Files.exists(p)) out.append(Files.readString(p).strip()).append(' ');
            }
            return out.toString().strip();
        } catch (IOException e) {
            return e.toString();
        }
    }
}

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
 */
final class SshDaemon {
    static final String SSHD = "/usr/sbin/sshd";
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
            process = new ProcessBuilder("ip", "netns", "exec", netns, SSHD, "-D", "-f", config().toString(), "-E", log().toString())
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

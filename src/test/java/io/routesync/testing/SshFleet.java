package io.routesync.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A fleet of SSH hosts on this machine, for tests: a controller network namespace and N host
 * namespaces, each host joined to the controller by its own veth pair on its own /30 (no bridge), and
 * one sshd per host listening on the host's address. Keys, sshd configs, the client's ssh_config and
 * known_hosts are generated in a temporary directory; nothing under {@code /etc/ssh} or {@code ~/.ssh}
 * is read or written (OpenSSH finds {@code ~/.ssh} through the passwd entry, so the client is
 * configured only through {@code -F}, part of {@link #sshProgram()}).
 *
 * <pre>
 *   controller ns   h0 10.77.0.1/30 ---- eth0 10.77.0.2/30   host ns 0   sshd on 10.77.0.2:22
 *                   h1 10.77.0.5/30 ---- eth0 10.77.0.6/30   host ns 1   sshd on 10.77.0.6:22
 *                   ...
 * </pre>
 *
 * The hosts are reachable only from the controller namespace, so ssh must run there:
 * {@link #sshProgram()} is {@code ip netns exec CTL ssh} for {@code SshConnections.open(...)}, and
 * {@link #inController} prefixes any command (the routesync jar, for end-to-end runs). {@link #close()}
 * stops every sshd and deletes every namespace and file, also when a test failed; a JVM shutdown hook
 * does the same if the test run is interrupted.
 */
public final class SshFleet implements AutoCloseable {
    private static final int THREADS = 8;

    /** One host of the fleet: the name its ssh_config alias has, its namespace and addresses. */
    public record Host(int index, String name, String netns, String address, String controllerAddress) {
    }

    private final String id;
    private final String controller;
    private final Path dir;
    private final List<Host> hosts = new ArrayList<>();
    // filled by worker threads, read by close() and the shutdown hook
    private final List<SshDaemon> daemons = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> namespaces = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::cleanUp, "ssh-fleet-cleanup");
    private boolean closed;

    private SshFleet(String id, Path dir) {
        this.id = id;
        this.controller = "rs-" + id + "-ctl";
        this.dir = dir;
    }

    /** Fails (with {@code CI=true}) or skips the calling test unless namespaces, sshd and ssh are usable here. */
    public static void require() {
        KernelAccess.require();
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(Path.of(SshDaemon.SSHD))) missing.add(SshDaemon.SSHD + " (openssh-server)");
        for (String tool : List.of("ssh", "ssh-keygen")) {
            if (Shell.run("sh", "-c", "command -v " + tool).exitCode() != 0) missing.add(tool + " (openssh-client)");
        }
        if (missing.isEmpty()) return;
        String why = "missing " + String.join(", ", missing);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("this test needs an SSH fleet and CI=true is set: " + why);
        abort("skipped: needs an SSH fleet (" + why + ")");
    }

    /** Builds a fleet of {@code size} hosts (1 to 16384), all sshds listening; cleans up if any step fails. */
    public static SshFleet start(int size) {
        if (size < 1 || size > 16384) throw new IllegalArgumentException("fleet size " + size + " is not 1-16384");
        String id = Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 35), 36);
        Path dir;
        try {
            dir = Files.createTempDirectory("rs-fleet-" + id + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SshFleet fleet = new SshFleet(id, dir);
        Runtime.getRuntime().addShutdownHook(fleet.shutdownHook);
        try {
            fleet.build(size);
        } catch (RuntimeException | Error e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    private void build(int size) {
        for (int i = 0; i < size; i++) {
            int base = i * 4;
            String net = "10.77." + (base >> 8) + ".";
            hosts.add(new Host(i, "h" + i, "rs-" + id + "-h" + i, net + ((base & 255) + 2), net + ((base & 255) + 1)));
        }
        // privilege separation directory sshd insists on; normally made by the service unit
        Shell.check("mkdir", "-p", "/run/sshd");
        Path clientKey = dir.resolve("client_key");
        Shell.check("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "rs-fleet-" + id, "-f", clientKey.toString());

        // one ip process per namespace, not one per command: 64 hosts start in a second or two
        StringBuilder add = new StringBuilder("netns add " + controller + "\n");
        namespaces.add(controller);
        for (Host h : hosts) {
            add.append("netns add ").append(h.netns()).append('\n');
            namespaces.add(h.netns());
        }
        batch(List.of("ip", "-batch", "-"), add.toString());
        StringBuilder links = new StringBuilder("link set lo up\n");
        for (Host h : hosts) {
            String dev = "h" + h.index();
            links.append("link add ").append(dev).append(" type veth peer name eth0 netns ").append(h.netns()).append('\n')
                    .append("addr add ").append(h.controllerAddress()).append("/30 dev ").append(dev).append('\n')
                    .append("link set ").append(dev).append(" up\n");
        }
        batch(List.of("ip", "-n", controller, "-batch", "-"), links.toString());

        for (int i = 0; i < size; i++) daemons.add(null);
        parallel(size, i -> {
            Host h = hosts.get(i);
            batch(List.of("ip", "-n", h.netns(), "-batch", "-"),
                    "link set lo up\naddr add " + h.address() + "/30 dev eth0\nlink set eth0 up\n");
            SshDaemon d = SshDaemon.prepare(h.netns(), h.address(), dir.resolve(h.name()), dir.resolve("client_key.pub"));
            // registered before it starts, so close() stops it even if waiting for it fails
            daemons.set(i, d);
            d.start();
        });
        writeClientFiles(clientKey);
    }

    private void writeClientFiles(Path clientKey) {
        StringBuilder known = new StringBuilder();
        StringBuilder config = new StringBuilder("# ssh client configuration of test fleet " + id + ": use with -F\n");
        for (Host h : hosts) {
            known.append(h.address()).append(' ').append(daemons.get(h.index()).hostKeyLine()).append('\n');
            config.append("Host ").append(h.name()).append("\n  HostName ").append(h.address()).append('\n');
        }
        config.append("Host *\n")
                .append("  User root\n")
                .append("  IdentityFile ").append(clientKey).append('\n')
                .append("  IdentitiesOnly yes\n")
                .append("  UserKnownHostsFile ").append(knownHosts()).append('\n')
                .append("  GlobalKnownHostsFile /dev/null\n")
                .append("  StrictHostKeyChecking yes\n")
                .append("  PasswordAuthentication no\n")
                .append("  KbdInteractiveAuthentication no\n");
        try {
            Files.writeString(knownHosts(), known);
            Files.writeString(sshConfig(), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Host> hosts() {
        return List.copyOf(hosts);
    }

    public Host host(int index) {
        return hosts.get(index);
    }

    public int size() {
        return hosts.size();
    }

    /** The controller's network namespace, from which every host is reachable. */
    public String controller() {
        return controller;
    }

    /** The client configuration {@link #sshProgram()} passes with {@code -F}: user root, the fleet's key and known_hosts, strict checking. */
    public Path sshConfig() {
        return dir.resolve("ssh_config");
    }

    /** The known_hosts file listing every host's key by address. */
    public Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** A directory for a test's own files, removed with the fleet. */
    public Path dir() {
        return dir;
    }

    /**
     * The ssh client command that reaches the fleet: {@code ip netns exec CTL ssh -F CONFIG}. The fleet's
     * client configuration comes with the program (--ssh-program), the trusted way: routesync refuses a
     * -F given by data (an inventory, a plan file).
     */
    public List<String> sshProgram() {
        return inController(List.of("ssh", "-F", sshConfig().toString()));
    }

    /** {@code ip netns exec CTL ARGV...}: any command, run where the hosts are reachable. */
    public List<String> inController(List<String> argv) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", controller));
        full.addAll(argv);
        return full;
    }

    /** Runs a command in the controller namespace and returns its result whatever the exit code. */
    public Shell.Result execInController(String... argv) {
        return Shell.run(inController(List.of(argv)), null);
    }

    /** Runs {@code ip -n HOSTNS ARGS...} on host {@code index}; throws unless it succeeds; returns stdout. */
    public String ip(int index, String... args) {
        List<String> argv = new ArrayList<>(List.of("ip", "-n", hosts.get(index).netns()));
        argv.addAll(List.of(args));
        return Shell.run(argv, null).check(argv).stdout();
    }

    /** Stops host {@code index}'s sshd and its sessions: the host then refuses connections. */
    public void stopSshd(int index) {
        daemons.get(index).stop();
    }

    /** Starts host {@code index}'s sshd again (a no-op if it runs). */
    public void startSshd(int index) {
        daemons.get(index).start();
    }

    /** How many SSH logins host {@code index} has accepted so far: one per new connection, none for a reused one. */
    public int acceptedLogins(int index) {
        return daemons.get(index).acceptedLogins();
    }

    /** {@code ssh -O check}: the pid of the ControlMaster behind a control socket, if one answers. */
    public Optional<Long> masterPid(Path socket) {
        List<String> argv = new ArrayList<>(sshProgram());
        argv.addAll(List.of("-F", "/dev/null", "-o", "ControlPath=" + socket, "-O", "check", "fleet-host"));
        Shell.Result r = Shell.run(argv, null);
        Matcher m = Pattern.compile("Master running \\(pid=(\\d+)\\)").matcher(r.stderr());
        return r.exitCode() == 0 && m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** The sshd log of host {@code index}, for failure messages. */
    public Path sshdLog(int index) {
        return daemons.get(index).log();
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down and the hook is running or has run: nothing left to undo
        }
    }

    private synchronized void cleanUp() {
        if (closed) return;
        closed = true;
        try {
            parallel(daemons.size(), i -> {
                if (daemons.get(i) != null) daemons.get(i).stop();
            });
        } finally {
            if (!namespaces.isEmpty()) {
                StringBuilder del = new StringBuilder();
                for (String ns : namespaces) del.append("netns del ").append(ns).append('\n');
                // -force: go on past a namespace that was never created
                Shell.run(List.of("ip", "-force", "-batch", "-"), del.toString());
            }
            deleteTree(dir);
        }
    }

    private interface Step {
        void run(int index);
    }

    /** Runs {@code step} for 0..count-1 on a few threads; rethrows the first failure after all finished. */
    private static void parallel(int count, Step step) {
        if (count == 0) return;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, count));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> step.run(index)));
            }
            RuntimeException first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause()
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (first != null) throw first;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void batch(List<String> argv, String lines) {
        Shell.run(argv, lines).check(argv);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + root, e);
        }
    }
}

package io.routesync.run;

import io.routesync.cli.FleetFiles;
import io.routesync.testing.Shell;
import io.routesync.testing.SshFleet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Not a test: wall time of {@code routesync plan -i} and {@code apply -i --auto-approve} over a fleet
 * of namespace hosts (each with its own sshd), for several fleet sizes and --forks, against the same
 * work done the naive way, one fresh {@code ssh host ip ...} per command, with the same parallelism:
 * a read is one ssh per {@code ip} command it needs (rules and routes of table 100, IPv4 and IPv6: 4),
 * an apply one ssh per change (the table name, 2 routes, 2 rules: 5; no read, no verify).
 *
 * <p>routesync runs as a user runs it: a new JVM per command (so JVM start is included), reaching the
 * hosts with {@code --ssh-program "ip netns exec CTL ssh"}. Every host starts unconfigured before each
 * plan and apply. Run as root:
 * <pre>
 *   mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.routesync.run.FleetBenchmark [SIZES [FORKS [REPEATS]]]
 * </pre>
 * SIZES and FORKS are comma-separated (default 8,32,64 and 1,8,32); REPEATS (default 1) runs each
 * measurement that many times and keeps the fastest, which filters out other load on the machine.
 */
public final class FleetBenchmark {
    private static final String[] READ_COMMANDS = {"ip -4 rule show", "ip -6 rule show", "ip -4 route list table 100", "ip -6 route list table 100"};

    private final SshFleet fleet;
    private final Path work;

    private FleetBenchmark(SshFleet fleet) {
        this.fleet = fleet;
        this.work = fleet.dir().resolve("bench");
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = numbers(args.length > 0 ? args[0] : "8,32,64");
        List<Integer> forks = numbers(args.length > 1 ? args[1] : "1,8,32");
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int largest = sizes.stream().max(Integer::compare).orElseThrow();
        try (SshFleet fleet = SshFleet.start(largest)) {
            FleetBenchmark b = new FleetBenchmark(fleet);
            System.out.printf("JVM start (routesync --version): %d ms; one cold ssh round trip (ssh host true): %d ms%n",
                    b.jvmStart(), b.coldRoundTrip());
            System.out.printf("%5s %5s | %14s %15s | %16s %17s%n", "hosts", "forks", "routesync plan", "routesync apply",
                    "ssh/command plan", "ssh/command apply");
            for (int size : sizes) {
                FleetFiles files = FleetFiles.of(fleet, b.work.resolve("n" + size)).firstHosts(size).write();
                for (int f : forks) {
                    long plan = Long.MAX_VALUE;
                    long apply = Long.MAX_VALUE;
                    long naivePlan = Long.MAX_VALUE;
                    long naiveApply = Long.MAX_VALUE;
                    for (int r = 0; r < repeats; r++) {
                        b.reset(size, files);
                        plan = Math.min(plan, b.routesync(files, f, "plan"));
                        apply = Math.min(apply, b.routesync(files, f, "apply", "--auto-approve"));
                        b.checkConverged(size);
                        b.reset(size, files);
                        naivePlan = Math.min(naivePlan, b.naive(size, f, false));
                        naiveApply = Math.min(naiveApply, b.naive(size, f, true));
                        b.checkConverged(size);
                    }
                    System.out.printf("%5d %5d | %11d ms %12d ms | %13d ms %14d ms%n", size, f, plan, apply, naivePlan, naiveApply);
                }
                b.reset(size, files);
            }
        }
    }

    /** One routesync command in a new JVM, as a user runs it; its wall time. */
    private long routesync(FleetFiles files, int forks, String command, String... more) {
        List<String> argv = new ArrayList<>(List.of(java(), "-cp", System.getProperty("java.class.path"), "io.routesync.cli.Main",
                command, "-i", files.yaml().toString(), "--forks", Integer.toString(forks),
                "--ssh-program", String.join(" ", fleet.sshProgram())));
        argv.addAll(List.of(more));
        long t0 = System.nanoTime();
        Shell.Result r = Shell.run(argv, null);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (r.exitCode() != 0) throw new IllegalStateException(command + " exited " + r.exitCode() + ": " + r.stderr() + r.stdout());
        return ms;
    }

    /** The naive way: a fresh ssh per command, {@code forks} at a time; the apply's changes, or the read's commands. */
    private long naive(int size, int forks, boolean apply) throws Exception {
        List<List<String>> commands = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            SshFleet.Host h = fleet.host(i);
            List<String> remote = new ArrayList<>();
            if (apply) {
                String etc = work.resolve("naive/" + h.name()).toString();
                remote.add("mkdir -p " + etc + "/rt_tables.d && echo '100 uplink' > " + etc + "/rt_tables.d/routesync.conf");
                remote.add("ip route add default via " + h.controllerAddress() + " dev eth0 table 100 proto 245");
                remote.add("ip route add " + FleetFiles.serviceNet(i) + " via " + h.controllerAddress() + " dev eth0 table 100 proto 245");
                remote.add("ip rule add pref 1001 to " + FleetFiles.serviceNet(i) + " lookup 100 protocol 245");
                remote.add("ip rule add pref 1000 from " + h.address() + " lookup 100 protocol 245");
            } else {
                remote.addAll(List.of(READ_COMMANDS));
            }
            for (String c : remote) {
                List<String> argv = new ArrayList<>(fleet.sshProgram());
                argv.addAll(List.of("-F", fleet.sshConfig().toString(), "-o", "BatchMode=yes", h.address(), c));
                commands.add(argv);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(forks);
        try {
            long t0 = System.nanoTime();
            List<Future<Shell.Result>> results = new ArrayList<>();
            for (List<String> argv : commands) results.add(pool.submit(() -> Shell.run(argv, null)));
            for (int k = 0; k < results.size(); k++) {
                Shell.Result r = results.get(k).get();
                // a table never written to does not exist yet: listing it fails, as it does for routesync's read
                if (r.exitCode() != 0 && !r.stderr().contains("FIB table does not exist")) {
                    throw new IllegalStateException(commands.get(k) + " exited " + r.exitCode() + ": " + r.stderr());
                }
            }
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every host back to unconfigured, and routesync's files on them gone (not timed). */
    private void reset(int size, FleetFiles files) {
        for (int i = 0; i < size; i++) {
            Shell.run(List.of("ip", "-n", fleet.host(i).netns(), "-force", "-batch", "-"),
                    "rule del pref 1000\nrule del pref 1001\nroute flush table 100\n");
        }
        deleteTree(files.targets());
        deleteTree(work.resolve("naive"));
    }

    private void checkConverged(int size) {
        for (int i = 0; i < size; i++) {
            if (!fleet.ip(i, "rule", "show").contains("1000:\tfrom " + fleet.host(i).address() + " lookup 100")) {
                throw new IllegalStateException("h" + i + " did not converge");
            }
        }
    }

    private long jvmStart() {
        long best = Long.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            long t0 = System.nanoTime();
            Shell.run(List.of(java(), "-cp", System.getProperty("java.class.path"), "io.routesync.cli.Main", "--version"), null);
            best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
        }
        return best;
    }

    private long coldRoundTrip() {
        List<Long> times = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            List<String> argv = new ArrayList<>(fleet.sshProgram());
            argv.addAll(List.of("-F", fleet.sshConfig().toString(), "-o", "BatchMode=yes", fleet.host(k % fleet.size()).address(), "true"));
            long t0 = System.nanoTime();
            Shell.run(argv, null).check(argv);
            times.add((System.nanoTime() - t0) / 1_000_000);
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<Integer> numbers(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) out.add(Integer.parseInt(s.strip()));
        return out;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

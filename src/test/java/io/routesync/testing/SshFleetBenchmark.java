package io.routesync.testing;

import io.routesync.transport.Script;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.SshConnections;
import io.routesync.transport.SshSettings;
import io.routesync.transport.SshTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Not a test: prints how long a fleet takes to start and stop, and what a cold ssh round trip costs
 * against one that reuses the ControlMaster connection. Run as root:
 * <pre>
 *   mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.routesync.testing.SshFleetBenchmark 64
 * </pre>
 * With a second argument {@code hold} it only starts the fleet, prints how to reach it, and keeps it
 * until Enter is pressed (or stdin closes), for measuring ssh by hand.
 */
public final class SshFleetBenchmark {
    private SshFleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        long t0 = System.nanoTime();
        SshFleet fleet = SshFleet.start(size);
        long started = System.nanoTime();
        try {
            System.out.printf("fleet of %d hosts started in %d ms%n", size, ms(t0, started));
            if (args.length > 1 && args[1].equals("hold")) {
                System.out.printf("reach host 0 with: %s -F %s %s true%nEnter stops the fleet%n",
                        String.join(" ", fleet.sshProgram()), fleet.sshConfig(), fleet.host(0).address());
                System.in.read();
                return;
            }
            roundTrips(fleet, "true", List.of());
            roundTrips(fleet, Script.READ.text(), readArgs(fleet.dir()));
        } finally {
            long c0 = System.nanoTime();
            fleet.close();
            System.out.printf("fleet closed in %d ms%n", ms(c0, System.nanoTime()));
        }
    }

    /** Per host: a fresh run's first round trip (handshake) and its second (over the master). */
    private static void roundTrips(SshFleet fleet, String script, List<String> args) throws Exception {
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        long closeTotal = 0;
        for (SshFleet.Host h : fleet.hosts()) {
            SshConnections connections = SshConnections.open(fleet.sshProgram());
            try {
                SshTarget t = connections.target(h.name(), SshSettings.of(h.address()));
                long a = System.nanoTime();
                check(t.runScript(script, args, null, Duration.ofSeconds(30)));
                long b = System.nanoTime();
                check(t.runScript(script, args, null, Duration.ofSeconds(30)));
                long c = System.nanoTime();
                cold.add(ms(a, b));
                warm.add(ms(b, c));
            } finally {
                long c0 = System.nanoTime();
                connections.close();
                closeTotal += ms(c0, System.nanoTime());
            }
        }
        String what = script.equals("true") ? "'true'" : "read.sh";
        System.out.printf("%s over %d hosts: cold median %d ms (min %d, max %d); reused median %d ms (min %d, max %d);"
                        + " closing a run's connections %d ms on average%n", what, cold.size(),
                median(cold), Collections.min(cold), Collections.max(cold),
                median(warm), Collections.min(warm), Collections.max(warm), closeTotal / cold.size());
    }

    private static List<String> readArgs(Path dir) {
        return List.of("RSB", "", dir.resolve("etc").toString(), dir.resolve("lock/routesync.lock").toString(), "5",
                dir.resolve("state").toString(), "254");
    }

    private static void check(ScriptResult r) {
        if (r.exitCode() != 0) throw new IllegalStateException("exit " + r.exitCode() + ": " + r.stderr());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }
}

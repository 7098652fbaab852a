package io.routesync.bench;

import io.routesync.apply.ApplyRecord;
import io.routesync.apply.ApplyReport;
import io.routesync.apply.Reconciler;
import io.routesync.iproute2.ChangeSyntax;
import io.routesync.iproute2.HostReading;
import io.routesync.model.Change;
import io.routesync.model.DesiredState;
import io.routesync.model.HostPlan;
import io.routesync.model.Ownership;
import io.routesync.model.TableName;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.ProcessRunner;
import io.routesync.transport.ScriptResult;
import io.routesync.transport.TargetPaths;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Apply speed against the real kernel (issue "Apply", its speed targets): routesync converging a
 * namespace table from empty to N routes, and healing 1% drift on a 100k table, against the same
 * changes as a hand-written {@code ip -batch} file and as one {@code ip} process per change (timed on
 * a sample and scaled up). Each measurement gets a fresh namespace. Needs root.
 */
public final class ApplyBench {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int PER_PROCESS_SAMPLE = 2000;

    private final PrintWriter out;
    private final Path work;
    private final Synthetic synthetic = new Synthetic("eth1", "192.0.2.254", "192.0.2.253");

    private ApplyBench(PrintWriter out, Path work) {
        this.out = out;
        this.work = work;
    }

    public static void run(List<Integer> sizes, int driftSize, PrintWriter out) throws Exception {
        Path work = Files.createTempDirectory("routesync-bench-");
        try {
            new ApplyBench(out, work).measure(sizes, driftSize);
        } finally {
            ProcessRunner.run(List.of("rm", "-rf", work.toString()), null, TIMEOUT);
        }
    }

    /** One routesync run, split into its phases (seconds). */
    private record Phases(double total, double batch, HostPlan plan) {
    }

    private void measure(List<Integer> sizes, int driftSize) throws Exception {
        try (Namespace ns = Namespace.create()) {
            converge(ns, synthetic.desired(5000, 0)); // warm the JIT: a long-running controller's steady state
        }
        out.printf("%-30s %10s %10s %12s %14s %10s %10s%n", "case", "routesync", "its batch", "hand batch",
                "ip per change", "batch/hand", "per-ip/rs");
        for (int n : sizes) {
            DesiredState desired = synthetic.desired(n, 0);
            Phases ours;
            try (Namespace ns = Namespace.create()) {
                ours = converge(ns, desired);
            }
            List<String> lines = batchLines(ours.plan);
            row("converge empty -> " + n, ours, handBatch(lines, null), perProcess(lines));
        }
        if (driftSize > 0) drift(driftSize);
    }

    /** 1% drift on a converged table: routesync's whole apply against the same fix by hand. */
    private void drift(int n) throws Exception {
        DesiredState desired = synthetic.desired(n, 0);
        List<String> driftLines = new ArrayList<>();
        for (int i = 0; i < n; i += 300) {
            driftLines.add("route replace " + argsOf(synthetic.route(i, true)));
            if (i + 1 < n) driftLines.add("route del " + argsOf(synthetic.route(i + 1, false)));
            driftLines.add("route add " + argsOf(synthetic.route(n + i, false)));
        }
        Phases ours;
        try (Namespace ns = Namespace.create()) {
            converge(ns, desired);
            ns.batch(driftLines);
            ours = converge(ns, desired);
        }
        List<String> fix = batchLines(ours.plan);
        List<String> setup = new ArrayList<>(batchLines(desired));
        setup.addAll(driftLines);
        row("1% drift on " + n + " (" + fix.size() + " changes)", ours, handBatch(fix, setup), perProcess(fix));
    }

    private static List<String> batchLines(DesiredState desired) {
        List<String> lines = new ArrayList<>();
        for (var r : desired.routes()) lines.add("route add " + argsOf(r));
        return lines;
    }

    private static String argsOf(io.routesync.model.Route r) {
        return io.routesync.iproute2.IpSyntax.routeArgs(r, null, true);
    }

    /** routesync's whole run: read, plan, apply (lock, digest check, batch, record, re-read) and verify. */
    private Phases converge(Namespace ns, DesiredState desired) throws Exception {
        long start = System.nanoTime();
        TargetPaths paths = TargetPaths.of(ns.name, work.resolve("etc").toString(), work.resolve("state-" + ns.name).toString(),
                work.toString());
        Reconciler r = new Reconciler(LocalTarget.netns(ns.name), paths, new Reconciler.Settings(Duration.ofSeconds(10), TIMEOUT),
                Clock.systemUTC());
        Ownership ownership = new Ownership(Set.of(Synthetic.TABLE), Synthetic.TAG);
        HostReading reading = r.observe(desired);
        HostPlan plan = r.plan(desired, reading, ownership);
        ApplyReport report = r.apply(desired, ownership, reading, plan, new ApplyRecord.Inputs("bench", null, "bench"), true, p -> { });
        if (report.outcome() != ApplyReport.Outcome.APPLIED) throw new IllegalStateException("bench apply: " + report.outcome());
        return new Phases(seconds(start), report.batchNanos() / 1e9, plan);
    }

    private static List<String> batchLines(HostPlan plan) {
        List<String> lines = new ArrayList<>();
        for (Change c : plan.changes()) {
            if (!(c.entry() instanceof TableName)) lines.add(ChangeSyntax.batchLine(c));
        }
        return lines;
    }

    /** The same lines through {@code ip -batch} in a fresh namespace (after {@code setup}, untimed). */
    private double handBatch(List<String> lines, List<String> setup) throws Exception {
        try (Namespace ns = Namespace.create()) {
            if (setup != null) ns.batch(setup);
            Path file = work.resolve("hand.batch");
            Files.write(file, lines);
            long start = System.nanoTime();
            ScriptResult r = ProcessRunner.run(List.of("ip", "-n", ns.name, "-batch", file.toString()), null, TIMEOUT);
            double s = seconds(start);
            if (r.exitCode() != 0) throw new IllegalStateException("hand batch failed: " + r.stdout() + r.stderr());
            return s;
        }
    }

    /** One {@code ip} process per change, timed on a sample of the lines (adds only) and scaled to all of them. */
    private double perProcess(List<String> lines) throws Exception {
        List<String> adds = lines.stream().filter(l -> l.startsWith("route add ")).limit(PER_PROCESS_SAMPLE).toList();
        if (adds.isEmpty()) return Double.NaN;
        try (Namespace ns = Namespace.create()) {
            long start = System.nanoTime();
            for (String line : adds) {
                List<String> argv = new ArrayList<>(List.of("ip", "-n", ns.name));
                argv.addAll(List.of(line.split(" ")));
                ScriptResult r = ProcessRunner.run(argv, null, TIMEOUT);
                if (r.exitCode() != 0) throw new IllegalStateException(line + ": " + r.stderr());
            }
            return seconds(start) / adds.size() * lines.size();
        }
    }

    private void row(String label, Phases ours, double hand, double perChange) {
        out.printf("%-30s %9.2fs %9.2fs %11.2fs %13.1fs %9.2fx %9.1fx%n", label, ours.total, ours.batch, hand, perChange,
                ours.batch / hand, perChange / ours.total);
        out.flush();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** A throwaway namespace with eth1 (192.0.2.1/24, both ends up) so the gateways are reachable. */
    private static final class Namespace implements AutoCloseable {
        final String name = "rs-bench-" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 25), 36);

        static Namespace create() throws Exception {
            Namespace ns = new Namespace();
            ns.batchRoot(List.of("netns add " + ns.name));
            ns.batch(List.of("link set lo up", "link add eth1 type veth peer name eth1p", "link set eth1 up",
                    "link set eth1p up", "address add 192.0.2.1/24 dev eth1"));
            return ns;
        }

        void batch(List<String> lines) throws Exception {
            run(List.of("ip", "-n", name, "-batch", "-"), lines);
        }

        private void batchRoot(List<String> lines) throws Exception {
            run(List.of("ip", "-batch", "-"), lines);
        }

        private static void run(List<String> argv, List<String> lines) throws Exception {
            ScriptResult r = ProcessRunner.run(argv, (String.join("\n", lines) + "\n").getBytes(), TIMEOUT);
            if (r.exitCode() != 0) throw new IllegalStateException(String.join(" ", argv) + ": " + r.stdout() + r.stderr());
        }

        @Override
        public void close() throws Exception {
            ProcessRunner.run(List.of("ip", "netns", "del", name), null, TIMEOUT);
        }
    }
}

package io.routesync.lookup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.iproute2.ChangeSyntax;
import io.routesync.iproute2.HostReading;
import io.routesync.iproute2.IpSyntax;
import io.routesync.model.Change;
import io.routesync.model.Family;
import io.routesync.model.Observed;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.Shell;
import io.routesync.transport.HostReader;
import io.routesync.transport.LocalTarget;
import io.routesync.transport.TargetPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lookup simulation against the kernel: random rule sets and routes (seeded) are put into a fresh
 * namespace, read back the way routesync reads a host, and for random packets the simulation must give
 * what {@code ip route get} gives: the same error, or the same route type, table, device and gateway.
 * Seed and size can be changed with {@code -Dlookup.seed=N -Dlookup.rounds=R -Dlookup.queries=Q}.
 */
class LookupOracleTest {
    private static final long SEED = Long.getLong("lookup.seed", 20240611L);
    private static final int ROUNDS = Integer.getInteger("lookup.rounds", 6);
    private static final int QUERIES = Integer.getInteger("lookup.queries", 60);
    private static final Set<TableId> TABLES = Set.of(TableId.of(100), TableId.of(101), TableId.of(102), TableId.of(103),
            TableId.DEFAULT, TableId.MAIN, TableId.LOCAL);

    @TempDir
    Path dir;

    @Test
    void simulationAgreesWithIpRouteGet() {
        KernelAccess.require();
        Random random = new Random(SEED);
        List<String> mismatches = new ArrayList<>();
        int asked = 0;
        int errors = 0;
        int forwarded = 0;
        int uncertain = 0;
        java.util.Map<String, Integer> seen = new java.util.TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            RandomRouting routing = new RandomRouting(random);
            try (Netns ns = LookupTopology.create()) {
                install(ns, routing);
                Fib fib = Fib.of(read(ns), LookupTopology.GROUPS);
                RandomQueries queries = new RandomQueries(random, routing);
                for (int i = 0; i < QUERIES; i++) {
                    Query q = queries.next();
                    LookupResult sim = Lookup.resolve(fib, q);
                    RouteGet.Answer kernel = RouteGet.ask(ns.name(), q);
                    asked++;
                    if (sim.uncertainty() != null) {
                        // the kernel's answer depends on its multipath hash: not comparable, counted apart
                        uncertain++;
                        continue;
                    }
                    if (kernel.isError()) errors++;
                    if (q.isForwarded()) forwarded++;
                    count(seen, sim);
                    String diff = OracleComparison.difference(sim, kernel);
                    if (diff != null) {
                        mismatches.add("round " + round + ": ip " + String.join(" ", RouteGet.argv(q)) + "\n    " + diff
                                + "\n    rules:\n" + rules(fib, q.family())
                                + "    kernel's tables:\n" + ns.ip(q.family() == Family.INET6 ? "-6" : "-4", "route", "show", "table", "all"));
                    }
                }
            }
        }
        System.out.printf("lookup oracle: seed %d, %d queries (%d forwarded, %d kernel errors, %d hash-dependent not compared),"
                + " %d disagree%n", SEED, asked, forwarded, errors, uncertain, mismatches.size());
        System.out.println("lookup oracle: outcomes " + seen);
        assertTrue(asked - uncertain >= 200, "at least 200 compared queries");
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + asked + " lookups disagree with ip route get (seed "
                + SEED + "):\n" + String.join("\n", mismatches.subList(0, Math.min(8, mismatches.size()))));
    }

    /** Tallies verdicts and the rule behaviours on the way, to show what the random queries exercised. */
    private static void count(java.util.Map<String, Integer> seen, LookupResult r) {
        seen.merge((r.byRule() ? "rule-" : "") + r.verdict().name(), 1, Integer::sum);
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (Step s : r.steps()) {
            if (s.outcome() != Step.Outcome.NO_MATCH && s.outcome() != Step.Outcome.DECIDED) kinds.add(s.outcome().name());
        }
        if (r.paths().size() > 1) kinds.add("MULTIPATH");
        if (r.route() != null && r.route().tos() != 0) kinds.add("ROUTE_TOS");
        if (r.route() != null && r.route().from() != null) kinds.add("ROUTE_FROM");
        if (r.rule() != null && r.rule().priority().value() != 0 && !r.rule().isDefaultRule()) kinds.add("CUSTOM_RULE");
        for (String k : kinds) seen.merge(k, 1, Integer::sum);
    }

    private static void install(Netns ns, RandomRouting routing) {
        for (Family f : Family.values()) {
            StringBuilder batch = new StringBuilder();
            for (Route r : routing.routes) {
                if (r.family() == f) batch.append(ChangeSyntax.batchLine(Change.add(r))).append('\n');
            }
            for (Rule r : routing.rules) {
                if (r.family() == f) batch.append(ChangeSyntax.batchLine(Change.add(r))).append('\n');
            }
            // -force: a line the kernel refuses (a rule it takes for a duplicate) is skipped; the
            // simulation runs on what is read back, so the namespace is the truth either way
            List<String> argv = new ArrayList<>(List.of("ip", "-n", ns.name(), "-force"));
            if (f == Family.INET6) argv.add("-6");
            argv.addAll(List.of("-batch", "-"));
            Shell.Result r = Shell.run(argv, batch.toString());
            if (r.exitCode() != 0 && !r.stderr().lines().allMatch(l -> l.contains("File exists") || l.startsWith("Command failed"))) {
                throw new IllegalStateException("installing the random state failed: " + r.stderr() + "\nbatch:\n" + batch);
            }
        }
    }

    /** The namespace as routesync reads a host: every table rules look up, main, local and default. */
    private Observed read(Netns ns) {
        try {
            TargetPaths paths = TargetPaths.of(ns.name(), dir.resolve("etc").toString(), dir.resolve("state").toString(), dir.toString());
            HostReading reading = HostReader.read(LocalTarget.netns(ns.name()), paths, new TreeSet<>(TABLES),
                    Duration.ofSeconds(5), Duration.ofSeconds(30));
            return reading.observed();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + ns.name(), e);
        }
    }

    private static String rules(Fib fib, Family f) {
        StringBuilder s = new StringBuilder();
        for (Rule r : fib.rules(f)) s.append("      ").append(IpSyntax.ruleArgs(r, null)).append('\n');
        for (TableId t : RandomRouting.ROUTE_TABLES) {
            for (Route r : fib.routes(f, t)) s.append("      route ").append(IpSyntax.routeArgs(r, null, true)).append('\n');
        }
        return s.toString();
    }
}

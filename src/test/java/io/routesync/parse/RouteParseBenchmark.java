package io.routesync.parse;

import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.TableId;
import java.util.List;

/**
 * Measures the route list parser on one core, by hand (not a test: timings belong to no assertion).
 * Parses 1M typical lines ({@code 10.x.y.0/24 via 192.0.2.1 dev eth1 proto 245 metric 100}, as
 * {@code ip -N route list table T} prints them) several times and prints the best rate.
 *
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.routesync.parse.RouteParseBenchmark [lines] [rounds]
 * </pre>
 */
public final class RouteParseBenchmark {
    private RouteParseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        run("IPv4", Family.INET, ipv4(lines), lines, rounds);
        run("IPv6", Family.INET6, ipv6(lines), lines, rounds);
    }

    private static void run(String label, Family family, String output, int lines, int rounds) throws Exception {
        double best = 0;
        long checksum = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            List<Route> routes = RouteGrammar.parseShow(output, family, TableId.of(100), Names.builtin(), "bench");
            long nanos = System.nanoTime() - start;
            if (routes.size() != lines) throw new AssertionError(routes.size() + " routes from " + lines + " lines");
            checksum += routes.get(routes.size() - 1).metric();
            double rate = lines / (nanos / 1e9);
            best = Math.max(best, rate);
            System.out.printf("%s round %d: %,.0f lines/s (%d ms)%n", label, round + 1, rate, nanos / 1_000_000);
        }
        System.out.printf("%s best: %,.0f lines/s (%,d bytes of output, checksum %d)%n", label, best, output.length(), checksum);
    }

    static String ipv4(int lines) {
        StringBuilder out = new StringBuilder(lines * 60);
        for (int i = 0; i < lines; i++) {
            out.append(10 + (i >>> 16)).append('.').append((i >>> 8) & 0xff).append('.').append(i & 0xff)
                    .append(".0/24 via 192.0.2.1 dev eth1 proto 245 metric 100 \n");
        }
        return out.toString();
    }

    static String ipv6(int lines) {
        StringBuilder out = new StringBuilder(lines * 80);
        for (int i = 0; i < lines; i++) {
            out.append("2001:db8:").append(Integer.toHexString(i >>> 16)).append(':').append(Integer.toHexString(i & 0xffff))
                    .append("::/64 via 2001:db8::1 dev eth1 proto 245 metric 1024 pref medium\n");
        }
        return out.toString();
    }
}

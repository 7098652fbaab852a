package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.testing.Netns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures the golden fixtures from a real kernel: builds a throwaway namespace holding every entry of
 * {@link FixtureCases}, dumps {@code ip rule show} and {@code ip route list} in every form routesync may
 * meet (named, {@code -N}, {@code -d}, {@code -j}) into {@code src/test/resources/fixtures/ip/{inet,inet6}},
 * and writes beside each text dump the expected reading (one entry per line, in numeric
 * {@code ip rule add} / {@code ip route add} form). Run by hand, as root, only to regenerate on purpose;
 * then read the diff of the {@code .expected} files before committing them.
 *
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.routesync.iproute2.FixtureCapture
 * </pre>
 */
public final class FixtureCapture {
    static final Path ROOT = Path.of("src/test/resources/fixtures/ip");

    private FixtureCapture() {
    }

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : ROOT;
        try (Netns ns = Netns.create("fixture")) {
            List<String> setup = populate(ns);
            for (Family family : Family.values()) {
                Path dir = root.resolve(family.keyword());
                Files.createDirectories(dir);
                write(dir.resolve("setup.txt"), String.join("\n", setup) + "\n");
                write(dir.resolve("rules.add"), lines(family == Family.INET ? FixtureCases.RULES_INET : FixtureCases.RULES_INET6));
                write(dir.resolve("routes.add"), lines(family == Family.INET ? FixtureCases.ROUTES_INET : FixtureCases.ROUTES_INET6));
                dump(ns, dir, family);
            }
        }
    }

    /** Adds every case of {@link FixtureCases} to {@code ns}; returns the ip commands it ran, in order. */
    static List<String> populate(Netns ns) {
        List<String> setup = new ArrayList<>();
        run(ns, setup, FixtureCases.LINKS);
        run(ns, setup, withTable("route add ", FixtureCases.ROUTES_INET));
        run(ns, setup, withTable("-6 route add ", FixtureCases.ROUTES_INET6));
        run(ns, setup, withTable("-6 route add ", FixtureCases.STATE_ROUTES_INET6));
        run(ns, setup, FixtureCases.LINK_STATE);
        // rules last: an unreachable or blackhole rule would otherwise stand in the way of adding routes
        run(ns, setup, prefixed("rule add ", FixtureCases.RULES_INET));
        run(ns, setup, prefixed("-6 rule add ", FixtureCases.RULES_INET6));
        return setup;
    }

    private static void dump(Netns ns, Path dir, Family family) throws Exception {
        String f = family.flag();
        String t = FixtureCases.TABLE;
        capture(ns, dir, "rule-show.txt", f, "rule", "show");
        capture(ns, dir, "rule-show-d.txt", f, "-d", "rule", "show");
        capture(ns, dir, "rule-show-N.txt", f, "-N", "rule", "show");
        capture(ns, dir, "rule-show-dN.txt", f, "-d", "-N", "rule", "show");
        capture(ns, dir, "rule-show-d.json", f, "-j", "-d", "rule", "show");
        capture(ns, dir, "rule-show-dN.json", f, "-j", "-d", "-N", "rule", "show");
        capture(ns, dir, "route-list.txt", f, "route", "list", "table", t);
        capture(ns, dir, "route-list-d.txt", f, "-d", "route", "list", "table", t);
        capture(ns, dir, "route-list-N.txt", f, "-N", "route", "list", "table", t);
        capture(ns, dir, "route-list-dN.txt", f, "-d", "-N", "route", "list", "table", t);
        capture(ns, dir, "route-list.json", f, "-j", "route", "list", "table", t);
        capture(ns, dir, "route-list-N.json", f, "-j", "-N", "route", "list", "table", t);
        capture(ns, dir, "route-list-dN.json", f, "-j", "-d", "-N", "route", "list", "table", t);
        capture(ns, dir, "route-list-table-all.txt", f, "route", "list", "table", "all");
        capture(ns, dir, "route-list-table-all-N.txt", f, "-N", "route", "list", "table", "all");
        capture(ns, dir, "route-list-table-all-N.json", f, "-j", "-N", "route", "list", "table", "all");
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".txt") && !p.endsWith("setup.txt"))::iterator) {
                write(expectedFile(p), expected(p, family));
            }
        }
    }

    static Path expectedFile(Path txt) {
        String name = txt.getFileName().toString();
        return txt.resolveSibling(name.substring(0, name.length() - 4) + ".expected");
    }

    /** The reading of one text fixture, one entry per line in numeric input form (table included for routes). */
    static String expected(Path txt, Family family) throws IOException, OutputException {
        StringBuilder out = new StringBuilder();
        String name = txt.getFileName().toString();
        String content = Files.readString(txt);
        if (name.startsWith("rule-")) {
            for (Rule r : RuleGrammar.parseShowOutput(content, family, Names.builtin(), name)) {
                out.append(IpSyntax.ruleArgs(r, null)).append('\n');
            }
        } else {
            for (Route r : RouteGrammar.parseShow(content, family, tableOf(name), Names.builtin(), name)) {
                out.append(IpSyntax.routeArgs(r, null, true)).append('\n');
            }
        }
        return out.toString();
    }

    /** The table a route fixture lists: {@code table all} prints the table except for main. */
    static TableId tableOf(String fixtureName) {
        return fixtureName.contains("table-all") ? TableId.MAIN : TableId.of(Long.parseLong(FixtureCases.TABLE));
    }

    private static void capture(Netns ns, Path dir, String file, String... args) throws IOException {
        write(dir.resolve(file), ns.ip(args));
    }

    private static void run(Netns ns, List<String> setup, List<String> commands) {
        for (String c : commands) {
            setup.add("ip " + c);
            ns.ip(c.split(" "));
        }
    }

    private static List<String> withTable(String prefix, List<String> routes) {
        List<String> out = new ArrayList<>();
        for (String r : routes) {
            // iproute2 reads nothing after nexthop groups, so the table goes before them
            int nh = r.indexOf(" nexthop ");
            String withTable = nh < 0 ? r + " table " + FixtureCases.TABLE
                    : r.substring(0, nh) + " table " + FixtureCases.TABLE + r.substring(nh);
            out.add(prefix + withTable);
        }
        return out;
    }

    private static List<String> prefixed(String prefix, List<String> commands) {
        List<String> out = new ArrayList<>();
        for (String c : commands) out.add(prefix + c);
        return out;
    }

    private static String lines(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}

package io.routesync.iproute2;

import io.routesync.model.Family;
import io.routesync.model.MetricValue;
import io.routesync.model.Route;
import io.routesync.model.RouteMetric;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Access to the captured fixtures under {@code src/test/resources/fixtures/ip} for the tests. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir(Family family) {
        return FixtureCapture.ROOT.resolve(family.keyword());
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path p) {
        List<String> out = new ArrayList<>();
        for (String l : read(p).split("\n")) {
            if (!l.isBlank()) out.add(l);
        }
        return out;
    }

    /** Every file of both families whose name ends with {@code suffix}. */
    static Stream<Path> files(String suffix) {
        List<Path> out = new ArrayList<>();
        for (Family f : Family.values()) {
            try (Stream<Path> s = Files.list(dir(f))) {
                s.filter(p -> p.getFileName().toString().endsWith(suffix) && !p.getFileName().toString().equals("setup.txt"))
                        .sorted().forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.stream();
    }

    static Family familyOf(Path fixture) {
        return Family.ofKeyword(fixture.getParent().getFileName().toString());
    }

    static TableId tableOf(Path fixture) {
        return FixtureCapture.tableOf(fixture.getFileName().toString());
    }

    static boolean isRules(Path fixture) {
        return fixture.getFileName().toString().startsWith("rule-");
    }

    /** The fixture beside {@code p} with another extension. */
    static Path sibling(Path p, String extension) {
        String name = p.getFileName().toString();
        return p.resolveSibling(name.substring(0, name.lastIndexOf('.')) + extension);
    }

    /** The route with every metric unlocked: what JSON, which carries no lock, can be compared with. */
    static Route withoutLocks(Route r) {
        if (r.metrics().isEmpty()) return r;
        Map<RouteMetric, MetricValue> m = new EnumMap<>(RouteMetric.class);
        r.metrics().forEach((k, v) -> m.put(k, new MetricValue(v.number(), v.name(), false)));
        return r.toBuilder().metrics(m).build();
    }

    static List<Route> withoutLocks(List<Route> routes) {
        List<Route> out = new ArrayList<>();
        for (Route r : routes) out.add(withoutLocks(r));
        return out;
    }

    static List<String> words(String line) {
        return List.of(line.trim().split("\\s+"));
    }

    static List<Rule> rulesAdded(Family family) throws SyntaxException {
        List<Rule> out = new ArrayList<>();
        for (String line : lines(dir(family).resolve("rules.add"))) {
            // ip rule add without protocol leaves it unspec (0)
            out.add(RuleGrammar.parseAdd(words(line), family, Names.builtin(), Rule.PROTOCOL_UNSPEC));
        }
        return out;
    }

    static List<Route> routesAdded(Family family) throws SyntaxException {
        List<Route> out = new ArrayList<>();
        for (String line : lines(dir(family).resolve("routes.add"))) {
            // ip route add without proto sets boot (3)
            out.add(RouteGrammar.parseAdd(words(line), family, TableId.of(100), Names.builtin(), Route.PROTOCOL_BOOT));
        }
        return out;
    }
}

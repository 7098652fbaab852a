package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parsers against real {@code ip} output captured by {@link FixtureCapture}: every text dump reads
 * to exactly its {@code .expected} entries; the JSON dump of the same state reads to the same entries;
 * and every entry the namespace was built from, read by the add grammar, is what the kernel listed.
 */
class GoldenFixtureTest {

    static Stream<Path> textFixtures() {
        return Fixtures.files(".txt");
    }

    static Stream<Path> jsonFixtures() {
        return Fixtures.files(".json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textFixtures")
    void textDumpReadsToTheExpectedEntries(Path fixture) throws Exception {
        List<String> expected = Fixtures.lines(Fixtures.sibling(fixture, ".expected"));
        List<String> actual = List.of(FixtureCapture.expected(fixture, Fixtures.familyOf(fixture)).split("\n"));
        assertFalse(expected.isEmpty(), "an empty fixture proves nothing: " + fixture);
        assertEquals(String.join("\n", expected), String.join("\n", actual), fixture.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonFixtures")
    void jsonDumpReadsToTheSameEntriesAsTheText(Path json) throws Exception {
        Path text = Fixtures.sibling(json, ".txt");
        Family family = Fixtures.familyOf(json);
        String name = json.getFileName().toString();
        if (Fixtures.isRules(json)) {
            List<Rule> fromText = RuleGrammar.parseShowOutput(Fixtures.read(text), family, Names.builtin(), name);
            List<Rule> fromJson = RuleJsonReader.parse(Fixtures.read(json), family, Names.builtin(), name);
            assertEquals(fromText, fromJson);
        } else {
            TableId table = Fixtures.tableOf(json);
            List<Route> fromText = RouteGrammar.parseShow(Fixtures.read(text), family, table, Names.builtin(), name);
            List<Route> fromJson = RouteJsonReader.parse(Fixtures.read(json), family, table, Names.builtin(), name);
            assertTrue(fromJson.stream().allMatch(r -> r.metrics().values().stream().noneMatch(v -> v.lock())),
                    "JSON carries no lock");
            assertEquals(Fixtures.withoutLocks(fromText), fromJson);
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void everyRuleAddedIsReadBackAsTheAddGrammarPredicts(Family family) throws Exception {
        List<Rule> listed = RuleGrammar.parseShowOutput(Fixtures.read(Fixtures.dir(family).resolve("rule-show-dN.txt")),
                family, Names.builtin(), "rule-show-dN.txt");
        List<Rule> rest = new ArrayList<>(listed);
        for (Rule added : Fixtures.rulesAdded(family)) {
            Rule match = rest.stream()
                    .filter(r -> added.priority() == null ? r.withPriority(null).equals(added) : r.equals(added))
                    .findFirst().orElse(null);
            if (match == null) fail("added " + added + "\nbut the kernel lists:\n" + String.join("\n", listed.stream().map(Rule::toString).toList()));
            rest.remove(match);
        }
        assertTrue(rest.stream().allMatch(Rule::isDefaultRule), "only the kernel's default rules remain: " + rest);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void everyRouteAddedIsReadBackAsTheAddGrammarPredicts(Family family) throws Exception {
        List<Route> listed = RouteGrammar.parseShow(Fixtures.read(Fixtures.dir(family).resolve("route-list-dN.txt")),
                family, TableId.of(100), Names.builtin(), "route-list-dN.txt");
        List<Route> rest = new ArrayList<>(listed);
        for (Route added : Fixtures.routesAdded(family)) {
            if (!rest.remove(added)) {
                fail("added " + added + "\nbut the kernel lists:\n" + String.join("\n", listed.stream().map(Route::toString).toList()));
            }
        }
        // what remains is the expiring route, added only as kernel state
        for (Route r : rest) assertEquals("2001:db8:21::/48", r.dst().toString(), "unexpected route " + r);
    }
}

package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code parse(render(x)).equals(x)}: for every entry read from the golden fixtures (every kind of rule
 * and route the kernel printed), and for seeded random entries covering every field. Both the numeric
 * form (batch lines) and the named form (human output) must read back to the same entry.
 */
class RoundTripTest {
    private static final Names NAMES = Names.builtin();

    static Stream<Object[]> fixtureEntries() throws Exception {
        List<Object[]> out = new ArrayList<>();
        for (Path p : (Iterable<Path>) Fixtures.files(".txt")::iterator) {
            Family family = Fixtures.familyOf(p);
            String name = p.getFileName().toString();
            if (Fixtures.isRules(p)) {
                for (Rule r : RuleGrammar.parseShowOutput(Fixtures.read(p), family, NAMES, name)) out.add(new Object[] {name, r});
            } else {
                for (Route r : RouteGrammar.parseShow(Fixtures.read(p), family, Fixtures.tableOf(p), NAMES, name)) {
                    out.add(new Object[] {name, r});
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("fixtureEntries")
    void everyKindOfEntryReadsBackFromItsRendering(String fixture, Object entry) throws Exception {
        if (entry instanceof Rule) {
            assertRuleRoundTrip((Rule) entry);
        } else if (entry instanceof Route) {
            assertRouteRoundTrip((Route) entry);
        } else {
            throw new AssertionError(entry);
        }
    }

    @Test
    void randomRulesReadBackFromTheirRendering() throws Exception {
        RandomEntries random = new RandomEntries(20240601L);
        for (int i = 0; i < 20_000; i++) assertRuleRoundTrip(random.rule());
    }

    @Test
    void randomRoutesReadBackFromTheirRendering() throws Exception {
        RandomEntries random = new RandomEntries(42L);
        for (int i = 0; i < 20_000; i++) assertRouteRoundTrip(random.route());
    }

    @Test
    void theRouteRenderingWithTableNamesTheTable() {
        Route r = Route.builder(Family.INET, io.routesync.model.TableId.MAIN).dst(io.routesync.model.Prefix.parse("10.0.0.0/8"))
                .nexthop(io.routesync.model.NextHop.of(null, io.routesync.model.Interface.of("eth0"))).build();
        assertEquals("10.0.0.0/8 dev eth0 table 254 proto 3 scope 253 metric 0", IpSyntax.routeArgs(r, null, true));
        // for people, what ip route add would choose anyway (scope link without a gateway, metric 0) is left out
        assertEquals("10.0.0.0/8 dev eth0 table main proto boot", IpSyntax.routeArgs(r, NAMES, true));
        Route odd = r.toBuilder().scope(0).metric(7).build();
        assertEquals("10.0.0.0/8 dev eth0 table main proto boot scope global metric 7", IpSyntax.routeArgs(odd, NAMES, true));
    }

    static void assertRuleRoundTrip(Rule rule) throws SyntaxException {
        for (Names names : new Names[] {null, NAMES}) {
            String text = IpSyntax.ruleArgs(rule, names);
            Rule back = RuleGrammar.parseAdd(Fixtures.words(text), rule.family(), NAMES, -1);
            assertEquals(rule, back, text);
            if (rule.priority() != null) assertTrue(text.startsWith("pref "), text);
            if (rule.protocol() != -1) assertTrue(text.contains(" protocol "), text);
        }
    }

    static void assertRouteRoundTrip(Route route) throws SyntaxException {
        for (Names names : new Names[] {null, NAMES}) {
            String text = IpSyntax.routeArgs(route, names, false);
            Route back = RouteGrammar.parseAdd(Fixtures.words(text), route.family(), route.table(), NAMES, 0);
            assertEquals(route, back, text);
            if (route.family() == Family.INET6) assertTrue(!text.contains(" scope "), text);
            if (route.type().isReject()) assertTrue(!text.contains(" dev "), text);
        }
    }
}

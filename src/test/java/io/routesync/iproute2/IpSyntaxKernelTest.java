package io.routesync.iproute2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.routesync.model.Family;
import io.routesync.model.Route;
import io.routesync.model.Rule;
import io.routesync.model.TableId;
import io.routesync.testing.KernelAccess;
import io.routesync.testing.Netns;
import io.routesync.testing.Shell;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the renderer writes, the real {@code ip} accepts and the kernel stores as exactly the entry that
 * was rendered: for every kind of rule and route, {@code add} with the rendered form creates it,
 * {@code replace} (routes) keeps it, and {@code del} with the rendered full form removes exactly it.
 * Both forms are used: numeric (batch lines) and named (human output). Then the same as batch files.
 */
class IpSyntaxKernelTest {
    private static final Names NAMES = Names.builtin();
    private static final TableId TABLE = TableId.of(100);
    private static Netns ns;

    @BeforeAll
    static void buildNamespace() {
        KernelAccess.require();
        ns = Netns.create("syntax");
        try {
            for (String c : FixtureCases.LINKS) ns.ip(c.split(" "));
        } catch (RuntimeException e) {
            ns.close();
            ns = null;
            throw e;
        }
    }

    @AfterAll
    static void removeNamespace() {
        if (ns != null) ns.close();
    }

    private static void ip(Family f, String command, String args) {
        List<String> argv = new ArrayList<>(List.of(f.flag()));
        argv.addAll(List.of(command.split(" ")));
        argv.addAll(Fixtures.words(args));
        ns.ip(argv.toArray(String[]::new));
    }

    private static List<Rule> rules(Family f) throws OutputException {
        return RuleGrammar.parseShowOutput(ns.ip(f.flag(), "-d", "-N", "rule", "show"), f, NAMES, "ip -d -N rule show");
    }

    private static List<Route> routes(Family f) throws OutputException {
        Shell.Result r = ns.tryIp(f.flag(), "-N", "route", "list", "table", "100");
        if (r.exitCode() != 0 && r.stderr().contains("does not exist")) return List.of();
        if (r.exitCode() != 0) throw new IllegalStateException(r.stderr());
        return RouteGrammar.parseShow(r.stdout(), f, TABLE, NAMES, "ip -N route list table 100");
    }

    /** The rules now listed minus those listed before (by equality, once each). */
    private static List<Rule> added(List<Rule> before, List<Rule> now) {
        List<Rule> rest = new ArrayList<>(now);
        for (Rule r : before) rest.remove(r);
        return rest;
    }

    private static void assertSameRule(Rule expected, List<Rule> added, String text) {
        assertEquals(1, added.size(), text + " -> " + added);
        Rule actual = expected.priority() == null ? added.get(0).withPriority(null) : added.get(0);
        assertEquals(expected, actual, text);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void everyRenderedRuleIsAddedAndDeletedExactly(Family f) throws Exception {
        List<Rule> baseline = rules(f);
        for (Rule rule : Fixtures.rulesAdded(f)) {
            String numeric = IpSyntax.ruleArgs(rule, null);
            ip(f, "rule add", numeric);
            assertSameRule(rule, added(baseline, rules(f)), numeric);
            ip(f, "rule del", IpSyntax.ruleArgs(rule, NAMES));
            assertEquals(baseline, rules(f), "deleted exactly: " + numeric);
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void randomRulesAreAcceptedByIp(Family f) throws Exception {
        List<Rule> baseline = rules(f);
        RandomEntries random = new RandomEntries(7L + f.ordinal());
        int tried = 0;
        while (tried < 150) {
            Rule rule = random.rule();
            if (rule.family() != f) continue;
            tried++;
            String numeric = IpSyntax.ruleArgs(rule, null);
            ip(f, "rule add", numeric);
            // the kernel stores protocol 0 when none is given, which the model calls "not known"
            Rule expected = rule.protocol() == -1 ? rule.withProtocol(0) : rule;
            assertSameRule(expected, added(baseline, rules(f)), numeric);
            ip(f, "rule del", numeric);
            assertEquals(baseline, rules(f), "deleted exactly: " + numeric);
        }
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void everyRenderedRouteIsAddedReplacedAndDeletedExactly(Family f) throws Exception {
        for (Route route : Fixtures.routesAdded(f)) {
            String numeric = IpSyntax.routeArgs(route, null, true);
            String named = IpSyntax.routeArgs(route, NAMES, true);
            ip(f, "route add", numeric);
            assertEquals(List.of(route), routes(f), "added: " + numeric);
            ip(f, "route replace", named);
            assertEquals(List.of(route), routes(f), "replaced: " + named);
            ip(f, "route del", numeric);
            assertEquals(List.of(), routes(f), "deleted: " + numeric);
        }
    }

    @Test
    void batchLinesAddAndDeleteEverythingInOneRunPerFamily() throws Exception {
        for (Family f : Family.values()) {
            List<Rule> baseline = rules(f);
            // routes before rules and rules deleted before routes, as the planner orders them: some fixture
            // rules (unreachable, suppress_prefixlength) would stand in the way of checking new gateways
            StringBuilder add = new StringBuilder();
            StringBuilder del = new StringBuilder();
            List<Route> routesToAdd = Fixtures.routesAdded(f);
            for (Route r : routesToAdd) add.append("route add ").append(IpSyntax.routeArgs(r, null, true)).append('\n');
            List<Rule> rulesToAdd = Fixtures.rulesAdded(f);
            for (Rule r : rulesToAdd) {
                add.append("rule add ").append(IpSyntax.ruleArgs(r, null)).append('\n');
                del.append("rule del ").append(IpSyntax.ruleArgs(r, null)).append('\n');
            }
            for (Route r : routesToAdd) del.append("route del ").append(IpSyntax.routeArgs(r, null, true)).append('\n');
            ns.batch(f == Family.INET6, add.toString());
            List<Rule> nowRules = added(baseline, rules(f));
            assertEquals(rulesToAdd.size(), nowRules.size());
            for (Rule r : rulesToAdd) {
                assertEquals(1, nowRules.stream().filter(x -> (r.priority() == null ? x.withPriority(null) : x).equals(r)).count(), r.toString());
            }
            List<Route> nowRoutes = routes(f);
            assertEquals(routesToAdd.size(), nowRoutes.size());
            assertEquals(new java.util.HashSet<>(routesToAdd), new java.util.HashSet<>(nowRoutes));
            ns.batch(f == Family.INET6, del.toString());
            assertEquals(baseline, rules(f));
            assertEquals(List.of(), routes(f));
        }
    }
}
